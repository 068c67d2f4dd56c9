package dev.sluice.bench;

import dev.sluice.runtime.broker.EmbeddedKafkaCluster;
import dev.sluice.runtime.broker.Ports;
import dev.sluice.runtime.dev.LocalPostgresServer;
import dev.sluice.testkit.ConnectRestClient;
import dev.sluice.testkit.WorkerNode;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.ToDoubleFunction;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.utils.Time;

/**
 * {@code ./sluice bench cdc-source}: how fast the RDS PostgreSQL connector of the cdc-source plugin, run by a worker
 * node, streams a table's inserts into a topic, against the raw limit of the same server: the same changes read from
 * a logical replication slot of their own with the PostgreSQL JDBC driver's replication API ({@link RawSlotReader}).
 * Each round inserts the rows once, while the connector is stopped, so that both slots hold the same changes; then
 * the raw reader reads its slot and the connector, resumed, streams from its own, in alternating order. Both are held
 * to {@link RateWindow}: the raw reader's count of inserts read, the connector's count of records in the topic.
 * After the rounds, the commit-to-topic latency of the connector, resumed once more, is measured at a steady rate
 * ({@link CommitLatencyProbe}).
 */
public final class CdcSourceBench implements Benchmark {

    private static final String CONNECTOR = "bench-cdc";
    private static final String TOPIC_PREFIX = "bench";
    private static final String TOPIC = TOPIC_PREFIX + "." + CdcRows.QUALIFIED_TABLE;
    private static final int INSERT_THREADS = 2;
    private static final Duration SAMPLE_INTERVAL = Duration.ofMillis(50);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);

    /**
     * What we would tell a user who wants a busy table's changes soon and cheaply; see docs/benchmarks.md for what
     * each does to the figures. Debezium waits up to {@code poll.interval.ms} (default 500) both when the slot has
     * nothing new and for a full batch, so at a steady trickle a change waits for up to twice that. Batches of 8,192
     * changes (default 2,048; the queue four of them) and producer batches of 512 KiB given 10 ms to fill (Kafka's
     * defaults, 16 KiB and 5 ms, make batches of about 25 of these records) cut the work per change of the task and
     * of the broker. Debezium's context headers (four string headers on every record naming the connector, its
     * logical name, task and run, for tracing records back to their connector) are left out: a consumer that does
     * not read them saves the task their conversion and the topic their bytes (119 of names alone).
     */
    static final Map<String, String> TUNING = Map.of(
            "poll.interval.ms", "50",
            "max.batch.size", "8192",
            "max.queue.size", "32768",
            "producer.override.linger.ms", "10",
            "producer.override.batch.size", Integer.toString(512 * 1024),
            "extended.headers.enabled", "false");

    private final Time time = Time.SYSTEM;
    private final CounterSampler sampler = new CounterSampler(time, SAMPLE_INTERVAL, RUN_TIMEOUT);
    private final Poller poller = new Poller(time, POLL_INTERVAL, RUN_TIMEOUT);

    /** One insert of the round's rows, then one raw run and one connector run over them. */
    private record Round(Throughput insert, MeasuredRun raw, MeasuredRun connector) {

        double ratio() {
            return connector.rate().recordsPerSecond() / raw.rate().recordsPerSecond();
        }
    }

    /** The servers and clients a measurement uses. */
    private record Stand(LocalPostgresServer postgres, ProcessTreeCpu postgresCpu, Connectors connectors, Admin admin,
                         String bootstrapServers) {
    }

    @Override
    public void run(List<String> args, PrintStream out) throws Exception {
        var settings = CdcSourceBenchSettings.parse(args);
        String pluginPath = BenchPlugins.path();
        out.printf(Locale.ROOT, "cdc-source: %,d rows of about 200 B a round, inserted %,d a transaction by %d "
                        + "connections into %s on PostgreSQL 14 (embedded, loopback), %d rounds%n",
                settings.records(), settings.insertBatch(), INSERT_THREADS, CdcRows.QUALIFIED_TABLE,
                settings.rounds());
        out.printf(Locale.ROOT, "connector: RdsPostgresConnector (Debezium, pgoutput), streaming, JsonConverter "
                + "without schemas, into %s (1 partition), %s; raw: PGReplicationStream on a slot of its own, "
                + "pgoutput, counting inserts and acknowledging each commit%n", TOPIC, new TreeMap<>(TUNING));
        out.printf(Locale.ROOT, "rate: changes/s (rows inserted and read)%n");

        CommitLatencyProbe.Result latency;
        List<Round> rounds;
        try (var dir = TempDirectory.create("sluice-bench-cdc-source-");
             var cluster = EmbeddedKafkaCluster.builder(dir.path().resolve("kafka")).brokers(1).freePorts()
                     .build();
             var postgres = new LocalPostgresServer(Ports.freePorts("127.0.0.1", 1).get(0),
                     dir.path().resolve("postgres"), dir.path().resolve("postgres.log"))) {
            StandIns.startBeside(cluster, postgres::start, "postgres");
            List<Integer> ports = Ports.freePorts("127.0.0.1", 2);
            var node = new WorkerNode(cluster.bootstrapServers(), List.of(pluginPath), Map.of(), ports.get(0),
                    ports.get(1));
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    cluster.bootstrapServers()))) {
                node.start();
                var stand = new Stand(postgres, new ProcessTreeCpu(postmaster(dir.path().resolve("postgres"))),
                        new Connectors(new ConnectRestClient(node.apiUrl()), admin, poller), admin,
                        cluster.bootstrapServers());
                CdcRows.createTable(postgres);
                startConnector(stand);
                try {
                    stand.connectors().stop(CONNECTOR);
                    RawSlotReader.createSlot(postgres);
                    try {
                        rounds = measure(settings, stand, out);
                    } finally {
                        RawSlotReader.dropSlot(postgres);
                    }
                    latency = latency(settings, stand);
                } finally {
                    retire(stand);
                }
            } finally {
                node.stop();
            }
        }
        report(settings, latency, rounds, out);
    }

    /** The server's first process, whose descendants are its backends and WAL senders. */
    private static ProcessHandle postmaster(Path dataDir) throws Exception {
        long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no PostgreSQL process " + pid));
    }

    /**
     * Creates the connector over a table of one row (id 0) and waits until it has streamed a row inserted after its
     * snapshot (id -1): from then on its offsets are a position in the slot, so that it resumes streaming.
     */
    private void startConnector(Stand stand) throws Exception {
        try (var row = new CdcRows(stand.postgres(), 1)) {
            row.insert(0);
            stand.connectors().create(CONNECTOR, config(stand.postgres()));
            stand.connectors().awaitRunning(CONNECTOR, 1);
            poller.until(() -> topicRecords(stand) >= 1, () -> "the snapshot of " + CdcRows.QUALIFIED_TABLE
                    + " in " + TOPIC + "; connector status: " + stand.connectors().status(CONNECTOR));
            row.insert(-1);
            poller.until(() -> topicRecords(stand) >= 2, () -> "a streamed row in " + TOPIC + "; connector status: "
                    + stand.connectors().status(CONNECTOR));
        }
    }

    /** The connector, warm from the rounds, resumed for the latency run and stopped again. */
    private CommitLatencyProbe.Result latency(CdcSourceBenchSettings settings, Stand stand) throws Exception {
        stand.connectors().resume(CONNECTOR);
        try {
            return new CommitLatencyProbe(stand.postgres(), stand.bootstrapServers(), time).run(TOPIC, 1,
                    settings.latencyRate(), Duration.ofSeconds(CdcSourceBenchSettings.LATENCY_WARM_UP_SECONDS),
                    Duration.ofSeconds(settings.latencySeconds()));
        } finally {
            stand.connectors().stop(CONNECTOR);
        }
    }

    /** Resets the stopped connector's offsets, which drops its slot, and deletes it. */
    private static void retire(Stand stand) throws Exception {
        stand.connectors().stop(CONNECTOR);
        stand.connectors().resetOffsets(CONNECTOR);
        stand.connectors().deleteAndAwaitRetired(CONNECTOR);
    }

    private List<Round> measure(CdcSourceBenchSettings settings, Stand stand, PrintStream out) throws Exception {
        // The first runs are slower while the JIT compiles their paths (Debezium's, Connect's and the broker's): shown,
        // not counted.
        for (int round = 1; round <= settings.warmUpRounds(); round++) {
            out.printf(Locale.ROOT, "warm-up %d: %s | not counted%n", round, describe(round(settings, stand,
                    round % 2 == 1)));
        }
        List<Round> rounds = new ArrayList<>();
        for (int round = 1; round <= settings.rounds(); round++) {
            Round r = round(settings, stand, round % 2 == 1);
            rounds.add(r);
            out.printf(Locale.ROOT, "round %d:   %s%n", round, describe(r));
        }
        return rounds;
    }

    private Round round(CdcSourceBenchSettings settings, Stand stand, boolean rawFirst) throws Exception {
        Throughput insert = insert(settings, stand.postgres());
        Round round;
        if (rawFirst) {
            MeasuredRun raw = raw(settings, stand);
            round = new Round(insert, raw, connector(settings, stand));
        } else {
            MeasuredRun connector = connector(settings, stand);
            round = new Round(insert, raw(settings, stand), connector);
        }
        CdcRows.truncate(stand.postgres());
        return round;
    }

    /** The round's rows, ids 1 to {@code records}, in transactions of {@code insertBatch} rows. */
    private Throughput insert(CdcSourceBenchSettings settings, LocalPostgresServer postgres) throws Exception {
        int batch = settings.insertBatch();
        long nanos = new TimedWorkers(time).run("bench-insert", INSERT_THREADS, settings.records() / batch,
                () -> new CdcRows(postgres, batch), (rows, statement) -> rows.insert(1 + statement * batch));
        return new Throughput(new Counts(settings.records(), 0), nanos);
    }

    /** One pass of the raw reader over the round's changes; it must read every insert once. */
    private MeasuredRun raw(CdcSourceBenchSettings settings, Stand stand) throws Exception {
        var reader = new RawSlotReader(stand.postgres(), settings.records());
        Thread reading = new Thread(reader, "bench-raw-slot");
        reading.setDaemon(true);
        var before = stand.postgresCpu().mark();
        reading.start();
        Throughput rate;
        CpuUse cpu;
        try {
            rate = sampler.await(settings.records(), reader::counts);
            cpu = stand.postgresCpu().since(before);
        } finally {
            reader.stop();
        }
        reading.join(RUN_TIMEOUT.toMillis());
        long read = reader.counts().records();
        if (read != settings.records()) {
            throw new IllegalStateException("the raw reader read " + read + " inserts, not " + settings.records());
        }
        return new MeasuredRun(rate, cpu, settings.records());
    }

    /**
     * The stopped connector resumed until the topic holds the round's records, then stopped again (which commits
     * its offsets). The topic must have gained exactly one record per row: none lost, none sent twice.
     */
    private MeasuredRun connector(CdcSourceBenchSettings settings, Stand stand) throws Exception {
        long start = topicRecords(stand);
        var before = stand.postgresCpu().mark();
        stand.connectors().resume(CONNECTOR);
        Throughput rate;
        CpuUse cpu;
        try {
            rate = sampler.await(settings.records(), () -> new Counts(topicRecords(stand) - start, 0));
            cpu = stand.postgresCpu().since(before);
        } finally {
            stand.connectors().stop(CONNECTOR);
        }
        long added = topicRecords(stand) - start;
        if (added != settings.records()) {
            throw new IllegalStateException("the connector wrote " + added + " records for " + settings.records()
                    + " inserted rows");
        }
        return new MeasuredRun(rate, cpu, settings.records());
    }

    /** Records in the connector's topic so far; none before the connector has created it. */
    private static long topicRecords(Stand stand) {
        try {
            return TopicOffsets.endOffsetSum(stand.admin(), TOPIC, 1);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return 0;
            }
            throw new IllegalStateException("cannot read the end offset of " + TOPIC, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading the end offset of " + TOPIC, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no end offset of " + TOPIC + " within 30 s", e);
        }
    }

    /**
     * The connector's config: the RDS defaults, with TLS off as the stand-in has none, and {@link #TUNING}.
     */
    private static Map<String, String> config(LocalPostgresServer postgres) {
        Map<String, String> config = new HashMap<>(Map.ofEntries(
                Map.entry("connector.class", "dev.sluice.connect.cdc.RdsPostgresConnector"),
                Map.entry("tasks.max", "1"),
                Map.entry("database.hostname", postgres.host()),
                Map.entry("database.port", Integer.toString(postgres.port())),
                Map.entry("database.user", postgres.user()),
                Map.entry("database.password", postgres.password()),
                Map.entry("database.dbname", postgres.database()),
                Map.entry("database.sslmode", "disable"),
                Map.entry("topic.prefix", TOPIC_PREFIX),
                Map.entry("table.include.list", CdcRows.QUALIFIED_TABLE),
                Map.entry("key.converter", "org.apache.kafka.connect.json.JsonConverter"),
                Map.entry("key.converter.schemas.enable", "false"),
                Map.entry("value.converter", "org.apache.kafka.connect.json.JsonConverter"),
                Map.entry("value.converter.schemas.enable", "false"),
                Map.entry("topic.creation.default.partitions", "1"),
                Map.entry("topic.creation.default.replication.factor", "1")));
        config.putAll(TUNING);
        return config;
    }

    private static String rate(Throughput rate) {
        return String.format(Locale.ROOT, "%,.0f changes/s", rate.recordsPerSecond());
    }

    private static String describe(Round round) {
        return String.format(Locale.ROOT, "insert %s | raw %s | connector %s | ratio %.2f | CPU us/change: raw JVM "
                        + "%.1f + postgres %.1f, connector JVM %.1f + postgres %.1f", rate(round.insert()),
                rate(round.raw().rate()), rate(round.connector().rate()), round.ratio(),
                round.raw().jvmMicrosPerRecord(), round.raw().standInMicrosPerRecord(),
                round.connector().jvmMicrosPerRecord(), round.connector().standInMicrosPerRecord());
    }

    private static void report(CdcSourceBenchSettings settings, CommitLatencyProbe.Result latency,
                               List<Round> rounds, PrintStream out) {
        out.println();
        double raw = median(rounds, r -> r.raw().rate().recordsPerSecond());
        double connector = median(rounds, r -> r.connector().rate().recordsPerSecond());
        out.printf(Locale.ROOT, "median of %d rounds: insert %,.0f rows/s | raw slot %,.0f changes/s | connector "
                        + "%,.0f changes/s%n", rounds.size(), median(rounds, r -> r.insert().recordsPerSecond()), raw,
                connector);
        out.printf(Locale.ROOT, "median CPU per change (us): raw: JVM %.1f, postgres %.1f | connector: JVM %.1f, "
                        + "postgres %.1f%n", median(rounds, r -> r.raw().jvmMicrosPerRecord()),
                median(rounds, r -> r.raw().standInMicrosPerRecord()),
                median(rounds, r -> r.connector().jvmMicrosPerRecord()),
                median(rounds, r -> r.connector().standInMicrosPerRecord()));
        List<Double> ms = latency.latenciesMs();
        out.printf(Locale.ROOT, "commit->topic latency at %,d rows/s over %d s (%,d rows): p50 %.0f ms, p99 %.0f ms, "
                        + "max %.0f ms%n", settings.latencyRate(), settings.latencySeconds(), ms.size(),
                Stats.percentile(ms, 50), Stats.percentile(ms, 99), Stats.max(ms));
        out.printf(Locale.ROOT, "cdc-source-efficiency: %.2f%n", connector / raw);
    }

    private static double median(List<Round> rounds, ToDoubleFunction<Round> figure) {
        return Stats.median(rounds.stream().map(figure::applyAsDouble).toList());
    }
}
