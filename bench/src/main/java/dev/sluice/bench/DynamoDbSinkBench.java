package dev.sluice.bench;

import dev.sluice.runtime.broker.EmbeddedKafkaCluster;
import dev.sluice.runtime.broker.Ports;
import dev.sluice.runtime.dev.LocalDynamoDbServer;
import dev.sluice.testkit.ConnectRestClient;
import dev.sluice.testkit.WorkerNode;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.utils.Time;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * {@code ./sluice bench dynamodb-sink}: how fast the DynamoDB sink, run by a worker node, writes a topic's records as
 * items, against the raw limit of the same stand-in: the same items written with BatchWriteItem, 25 a request, by as
 * many threads as the sink has tasks, each with a client built as the connector builds its own.
 *
 * <p>The sink is held to {@link PipelineWindow}, sampled every 50 ms: from its consumers' first record read to the
 * sample in which its tasks have finished every record (Connect's {@code sink-record-send-total}, counted once
 * {@code put}, which writes before it returns, has returned). The raw writes are timed from the first request to the
 * last answer. Each run writes into a fresh table, counted afterwards; raw and sink alternate, and which goes first
 * alternates each round, so drift in a noisy machine falls on both alike. The stand-in is dynalite, a Node.js child
 * process on the same cores, with its tables in memory; the CPU time that it and this JVM use for each run is shown
 * per item, as the two compete for the same cores.
 */
public final class DynamoDbSinkBench implements Benchmark {

