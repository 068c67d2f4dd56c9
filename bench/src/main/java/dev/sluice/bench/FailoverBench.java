package dev.sluice.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.bench.CommittedOffsetSampler.Sample;
import dev.sluice.runtime.broker.EmbeddedKafkaCluster;
import dev.sluice.runtime.broker.Ports;
import dev.sluice.runtime.dev.LocalS3Server;
import dev.sluice.testkit.ConnectRestClient;
import dev.sluice.testkit.NodeProcess;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * {@code ./sluice bench failover}: three worker nodes of one fleet, each a JVM of its own, run an S3 sink with
 * {@code sluice.workers=3} (one Connect worker a node, two of its six tasks each) while a producer in this JVM writes a
 * steady stream into its topic. Each round kills one node with {@code kill -9} and times, from the kill, (a) until the
 * connector's status shows all six tasks RUNNING on live workers, and (b) until the records the sink commits, over a
 * sliding window, are back to 90 % of their rate before the kill with every partition moving again. The failover
 * time of a round is the later of the two: the time until the stream is back. The killed node is started again and
 * the next round waits until it has its worker back and the sink has caught up. At the end every record produced
 * must be committed, and in S3, exactly once.
 *
 * <p>The committed records are the sink's consumer group offsets ({@code connect-<name>}), read with one
 * OffsetFetch every 250 ms from this JVM, so the measurement does not depend on any node's REST API.
 */
public final class FailoverBench implements Benchmark {

    private static final String CONNECTOR = "bench-failover";
    private static final String TOPIC = "bench-failover";
    private static final String BUCKET = "bench-failover";
    private static final String REGION = "us-east-1";
    private static final String ACCESS_KEY = "bench";
    private static final String SECRET_KEY = "bench-secret";
    private static final String FLEET = "bench_failover";
    private static final int NODES = 3;
    private static final double RATE_BACK = 0.9;
    private static final long SAMPLE_MS = 250;
    private static final long POLL_MS = 250;
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    /** One round: seconds from the kill to each event; NaN if it did not happen. */
    private record Round(int round, String killed, double preKillRate, double fleetGone, double firstMoved,
                         double running, double rateBack, double peakRate) {
        double back() {
            return Math.max(running, rateBack);
        }
    }

    /** The final check: records produced and committed per partition, and the objects in S3. */
    private record Check(long[] produced, long[] committed, long objects, long expectedObjects) {
        boolean ok() {
            return Arrays.equals(produced, committed) && objects == expectedObjects;
        }
    }

