package dev.sluice.bench;

import dev.sluice.lambdahost.LocalLambdaHost;
import dev.sluice.runtime.broker.EmbeddedKafkaCluster;
import dev.sluice.runtime.broker.Ports;
import dev.sluice.testkit.ConnectRestClient;
import dev.sluice.testkit.WorkerNode;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.utils.Time;

/**
 * {@code ./sluice bench lambda-trigger}: how fast the Lambda trigger, run by a worker node, hands a topic's records
 * to a function on the local Lambda host, against the raw limit of the same machine: the same events, built
 * beforehand, invoked directly with the AWS SDK at the same concurrency. The function only counts what it
 * receives ({@code CountingHandler}); both runs wait for its count. Runs alternate within each round.
 */
public final class LambdaTriggerBench implements Benchmark {

    private static final String TOPIC = "bench-lambda";
    private static final String REGION = "us-east-1";
    private static final String ACCESS_KEY = "bench";
    private static final String SECRET_KEY = "bench-secret";
    private static final Duration SAMPLE_INTERVAL = Duration.ofMillis(50);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);

    private final Time time = Time.SYSTEM;
    private final CounterSampler sampler = new CounterSampler(time, SAMPLE_INTERVAL, RUN_TIMEOUT);
    private final Poller poller = new Poller(time, POLL_INTERVAL, RUN_TIMEOUT);

    /**
     * A run's rate, the records the function received more than once, its invocations, the CPU it used, and the
     * benchmark JVM's share of it by kind of thread.
     */
    private record Run(Throughput rate, long repeats, long invocations, CpuUse cpu, Map<String, Long> threads,
                       long records) {
        double jvmMicrosPerRecord() {
            return cpu.jvmNanos() / 1e3 / records;
        }

        double functionMicrosPerRecord() {
            return cpu.standInNanos() / 1e3 / records;
        }

        double threadMicrosPerRecord(String kind) {
            return threads.get(kind) / 1e3 / records;
        }
    }

    /** The function instances' JVMs: AWS's runtime interface client is their main class. */
    private static final String FUNCTION_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    private record Round(Run raw, Run connector) {
        double ratio() {
            return connector.rate().recordsPerSecond() / raw.rate().recordsPerSecond();
        }
    }

    /** The servers and clients a measurement uses. */
    private record Stand(Connectors connectors, LambdaEndpoint endpoint, BenchFunction function, RawInvokes raw,
                         LambdaEvents.Batches events) {
    }

    @Override
    public void run(List<String> args, PrintStream out) throws Exception {
        var settings = LambdaTriggerBenchSettings.parse(args);
        String pluginPath = BenchPlugins.path();
        out.printf(Locale.ROOT, "lambda-trigger: %,d records of %,d B in topic %s (%d partitions), %d rounds%n",
                settings.records(), settings.valueBytes(), TOPIC, settings.partitions(), settings.rounds());
        out.printf(Locale.ROOT, "connector: tasks.max=%d, ByteArrayConverter, aws.lambda.batch.size=%d, one batch in "
                        + "flight per partition; raw: %d threads, the same events prebuilt, RequestResponse; the "
                        + "function counts records (Java 17, local Lambda host, %d warm instances)%n",
                settings.tasks(), settings.batchSize(), settings.concurrency(), settings.concurrency());
        out.printf(Locale.ROOT, "rate: records/s; MiB/s of the records' values%n");

        List<Round> rounds;
        try (var dir = TempDirectory.create("sluice-bench-lambda-trigger-");
             var cluster = EmbeddedKafkaCluster.builder(dir.path().resolve("kafka")).brokers(1).freePorts()
                     // Kafka's default, as on MSK (the bundled broker sets 0 for fast tests): a new group's tasks
                     // join in one rebalance instead of one rebalance each, moving partitions with batches in flight.
                     .brokerProperty("group.initial.rebalance.delay.ms", "3000")
                     .build();
             var host = new LocalLambdaHost(Ports.freePorts("127.0.0.1", 1).get(0), dir.path().resolve("lambda"))) {
            StandIns.startBeside(cluster, host::start, "lambda");
            var endpoint = new LambdaEndpoint(host.endpoint(), REGION, ACCESS_KEY, SECRET_KEY);
            var function = new BenchFunction(endpoint, dir.path().resolve("function-counts.txt"));
            function.deploy(settings.concurrency(), time);
            List<Integer> ports = Ports.freePorts("127.0.0.1", 2);
            var node = new WorkerNode(cluster.bootstrapServers(), List.of(pluginPath),
                    Map.of("offset.flush.interval.ms", "1000"), ports.get(0), ports.get(1));
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    cluster.bootstrapServers()))) {
                node.start();
                Throughput load = new TopicLoader(cluster.bootstrapServers(), time).load(TOPIC,
                        settings.partitions(), settings.records(), settings.valueBytes());
                out.println("load:      " + load.describe()
                        + String.format(Locale.ROOT, " in %.1f s", load.nanos() / 1e9));
                var events = LambdaEvents.read(cluster.bootstrapServers(), TOPIC, settings.records(),
                        settings.batchSize());
                var stand = new Stand(new Connectors(new ConnectRestClient(node.apiUrl()), admin, poller),
                        endpoint, function, new RawInvokes(endpoint, time), events);
                rounds = measure(settings, stand, out);
            } finally {
                node.stop();
            }
        }
        report(rounds, out);
    }

    private List<Round> measure(LambdaTriggerBenchSettings settings, Stand stand, PrintStream out) throws Exception {
        // The first runs are slower while the JIT compiles their paths (in the function's JVMs too): shown, not
        // counted.
        var warmUp = new Round(raw(settings, stand), connector(settings, stand, 0));
        out.printf(Locale.ROOT, "warm-up:   %s | not counted%n", describe(warmUp));
        List<Round> rounds = new ArrayList<>();
        for (int round = 1; round <= settings.rounds(); round++) {
            Round r;
            if (round % 2 == 1) {
                Run raw = raw(settings, stand);
                r = new Round(raw, connector(settings, stand, round));
            } else {
                Run connector = connector(settings, stand, round);
                r = new Round(raw(settings, stand), connector);
            }
            rounds.add(r);
            out.printf(Locale.ROOT, "round %d:   %s%n", round, describe(r));
        }
        return rounds;
    }

    /** Every prebuilt event invoked once; the function must have received every record, once. */
    private Run raw(LambdaTriggerBenchSettings settings, Stand stand) throws Exception {
        long mark = stand.function().mark();
        CpuUse before = CpuUse.ofChildren(FUNCTION_MAIN);
        ThreadCpu threadsBefore = ThreadCpu.now();
        var threadsAfter = new AtomicReference<ThreadCpu>();
        Throughput rate = stand.raw().run(BenchFunction.NAME, stand.events().events(),
                stand.events().recordsPerEvent(), settings.concurrency(), settings.valueBytes(),
                () -> threadsAfter.set(ThreadCpu.now()));
        CpuUse cpu = CpuUse.ofChildren(FUNCTION_MAIN).minus(before);
        var threads = threadsAfter.get().since(threadsBefore);
        var progress = stand.function().progressSince(mark).read();
        if (progress.covered() != settings.records() || progress.repeats() != 0) {
            throw new IllegalStateException("the raw invokes delivered " + progress.received() + " records covering "
                    + progress.covered() + ", not " + settings.records() + " once each");
        }
        return new Run(rate, 0, progress.invocations(), cpu, threads, settings.records());
    }

    /**
     * One run of the connector under a fresh name (a fresh consumer group, which reads the topic from the
     * beginning), timed from the first record its consumers read to the moment the function has received every
     * offset. Afterwards the connector must have committed every offset. Records sent again (at least once: a batch
     * in flight when the group rebalances while its tasks start goes out again from the new owner) do not count.
     */
    private Run connector(LambdaTriggerBenchSettings settings, Stand stand, int round) throws Exception {
        String name = "bench-lambda-" + round;
        long mark = stand.function().mark();
        stand.connectors().create(name, config(settings, stand.endpoint()));
        try {
            var consumers = new SinkConsumerJmx(name);
            var consumerNames = consumers.awaitConsumers(settings.tasks(), poller);
            // From the tasks' start (their consumers exist; the group may still be forming) to the last record.
            CpuUse before = CpuUse.ofChildren(FUNCTION_MAIN);
            ThreadCpu threadsBefore = ThreadCpu.now();
            var reader = stand.function().progressSince(mark);
            Throughput rate = sampler.await(settings.records(), () -> consumers.read(consumerNames), () -> {
                long covered = reader.read().covered();
                return new Counts(covered, covered * settings.valueBytes());
            });
            CpuUse cpu = CpuUse.ofChildren(FUNCTION_MAIN).minus(before);
            var threads = ThreadCpu.now().since(threadsBefore);
            poller.until(() -> stand.connectors().committedOffsets(name) == settings.records(),
                    () -> name + " to commit " + settings.records() + " offsets; committed "
                            + stand.connectors().committedOffsets(name));
            var progress = reader.read();
            if (progress.covered() != settings.records()) {
                throw new IllegalStateException("the connector delivered offsets covering " + progress.covered()
                        + " records, not " + settings.records());
            }
            return new Run(rate, progress.repeats(), progress.invocations(), cpu, threads, settings.records());
        } finally {
            stand.connectors().deleteAndAwaitRetired(name);
        }
    }

    private static Map<String, String> config(LambdaTriggerBenchSettings settings, LambdaEndpoint endpoint) {
        return Map.ofEntries(
                Map.entry("connector.class", "dev.sluice.connect.lambda.LambdaTriggerConnector"),
                Map.entry("topics", TOPIC),
                Map.entry("tasks.max", Integer.toString(settings.tasks())),
                Map.entry("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter"),
                Map.entry("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter"),
                Map.entry("header.converter", "org.apache.kafka.connect.converters.ByteArrayConverter"),
                Map.entry("aws.lambda.function.name", BenchFunction.NAME),
                Map.entry("aws.lambda.endpoint", endpoint.endpoint()),
                Map.entry("aws.lambda.region", endpoint.region()),
                Map.entry("aws.access.key.id", endpoint.accessKey()),
                Map.entry("aws.secret.access.key", endpoint.secretKey()),
                Map.entry("aws.lambda.batch.size", Integer.toString(settings.batchSize())));
    }

    private static String describe(Round round) {
        return String.format(Locale.ROOT, "raw %s | connector %s (%,d sent again) | ratio %.2f | invocations: raw "
                        + "%,d, connector %,d | CPU us/record: raw JVM %.0f + functions %.0f, connector JVM %.0f + "
                        + "functions %.0f", round.raw().rate().describe(),
                round.connector().rate().describe(), round.connector().repeats(), round.ratio(),
                round.raw().invocations(), round.connector().invocations(),
                round.raw().jvmMicrosPerRecord(), round.raw().functionMicrosPerRecord(),
                round.connector().jvmMicrosPerRecord(), round.connector().functionMicrosPerRecord());
    }

    private static void report(List<Round> rounds, PrintStream out) {
        out.println();
        double raw = median(rounds, r -> r.raw().rate().recordsPerSecond());
        double connector = median(rounds, r -> r.connector().rate().recordsPerSecond());
        out.printf(Locale.ROOT, "median of %d rounds: raw invokes %,.0f records/s (%.1f MiB/s) | connector %,.0f "
                        + "records/s (%.1f MiB/s)%n", rounds.size(), raw,
                median(rounds, r -> r.raw().rate().mibPerSecond()), connector,
                median(rounds, r -> r.connector().rate().mibPerSecond()));
        out.printf(Locale.ROOT, "median CPU per record (us): raw: JVM %.0f, functions %.0f | connector: JVM %.0f, "
                        + "functions %.0f%n", median(rounds, r -> r.raw().jvmMicrosPerRecord()),
                median(rounds, r -> r.raw().functionMicrosPerRecord()),
                median(rounds, r -> r.connector().jvmMicrosPerRecord()),
                median(rounds, r -> r.connector().functionMicrosPerRecord()));
        out.println("median CPU per record of the benchmark JVM's threads, by kind (us): raw | connector | difference");
        for (String kind : ThreadCpu.kinds()) {
            double rawThreads = median(rounds, r -> r.raw().threadMicrosPerRecord(kind));
            double connectorThreads = median(rounds, r -> r.connector().threadMicrosPerRecord(kind));
            out.printf(Locale.ROOT, "  %-22s %5.1f | %5.1f | %+5.1f%n", kind, rawThreads, connectorThreads,
                    connectorThreads - rawThreads);
        }
        out.printf(Locale.ROOT, "lambda-trigger-efficiency: %.2f%n", connector / raw);
    }

    private static double median(List<Round> rounds, ToDoubleFunction<Round> figure) {
        return Stats.median(rounds.stream().map(figure::applyAsDouble).toList());
    }
}