    private static final String TOPIC = "bench-dynamodb";
    private static final String REGION = "us-east-1";
    private static final String ACCESS_KEY = "bench";
    private static final String SECRET_KEY = "bench-secret";
    private static final Duration SAMPLE_INTERVAL = Duration.ofMillis(50);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);

    private final Time time = Time.SYSTEM;
    private final CounterSampler sampler = new CounterSampler(time, SAMPLE_INTERVAL, RUN_TIMEOUT);
    private final Poller poller = new Poller(time, POLL_INTERVAL, RUN_TIMEOUT);

    /** One raw run and one sink run. */
    private record Round(MeasuredRun raw, MeasuredRun sink) {

        double ratio() {
            return sink.rate().recordsPerSecond() / raw.rate().recordsPerSecond();
        }
    }

    /** A topic, how many records it holds, and the raw run's requests for the same items. */
    private record Workload(String topic, long records, List<List<WriteRequest>> batches) {
    }

    /** The servers and clients a measurement uses. */
    private record Stand(Connectors connectors, DynamoDbTables tables, DynamoDbSinkConfigs configs,
                         RawBatchWrites rawWrites, LocalDynamoDbServer dynamoDb) {

        /**
         * A fresh dynalite process on the same port, for each run: dynalite's memory (and its CPU per item) grows
         * with every table written and deleted, so runs late in the benchmark would be slower than early ones.
         *
         * @return the new process, whose CPU time the run counts
         */
        ProcessHandle freshDynalite() {
            dynamoDb.close();
            dynamoDb.start();
            return CpuUse.child("dynalite").orElseThrow(() -> new IllegalStateException(
                    "dynalite is not a child process of the benchmark"));
        }
    }

    @Override
    public void run(List<String> args, PrintStream out) throws Exception {
        var settings = DynamoDbSinkBenchSettings.parse(args);
        String pluginPath = BenchPlugins.path();
        out.printf(Locale.ROOT, "dynamodb-sink: %,d records with string keys and %,d B schemaless JSON values in "
                        + "topic %s (%d partitions, round robin), %d rounds%n", settings.records(),
                settings.valueBytes(), TOPIC, settings.partitions(), settings.rounds());
        out.printf(Locale.ROOT, "sink: tasks.max=%d, StringConverter keys and values, aws.dynamodb.pk.hash=key:%s, "
                        + "batch.size=%d, ordering.mode=none; raw: %d threads, BatchWriteItem of %d items, Apache "
                        + "HTTP client; the DynamoDB stand-in (dynalite), tables in memory, a fresh table a run%n",
                settings.tasks(), ItemRecords.HASH_KEY, RawBatchWrites.BATCH_SIZE, settings.tasks(),
                RawBatchWrites.BATCH_SIZE);
        out.printf(Locale.ROOT, "rate: items/s (records/s); MiB/s of the records' values%n");

        // Printed once the servers are down, so that no shutdown log follows the summary.
        List<Round> rounds;
        try (var dir = TempDirectory.create("sluice-bench-dynamodb-sink-");
             var cluster = EmbeddedKafkaCluster.builder(dir.path().resolve("kafka")).brokers(1).freePorts()
                     .build();
             var dynamoDb = new LocalDynamoDbServer(Ports.freePorts("127.0.0.1", 1).get(0), null,
                     LocalDynamoDbServer.defaultInstallDir(), dir.path().resolve("dynamodb.log"))) {
            StandIns.startBeside(cluster, dynamoDb::start, "dynamodb");
            var endpoint = new DynamoDbEndpoint(dynamoDb.endpoint(), REGION, ACCESS_KEY, SECRET_KEY);
            List<Integer> ports = Ports.freePorts("127.0.0.1", 2);
            var node = new WorkerNode(cluster.bootstrapServers(), List.of(pluginPath), Map.of(), ports.get(0),
                    ports.get(1));
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    cluster.bootstrapServers()));
                 var tables = new DynamoDbTables(endpoint, poller)) {
                node.start();
                var stand = new Stand(new Connectors(new ConnectRestClient(node.apiUrl()), admin, poller), tables,
                        new DynamoDbSinkConfigs(endpoint, settings.tasks()), new RawBatchWrites(endpoint, time),
                        dynamoDb);
                rounds = measure(settings, cluster.bootstrapServers(), stand, out);
            } finally {
                node.stop();
            }
        }
        report(rounds, out);
    }


    private List<Round> measure(DynamoDbSinkBenchSettings settings, String bootstrapServers, Stand stand,
                                PrintStream out) throws Exception {
        var items = new ItemRecords(settings.valueBytes());
        Throughput load = load(bootstrapServers, TOPIC, settings.records(), settings.partitions(), items);
        out.println("load:      " + load.describe() + String.format(Locale.ROOT, " in %.1f s", load.nanos() / 1e9));
        var workload = new Workload(TOPIC, settings.records(), RawBatchWrites.batches(items, settings.records()));

        // The first runs are slower while the JIT compiles their paths (the AWS SDK's above all, which takes more
        // than one run): they are shown, not counted.
        var warmUp = new Round(raw(settings, stand, workload, 0), sink(settings, stand, workload, 0));
        out.printf(Locale.ROOT, "warm-up:   %s | not counted%n", describe(warmUp));

        List<Round> rounds = new ArrayList<>();
        for (int round = 1; round <= settings.rounds(); round++) {
            Round r;
            if (round % 2 == 1) {
                MeasuredRun raw = raw(settings, stand, workload, round);
                r = new Round(raw, sink(settings, stand, workload, round));
            } else {
                MeasuredRun sink = sink(settings, stand, workload, round);
                r = new Round(raw(settings, stand, workload, round), sink);
            }
            rounds.add(r);
            out.printf(Locale.ROOT, "round %d:   %s%n", round, describe(r));
        }
        return rounds;
    }

    /** Records spread round robin over the partitions, each with its key. */
    private Throughput load(String bootstrapServers, String topic, long records, int partitions, ItemRecords items)
            throws Exception {
        return new TopicLoader(bootstrapServers, time).load(topic, partitions, records,
                new TopicLoader.RecordSource() {
                    @Override
                    public Integer partition(long i) {
                        return (int) (i % partitions);
                    }

                    @Override
                    public byte[] key(long i) {
                        return items.key(i);
                    }

                    @Override
                    public byte[] value(long i) {
                        return items.value(i);
                    }
                });
    }

    private MeasuredRun raw(DynamoDbSinkBenchSettings settings, Stand stand, Workload workload, int round)
            throws Exception {
        String table = "bench-raw-" + round;
        ProcessHandle dynalite = stand.freshDynalite();
        stand.tables().create(table);
        try {
            CpuUse before = CpuUse.of(dynalite);
            Throughput rate = stand.rawWrites().run(table, workload.batches(), settings.tasks(),
                    settings.valueBytes());
            CpuUse cpu = CpuUse.of(dynalite).minus(before);
            checkCount(stand.tables(), table, workload.records());
            return new MeasuredRun(rate, cpu, workload.records());
        } finally {
            stand.tables().delete(table);
        }
    }

    /**
     * One run of the sink under a fresh name (a fresh consumer group, which reads the topic from the beginning)
     * into a fresh table. Afterwards the connector must have committed every offset and the table must hold every
     * item.
     */
    private MeasuredRun sink(DynamoDbSinkBenchSettings settings, Stand stand, Workload workload, int round)
            throws Exception {
        String name = "bench-dynamodb-" + round;
        String table = "bench-sink-" + round;
        ProcessHandle dynalite = stand.freshDynalite();
        stand.tables().create(table);
        try {
            stand.connectors().create(name, stand.configs().config(workload.topic(), table));
            try {
                var consumers = new SinkConsumerJmx(name);
                var consumerNames = consumers.awaitConsumers(settings.tasks(), poller);
                var tasks = new SinkTaskMetrics(name, settings.valueBytes());
                // Reading the tasks' counter means reading every metric of the node, which costs CPU the sink
                // competes for; it is read only once the consumers have read every record, as it cannot reach
                // the target before.
                Supplier<Counts> done = () -> consumers.read(consumerNames).records() < workload.records()
                        ? Counts.ZERO : tasks.read();
                // From the tasks' start (their consumers exist; the group may still be forming) to the last record.
                CpuUse before = CpuUse.of(dynalite);
                Throughput rate = sampler.await(workload.records(), () -> consumers.read(consumerNames), done);
                CpuUse cpu = CpuUse.of(dynalite).minus(before);
                poller.until(() -> stand.connectors().committedOffsets(name) == workload.records(),
                        () -> name + " to commit " + workload.records() + " offsets; committed "
                                + stand.connectors().committedOffsets(name));
                checkCount(stand.tables(), table, workload.records());
                return new MeasuredRun(rate, cpu, workload.records());
            } finally {
                stand.connectors().deleteAndAwaitRetired(name);
            }
        } finally {
            stand.tables().delete(table);
        }
    }

    /** Every record an item: distinct keys, so nothing lost and nothing extra. */
    private static void checkCount(DynamoDbTables tables, String table, long records) {
        long count = tables.count(table);
        if (count != records) {
            throw new IllegalStateException("table " + table + " holds " + count + " items, not " + records);
        }
    }

    private static String describe(Round round) {
        return String.format(Locale.ROOT, "raw %s | sink %s | ratio %.2f | CPU us/item: raw JVM %.0f + "
                        + "dynalite %.0f, sink JVM %.0f + dynalite %.0f", round.raw().rate().describe(),
                round.sink().rate().describe(), round.ratio(), round.raw().jvmMicrosPerRecord(),
                round.raw().standInMicrosPerRecord(), round.sink().jvmMicrosPerRecord(),
                round.sink().standInMicrosPerRecord());
    }

    private static void report(List<Round> rounds, PrintStream out) {
        out.println();
        double raw = median(rounds, r -> r.raw().rate().recordsPerSecond());
        double sink = median(rounds, r -> r.sink().rate().recordsPerSecond());
        out.printf(Locale.ROOT, "median of %d rounds: raw BatchWriteItem %,.0f items/s (%.1f MiB/s) | sink %,.0f "
                        + "records/s (%.1f MiB/s)%n", rounds.size(), raw,
                median(rounds, r -> r.raw().rate().mibPerSecond()), sink,
                median(rounds, r -> r.sink().rate().mibPerSecond()));
        out.printf(Locale.ROOT, "median CPU per item (us): raw: JVM %.0f, dynalite %.0f | sink: JVM %.0f, "
                        + "dynalite %.0f%n", median(rounds, r -> r.raw().jvmMicrosPerRecord()),
                median(rounds, r -> r.raw().standInMicrosPerRecord()),
                median(rounds, r -> r.sink().jvmMicrosPerRecord()),
                median(rounds, r -> r.sink().standInMicrosPerRecord()));
        out.printf(Locale.ROOT, "dynamodb-sink-efficiency: %.2f%n", sink / raw);
    }

    private static double median(List<Round> rounds, ToDoubleFunction<Round> figure) {
        return Stats.median(rounds.stream().map(figure::applyAsDouble).toList());
    }
}