    @Override
    public void run(List<String> args, PrintStream out) throws Exception {
        var settings = FailoverBenchSettings.parse(args);
        String pluginPath = BenchPlugins.path();
        out.printf(Locale.ROOT, "failover: %d worker nodes (child JVMs, -Xmx512m, one fleet), S3 sink tasks.max=%d, "
                        + "sluice.workers=%d, json, flush.size=%d; producer in this JVM: %,d records/s of ~%d B into "
                        + "%d partitions; %d rounds of kill -9 one node%n", NODES, settings.tasks(), NODES,
                settings.flushSize(), settings.rate(), settings.valueBytes(), settings.partitions(),
                settings.rounds());
        out.printf(Locale.ROOT, "times in s from the kill: fleet = the survivors' GET /v1/fleet shows 2 nodes; moved = "
                + "first task RUNNING on a live worker that was not its worker before; running = %d tasks RUNNING, "
                + "none on the killed node; rate = committed records over the last %d s >= %.0f %% of the %d s "
                + "before the kill, every partition committing again; back = max(running, rate)%n",
                settings.tasks(), settings.rateWindow().toSeconds(), RATE_BACK * 100,
                settings.steadyWindow().toSeconds());
        if (settings.consumerSessionMs() > 0) {
            out.printf(Locale.ROOT, "connector: consumer.override.session.timeout.ms=%d%n",
                    settings.consumerSessionMs());
        }
        Path logs = Files.createTempDirectory("sluice-bench-failover-");
        out.println("node logs: " + logs);

        List<Round> rounds = new ArrayList<>();
        Check check;
        try (var dir = TempDirectory.create("sluice-bench-failover-data-");
             var cluster = EmbeddedKafkaCluster.builder(dir.path().resolve("kafka")).brokers(1).freePorts()
                     .build();
             var s3 = new LocalS3Server(Ports.freePorts("127.0.0.1", 1).get(0), dir.path().resolve("s3"))) {
            StandIns.startBeside(cluster, s3::start, "s3");
            List<Integer> ports = Ports.freePorts("127.0.0.1", 2 * NODES);
            List<NodeProcess> nodes = new ArrayList<>();
            List<ConnectRestClient> apis = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < NODES; i++) {
                Path config = NodeProcess.writeConfig(logs.resolve("node-" + i + ".yml"), cluster.bootstrapServers(),
                        "60s", ports.get(2 * i), ports.get(2 * i + 1), Paths.get(pluginPath), s3.endpoint(), FLEET);
                nodes.add(new NodeProcess(config, logs.resolve("node-" + i + ".log")));
                apis.add(new ConnectRestClient("http://127.0.0.1:" + ports.get(2 * i)));
                ids.add("127.0.0.1:" + ports.get(2 * i));
            }
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    cluster.bootstrapServers()));
                 var store = new S3Store(s3.endpoint(), REGION, BUCKET, ACCESS_KEY, SECRET_KEY)) {
                store.createBucket();
                admin.createTopics(List.of(new NewTopic(TOPIC, settings.partitions(), (short) 1))).all()
                        .get(30, TimeUnit.SECONDS);
                long started = System.nanoTime();
                nodes.forEach(NodeProcess::start);
                await("3 nodes in the fleet", START_TIMEOUT, () -> apis.stream().allMatch(a -> fleetSize(a) == NODES));
                int status = apis.get(0).createConnector(CONNECTOR, connectorConfig(settings, s3.endpoint()))
                        .status();
                if (status != 201) {
                    throw new IllegalStateException("POST /connectors answered " + status);
                }
                await("the sink RUNNING on 3 workers", START_TIMEOUT, () -> allRunning(apis.get(0), settings, ids,
                        null) && taskWorkers(apis.get(0)).size() == NODES);
                out.printf(Locale.ROOT, "start: 3 nodes and the sink RUNNING in %.1f s; task workers %s%n",
                        seconds(System.nanoTime() - started), taskWorkers(apis.get(0)));

                try (var producer = new PacedProducer(cluster.bootstrapServers(), TOPIC, settings.partitions(),
                        settings.rate(), settings.valueBytes());
                     var sampler = new CommittedOffsetSampler(admin, "connect-" + CONNECTOR, TOPIC,
                             settings.partitions(), SAMPLE_MS)) {
                    producer.start();
                    sampler.start();
                    for (int round = 1; round <= settings.rounds(); round++) {
                        int victim = (round - 1) % NODES;
                        Round r = round(round, settings, nodes, apis, ids, victim, producer, sampler);
                        rounds.add(r);
                        out.println(describe(r));
                        out.flush();
                    }
                    long[] produced = producer.stopAligned(settings.flushSize());
                    long total = Arrays.stream(produced).sum();
                    try {
                        await("every record committed", Duration.ofMinutes(3), () -> {
                            Sample s = sampler.latest();
                            return s != null && s.sum() == total;
                        });
                    } catch (IllegalStateException e) {
                        // reported below as a mismatch
                    }
                    long[] committed = sampler.read();
                    long objects = store.list(CONNECTOR + "/").size();
                    check = new Check(produced, committed, objects, total / settings.flushSize());
                }
            } finally {
                nodes.forEach(NodeProcess::close);
            }
        }
        report(settings, rounds, check, out);
    }

    private Round round(int round, FailoverBenchSettings settings, List<NodeProcess> nodes,
                        List<ConnectRestClient> apis, List<String> ids, int victim, PacedProducer producer,
                        CommittedOffsetSampler sampler) throws Exception {
        ConnectRestClient survivor = apis.get((victim + 1) % NODES);
        String killedId = ids.get(victim);
        // Steady: every node in the fleet with one worker, the tasks on three workers, the sink caught up.
        long lagLimit = (long) settings.partitions() * settings.flushSize() + 2L * settings.rate();
        await("round " + round + ": 3 nodes with a worker each, the sink caught up", START_TIMEOUT, () -> {
            Sample s = sampler.latest();
            return fleetSize(survivor) == NODES && oneWorkerEach(survivor)
                    && allRunning(survivor, settings, ids, null) && taskWorkers(survivor).size() == NODES
                    && s != null && producer.ackedTotal() - s.sum() < lagLimit;
        });
        // ... and then, over a whole steady window, committing at least 90 % of the producer's rate (else another
        // window: the pre-kill rate is the yardstick of the recovery, it must be the stream's, not a stall's).
        for (int window = 0; ; window++) {
            TimeUnit.MILLISECONDS.sleep(settings.steadyWindow().toMillis() + SAMPLE_MS);
            List<Sample> history = sampler.snapshot();
            Sample last = history.get(history.size() - 1);
            Sample first = sampleAtOrBefore(history, last.nanos() - settings.steadyWindow().toNanos());
            double rate = (last.sum() - first.sum()) / seconds(last.nanos() - first.nanos());
            if (rate >= RATE_BACK * settings.rate()) {
                break;
            }
            System.err.printf(Locale.ROOT, "bench failover: round %d not steady yet: %,.0f records/s committed%n",
                    round, rate);
            if (window >= 20) {
                throw new IllegalStateException("round " + round + ": the sink never committed a steady "
                        + RATE_BACK * 100 + " % of " + settings.rate() + " records/s before the kill");
            }
        }
        Map<Integer, String> before = taskPlacement(survivor);

        long killedAt = System.nanoTime();
        nodes.get(victim).kill();
        List<Sample> history = sampler.snapshot();
        Sample atKill = history.get(history.size() - 1);
        Sample steadyFrom = sampleAtOrBefore(history, atKill.nanos() - settings.steadyWindow().toNanos());
        double preKillRate = (atKill.sum() - steadyFrom.sum()) / seconds(atKill.nanos() - steadyFrom.nanos());
        System.err.printf(Locale.ROOT, "bench failover: round %d killed node %d (%s), tasks were %s%n", round, victim,
                killedId, before);

        double fleetGone = Double.NaN;
        double firstMoved = Double.NaN;
        double running = Double.NaN;
        double rateBack = Double.NaN;
        long deadline = killedAt + settings.recoveryTimeout().toNanos();
        // until all three are seen: the fleet's view is shown even when it comes after the stream is back
        while (System.nanoTime() < deadline
                && (Double.isNaN(running) || Double.isNaN(rateBack) || Double.isNaN(fleetGone))) {
            try {
                if (Double.isNaN(fleetGone) && fleetSize(survivor) == NODES - 1) {
                    fleetGone = seconds(System.nanoTime() - killedAt);
                }
                if (Double.isNaN(running)) {
                    JsonNode status = survivor.get("/connectors/" + CONNECTOR + "/status").body();
                    long now = System.nanoTime();
                    if (Double.isNaN(firstMoved) && anyMoved(status, before, killedId)) {
                        firstMoved = seconds(now - killedAt);
                    }
                    if (allRunning(status, settings, killedId)) {
                        running = seconds(now - killedAt);
                    }
                }
            } catch (RuntimeException e) {
                // the survivor is busy; ask again
            }
            if (Double.isNaN(rateBack)) {
                rateBack = rateBack(sampler.snapshot(), killedAt, atKill, preKillRate, settings);
            }
            TimeUnit.MILLISECONDS.sleep(POLL_MS);
        }
        double peak = peakRate(sampler.snapshot(), killedAt, settings);
        nodes.get(victim).start();
        return new Round(round, "node " + victim, preKillRate, fleetGone, firstMoved, running, rateBack, peak);
    }

    /**
     * Seconds from the kill to the end of the first window of {@code rateWindow}, wholly after the kill, over which
     * the committed records came at {@code RATE_BACK} of the rate before the kill, with every partition past its
     * offset at the kill; NaN if there is none yet.
     */
    private static double rateBack(List<Sample> history, long killedAt, Sample atKill, double preKillRate,
                                   FailoverBenchSettings settings) {
        long window = settings.rateWindow().toNanos();
        for (Sample end : history) {
            if (end.nanos() - window < killedAt || !allPast(end, atKill)) {
                continue;
            }
            Sample start = sampleAtOrBefore(history, end.nanos() - window);
            if (start.nanos() < killedAt) {
                continue;
            }
            double rate = (end.sum() - start.sum()) / seconds(end.nanos() - start.nanos());
            if (rate >= RATE_BACK * preKillRate) {
                return seconds(end.nanos() - killedAt);
            }
        }
        return Double.NaN;
    }

    /** The highest committed rate over a window after the kill: the backlog being worked off. */
    private static double peakRate(List<Sample> history, long killedAt, FailoverBenchSettings settings) {
        long window = settings.rateWindow().toNanos();
        double peak = 0;
        for (Sample end : history) {
            if (end.nanos() - window < killedAt) {
                continue;
            }
            Sample start = sampleAtOrBefore(history, end.nanos() - window);
            if (start.nanos() >= killedAt) {
                peak = Math.max(peak, (end.sum() - start.sum()) / seconds(end.nanos() - start.nanos()));
            }
        }
        return peak;
    }

    private static boolean allPast(Sample s, Sample atKill) {
        for (int p = 0; p < s.offsets().length; p++) {
            if (s.offsets()[p] <= atKill.offsets()[p]) {
                return false;
            }
        }
        return true;
    }

    private static Sample sampleAtOrBefore(List<Sample> history, long nanos) {
        Sample found = history.get(0);
        for (Sample s : history) {
            if (s.nanos() <= nanos) {
                found = s;
            } else {
                break;
            }
        }
        return found;
    }

    private static Map<String, String> connectorConfig(FailoverBenchSettings settings, String endpoint) {
        Map<String, String> config = new S3SinkConfigs(endpoint, REGION, BUCKET, ACCESS_KEY, SECRET_KEY,
                settings.tasks()).schemaless(CONNECTOR, TOPIC, settings.flushSize());
        config.put("sluice.workers", Integer.toString(NODES));
        if (settings.consumerSessionMs() > 0) {
            config.put("consumer.override.session.timeout.ms", Long.toString(settings.consumerSessionMs()));
        }
        return config;
    }

    private static int fleetSize(ConnectRestClient api) {
        return api.get("/v1/fleet").body().path("nodes").size();
    }

    /** Each live node runs one of the connector's workers. */
    private static boolean oneWorkerEach(ConnectRestClient api) {
        for (JsonNode node : api.get("/v1/fleet").body().path("nodes")) {
            int workers = 0;
            for (JsonNode w : node.path("workers")) {
                if (CONNECTOR.equals(w.path("connector").asText())) {
                    workers += w.path("workers").asInt();
                }
            }
            if (workers != 1) {
                return false;
            }
        }
        return true;
    }

    private static boolean allRunning(ConnectRestClient api, FailoverBenchSettings settings, List<String> ids,
                                      String excluded) {
        var reply = api.get("/connectors/" + CONNECTOR + "/status");
        return reply.status() == 200 && allRunning(reply.body(), settings, excluded);
    }

    /** The connector and all its tasks RUNNING, none on the worker(s) of node {@code excluded}. */
    private static boolean allRunning(JsonNode status, FailoverBenchSettings settings, String excluded) {
        if (!"RUNNING".equals(status.path("connector").path("state").asText())) {
            return false;
        }
        JsonNode tasks = status.path("tasks");
        if (tasks.size() != settings.tasks()) {
            return false;
        }
        for (JsonNode task : tasks) {
            if (!"RUNNING".equals(task.path("state").asText())
                    || (excluded != null && onNode(task.path("worker_id").asText(), excluded))) {
                return false;
            }
        }
        return true;
    }

    /** Some task RUNNING on a live worker other than the one it had before the kill. */
    private static boolean anyMoved(JsonNode status, Map<Integer, String> before, String killedId) {
        for (JsonNode task : status.path("tasks")) {
            String worker = task.path("worker_id").asText();
            if ("RUNNING".equals(task.path("state").asText()) && !onNode(worker, killedId)
                    && !worker.equals(before.get(task.path("id").asInt()))) {
                return true;
            }
        }
        return false;
    }

    /** A worker id ({@code host:port}, {@code host:port#n} for a node's n-th) of node {@code nodeId}. */
    private static boolean onNode(String workerId, String nodeId) {
        return workerId.equals(nodeId) || workerId.startsWith(nodeId + "#") || workerId.startsWith(nodeId + "/");
    }

    private static Map<Integer, String> taskPlacement(ConnectRestClient api) {
        Map<Integer, String> placement = new HashMap<>();
        for (JsonNode task : api.get("/connectors/" + CONNECTOR + "/status").body().path("tasks")) {
            placement.put(task.path("id").asInt(), task.path("worker_id").asText());
        }
        return placement;
    }

    private static Set<String> taskWorkers(ConnectRestClient api) {
        Set<String> workers = new TreeSet<>();
        for (JsonNode task : api.get("/connectors/" + CONNECTOR + "/status").body().path("tasks")) {
            workers.add(task.path("worker_id").asText());
        }
        return workers;
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException e) {
                // not yet answering; ask again
            }
            TimeUnit.MILLISECONDS.sleep(POLL_MS);
        }
        throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for " + what);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static String describe(Round r) {
        return String.format(Locale.ROOT, "round %d: killed %s | before %,.0f records/s | fleet %s | moved %s | "
                        + "running %s | rate %s | back %s | peak %,.0f records/s", r.round(), r.killed(),
                r.preKillRate(), fmt(r.fleetGone()), fmt(r.firstMoved()), fmt(r.running()), fmt(r.rateBack()),
                fmt(r.back()), r.peakRate());
    }

    private static String fmt(double s) {
        return Double.isNaN(s) ? "-" : String.format(Locale.ROOT, "%.1f", s);
    }

    private static void report(FailoverBenchSettings settings, List<Round> rounds, Check check, PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "median of %d rounds (s from kill -9): fleet %s | moved %s | running %s | "
                        + "rate %s | back %s%n", rounds.size(),
                fmt(median(rounds, Round::fleetGone)), fmt(median(rounds, Round::firstMoved)),
                fmt(median(rounds, Round::running)), fmt(median(rounds, Round::rateBack)),
                fmt(median(rounds, Round::back)));
        out.printf(Locale.ROOT, "max back %s s (goal: p50 < 30 s)%n",
                fmt(rounds.stream().mapToDouble(Round::back).max().orElse(Double.NaN)));
        out.printf(Locale.ROOT, "nothing lost: produced %s, committed %s, %,d objects of %,d records in S3 "
                        + "(expected %,d): %s%n", Arrays.toString(check.produced()),
                Arrays.toString(check.committed()), check.objects(), settings.flushSize(), check.expectedObjects(),
                check.ok() ? "OK" : "MISMATCH");
        out.printf(Locale.ROOT, "failover-p50-s: %s%n", fmt(median(rounds, Round::back)));
    }

    /** The median, NaN (a round that never got there) counting as longer than any time. */
    private static double median(List<Round> rounds, java.util.function.ToDoubleFunction<Round> which) {
        List<Double> values = rounds.stream().map(r -> {
            double v = which.applyAsDouble(r);
            return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
        }).toList();
        double m = Stats.median(values);
        return Double.isInfinite(m) ? Double.NaN : m;
    }
}
