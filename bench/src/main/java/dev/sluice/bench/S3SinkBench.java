package dev.sluice.bench;

import dev.sluice.runtime.broker.EmbeddedKafkaCluster;
import dev.sluice.runtime.broker.Ports;
import dev.sluice.runtime.dev.LocalS3Server;
import dev.sluice.testkit.ConnectRestClient;
import dev.sluice.testkit.WorkerNode;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.utils.Time;

/**
 * {@code ./sluice bench s3-sink}: how fast the S3 sink, run by a worker node, moves a topic into S3 objects, against
 * the two raw limits of the same machine: a plain {@code KafkaConsumer} reading the topic, and the same S3 objects
 * uploaded again by as many threads as the sink has tasks. For JSON lines with gzip and for Parquet with snappy; and
 * how long a record takes from its producer's acknowledgement to a listed object with {@code rotate.interval.ms=1000}.
 *
 * <p>The raw consumer is held to {@link RateWindow}, the sink to {@link PipelineWindow} (from its consumers' first
 * record read to the listing that shows every record in an object), both sampled every 50 ms; the raw uploads are
 * timed from the first request to the last answer. Runs alternate within each round, and their order reverses each
 * round, so drift in a noisy machine falls on all alike. The S3 server is S3Mock, a child process on the same cores.
 */
public final class S3SinkBench implements Benchmark {

    private static final String TOPIC = "bench-s3";
    private static final String WARM_UP_TOPIC = "bench-s3-warm-up";
    private static final String LATENCY_TOPIC = "bench-s3-latency";
    /** Objects per partition in the warm-up topic: enough for the JIT, and a sample object of each partition. */
    private static final int WARM_UP_OBJECTS_PER_PARTITION = 2;
    private static final String BUCKET = "bench-s3";
    private static final String REGION = "us-east-1";
    private static final String ACCESS_KEY = "bench";
    private static final String SECRET_KEY = "bench-secret";
    /** The connector's default {@code s3.part.size}, which the raw uploads follow too. */
    private static final long PART_SIZE = 25L * 1024 * 1024;
    private static final long ROTATE_INTERVAL_MS = 1000;
    private static final Duration SAMPLE_INTERVAL = Duration.ofMillis(50);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);

    private final Time time = Time.SYSTEM;
    private final CounterSampler sampler = new CounterSampler(time, SAMPLE_INTERVAL, RUN_TIMEOUT);

    /** One run of each reader; the raw S3 and sink runs by format. */
    private record Round(Throughput consumer, Map<SinkFormat, Throughput> rawS3, Map<SinkFormat, Throughput> sink,
                         Throughput gzipCeiling) {
    }

    /** Everything measured, printed once the servers are down so that no shutdown log follows it. */
    private record Results(List<Round> rounds, Map<SinkFormat, Double> objectMib, SinkLatencyProbe.Result latency) {
    }

    /** A topic and how many records it holds; a run reads them all. */
    private record Workload(String topic, long records) {
    }

    /** The servers and clients a measurement uses. */
    private record Stand(String bootstrapServers, Connectors connectors, S3Store store, S3SinkConfigs configs,
                         RawS3Uploads rawUploads) {
    }

    @Override
    public void run(List<String> args, PrintStream out) throws Exception {
        var settings = S3SinkBenchSettings.parse(args);
        String pluginPath = BenchPlugins.path();
        out.printf(Locale.ROOT, "s3-sink: %,d records of %,d B (schema'd JSON: struct {id int64, payload string}, "
                        + "random ASCII payload) in topic %s (%d partitions, round robin), %d rounds%n",
                settings.records(), settings.valueBytes(), TOPIC, settings.partitions(), settings.rounds());
        out.printf(Locale.ROOT, "sink: tasks.max=%d, flush.size=%,d (%d objects a run), JsonConverter "
                        + "schemas.enable=true; formats: %s; raw S3: %d threads, same objects, Apache HTTP client%n",
                settings.tasks(), settings.flushSize(), settings.objectsPerRun(),
                Arrays.stream(SinkFormat.values()).map(SinkFormat::label).collect(Collectors.joining(", ")),
                settings.tasks());
        out.printf(Locale.ROOT, "rate: records/s; MiB/s of values read (consumer) or of objects stored (S3, sink)%n");

        Results results;
        try (var dir = TempDirectory.create("sluice-bench-s3-sink-");
             var cluster = EmbeddedKafkaCluster.builder(dir.path().resolve("kafka")).brokers(1).freePorts()
                     .build();
             var s3 = new LocalS3Server(Ports.freePorts("127.0.0.1", 1).get(0), dir.path().resolve("s3"))) {
            StandIns.startBeside(cluster, s3::start, "s3");
            List<Integer> ports = Ports.freePorts("127.0.0.1", 2);
            var node = new WorkerNode(cluster.bootstrapServers(), List.of(pluginPath), Map.of(), ports.get(0),
                    ports.get(1));
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    cluster.bootstrapServers()));
                 var store = new S3Store(s3.endpoint(), REGION, BUCKET, ACCESS_KEY, SECRET_KEY)) {
                store.createBucket();
                node.start();
                var configs = new S3SinkConfigs(s3.endpoint(), REGION, BUCKET, ACCESS_KEY, SECRET_KEY,
                        settings.tasks());
                var stand = new Stand(cluster.bootstrapServers(),
                        new Connectors(new ConnectRestClient(node.apiUrl()), admin,
                                new Poller(time, POLL_INTERVAL, RUN_TIMEOUT)),
                        store, configs,
                        new RawS3Uploads(() -> new S3Store(s3.endpoint(), REGION, BUCKET, ACCESS_KEY, SECRET_KEY),
                                PART_SIZE, time));
                results = measure(settings, stand, admin, out);
            } finally {
                node.stop();
            }
        }
        report(settings, results, out);
    }


    private Results measure(S3SinkBenchSettings settings, Stand stand, Admin admin, PrintStream out)
            throws Exception {
        var values = new EnvelopeValues(settings.valueBytes());
        var workload = new Workload(TOPIC, settings.records());
        var warmUpWorkload = new Workload(WARM_UP_TOPIC,
                (long) settings.partitions() * settings.flushSize() * WARM_UP_OBJECTS_PER_PARTITION);
        Throughput load = load(stand, workload, settings.partitions(), values);
        load(stand, warmUpWorkload, settings.partitions(), values);
        out.println("load:      " + load.describe() + String.format(Locale.ROOT, " in %.1f s", load.nanos() / 1e9));

        // The first runs are slower while the JIT compiles their paths: they read a smaller topic of their own and
        // are shown, not counted. The warm-up sink runs also provide the objects that every raw S3 run uploads.
        Map<SinkFormat, List<byte[]>> samples = new EnumMap<>(SinkFormat.class);
        Throughput consumerWarmUp = consumer(stand, warmUpWorkload, 0);
        Map<SinkFormat, Throughput> sinkWarmUp = new EnumMap<>(SinkFormat.class);
        for (SinkFormat format : SinkFormat.values()) {
            sinkWarmUp.put(format, sink(settings, stand, warmUpWorkload, format, 0, samples));
        }
        Map<SinkFormat, Throughput> rawWarmUp = new EnumMap<>(SinkFormat.class);
        for (SinkFormat format : SinkFormat.values()) {
            rawWarmUp.put(format, rawS3(settings, stand, warmUpWorkload, format, 0, samples.get(format)));
        }
        var gzip = new GzipCeiling(samples.get(SinkFormat.JSON_GZIP), settings.flushSize(), time);
        long gzipObjects = 2L * samples.get(SinkFormat.JSON_GZIP).size();
        Round warmUp = new Round(consumerWarmUp, rawWarmUp, sinkWarmUp, gzip.run(gzipObjects));
        out.printf(Locale.ROOT, "warm-up:   %s | %,d records, not counted%n", describe(warmUp),
                warmUpWorkload.records());

        List<Round> rounds = new ArrayList<>();
        for (int round = 1; round <= settings.rounds(); round++) {
            Round r = round % 2 == 1 ? forward(settings, stand, workload, round, samples, () -> gzip.run(gzipObjects))
                    : backward(settings, stand, workload, round, samples, () -> gzip.run(gzipObjects));
            rounds.add(r);
            out.printf(Locale.ROOT, "round %d:   %s%n", round, describe(r));
        }

        Map<SinkFormat, Double> objectMib = new EnumMap<>(SinkFormat.class);
        samples.forEach((format, objects) -> objectMib.put(format,
                objects.stream().mapToLong(o -> o.length).average().orElse(0) / 1024 / 1024));

        admin.createTopics(List.of(new NewTopic(LATENCY_TOPIC, settings.partitions(), (short) 1))).all()
                .get(30, TimeUnit.SECONDS);
        SinkLatencyProbe.Result latency = latency(settings, stand, values);
        out.printf(Locale.ROOT, "latency:   %,d records timed, %d objects listed%n", latency.latenciesMs().size(),
                latency.objects());
        return new Results(rounds, objectMib, latency);
    }

    /** Consumer, then for each format the raw uploads and the sink. */
    private Round forward(S3SinkBenchSettings settings, Stand stand, Workload workload, int round,
                          Map<SinkFormat, List<byte[]>> samples, Ceiling gzip) throws Exception {
        Throughput consumer = consumer(stand, workload, round);
        Map<SinkFormat, Throughput> raw = new EnumMap<>(SinkFormat.class);
        Map<SinkFormat, Throughput> sink = new EnumMap<>(SinkFormat.class);
        for (SinkFormat format : SinkFormat.values()) {
            raw.put(format, rawS3(settings, stand, workload, format, round, samples.get(format)));
            sink.put(format, sink(settings, stand, workload, format, round, null));
        }
        return new Round(consumer, raw, sink, gzip.measure());
    }

    /** A ceiling's measurement, taken in its turn in a round. */
    @FunctionalInterface
    private interface Ceiling {
        Throughput measure() throws InterruptedException;
    }

    /** {@link #forward} in reverse order. */
    private Round backward(S3SinkBenchSettings settings, Stand stand, Workload workload, int round,
                           Map<SinkFormat, List<byte[]>> samples, Ceiling gzip) throws Exception {
        Throughput gzipCeiling = gzip.measure();
        Map<SinkFormat, Throughput> raw = new EnumMap<>(SinkFormat.class);
        Map<SinkFormat, Throughput> sink = new EnumMap<>(SinkFormat.class);
        List<SinkFormat> formats = new ArrayList<>(List.of(SinkFormat.values()));
        Collections.reverse(formats);
        for (SinkFormat format : formats) {
            sink.put(format, sink(settings, stand, workload, format, round, null));
            raw.put(format, rawS3(settings, stand, workload, format, round, samples.get(format)));
        }
        return new Round(consumer(stand, workload, round), raw, sink, gzipCeiling);
    }

    /** Records spread round robin over the partitions, so that each partition fills whole objects. */
    private Throughput load(Stand stand, Workload workload, int partitions, EnvelopeValues values) throws Exception {
        return new TopicLoader(stand.bootstrapServers(), time).load(workload.topic(), partitions, workload.records(),
                new TopicLoader.RecordSource() {
                    @Override
                    public Integer partition(long i) {
                        return (int) (i % partitions);
                    }

                    @Override
                    public byte[] value(long i) {
                        return values.value(i);
                    }
                });
    }

    private Throughput consumer(Stand stand, Workload workload, int round) throws Exception {
        var loop = new RawConsumerLoop(stand.bootstrapServers(), "bench-raw-" + round, workload.topic(),
                workload.records());
        var thread = new Thread(loop, "bench-raw-consumer-" + round);
        thread.start();
        try {
            return sampler.await(workload.records(), loop::counts);
        } finally {
            loop.stop();
            thread.join();
        }
    }

    /**
     * One throughput run of the sink under a fresh name (a fresh consumer group, which reads the topic from the
     * beginning, and a fresh folder). With {@code samples}, the first object of each partition is kept there.
     */
    private Throughput sink(S3SinkBenchSettings settings, Stand stand, Workload workload, SinkFormat format,
                            int round, Map<SinkFormat, List<byte[]>> samples) throws Exception {
        String name = "bench-s3-" + format.shortName() + "-" + round;
        String prefix = name + "/";
        stand.connectors().create(name, stand.configs().throughput(name, workload.topic(), format,
                settings.flushSize()));
        try {
            var jmx = new SinkConsumerJmx(name);
            var consumers = jmx.awaitConsumers(settings.tasks(), new Poller(time, POLL_INTERVAL, RUN_TIMEOUT));
            Throughput rate = sampler.await(workload.records(), () -> jmx.read(consumers),
                    () -> stored(stand.store(), prefix, settings.flushSize()));
            List<S3Store.StoredObject> objects = stand.store().list(prefix);
            checkWhole(objects, settings, workload.records());
            if (samples != null) {
                samples.put(format, objects.stream()
                        .filter(o -> SinkObjectKey.parse(o.key()).startOffset() == 0)
                        .map(o -> stand.store().get(o.key()))
                        .toList());
            }
            return rate;
        } finally {
            stand.connectors().deleteAndAwaitRetired(name);
            stand.store().deleteAll(prefix);
        }
    }

    /** The records in the objects listed so far (every object holds flush.size records), and their bytes. */
    private static Counts stored(S3Store store, String prefix, int flushSize) {
        List<S3Store.StoredObject> objects = store.list(prefix);
        return new Counts((long) objects.size() * flushSize,
                objects.stream().mapToLong(S3Store.StoredObject::size).sum());
    }

    /** Each partition's objects must start at 0, flush.size, 2 flush.size, ...: no record lost or written twice. */
    private static void checkWhole(List<S3Store.StoredObject> objects, S3SinkBenchSettings settings, long records) {
        Map<Integer, List<Long>> starts = new TreeMap<>();
        for (S3Store.StoredObject object : objects) {
            SinkObjectKey key = SinkObjectKey.parse(object.key());
            starts.computeIfAbsent(key.partition(), p -> new ArrayList<>()).add(key.startOffset());
        }
        long perPartition = records / settings.partitions() / settings.flushSize();
        for (int p = 0; p < settings.partitions(); p++) {
            List<Long> expected = new ArrayList<>();
            for (long i = 0; i < perPartition; i++) {
                expected.add(i * settings.flushSize());
            }
            List<Long> actual = starts.getOrDefault(p, List.of()).stream().sorted().toList();
            if (!actual.equals(expected)) {
                throw new IllegalStateException("partition " + p + " has objects starting at " + actual
                        + ", not " + expected);
            }
        }
    }

    private Throughput rawS3(S3SinkBenchSettings settings, Stand stand, Workload workload, SinkFormat format,
                             int round, List<byte[]> samples) throws Exception {
        String prefix = "raw-" + format.shortName() + "-" + round + "/";
        try {
            return stand.rawUploads().run(prefix, samples, workload.records() / settings.flushSize(),
                    settings.tasks(), settings.flushSize());
        } finally {
            stand.store().deleteAll(prefix);
        }
    }

    private SinkLatencyProbe.Result latency(S3SinkBenchSettings settings, Stand stand, EnvelopeValues values)
            throws Exception {
        String name = "bench-s3-latency";
        stand.connectors().create(name, stand.configs().latency(name, LATENCY_TOPIC, ROTATE_INTERVAL_MS));
        try {
            stand.connectors().awaitRunning(name, settings.tasks());
            return new SinkLatencyProbe(stand.bootstrapServers(), stand.store(), time).run(LATENCY_TOPIC,
                    settings.partitions(), S3SinkConfigs.partitionPrefix(name, LATENCY_TOPIC), values,
                    settings.latencyRate(), settings.latencyWindow());
        } finally {
            stand.connectors().deleteAndAwaitRetired(name);
            stand.store().deleteAll(name + "/");
        }
    }

    private static String describe(Round round) {
        var line = new StringBuilder("consumer ").append(round.consumer().describe());
        for (SinkFormat format : SinkFormat.values()) {
            Throughput raw = round.rawS3().get(format);
            Throughput sink = round.sink().get(format);
            line.append(String.format(Locale.ROOT, " | %s: S3 %s, sink %s, ratio %.2f", format.label(),
                    raw.describe(), sink.describe(), sink.recordsPerSecond()
                            / Math.min(round.consumer().recordsPerSecond(), raw.recordsPerSecond())));
        }
        line.append(" | gzip alone ").append(round.gzipCeiling().describe());
        return line.toString();
    }

    private static void report(S3SinkBenchSettings settings, Results results, PrintStream out) {
        out.println();
        List<Round> rounds = results.rounds();
        double consumer = median(rounds, Round::consumer);
        out.printf(Locale.ROOT, "median of %d rounds (records/s):%n", rounds.size());
        out.printf(Locale.ROOT, "  raw consumer: %,.0f (%.1f MiB/s of values)%n", consumer,
                Stats.median(rounds.stream().map(r -> r.consumer().mibPerSecond()).toList()));
        Map<SinkFormat, Double> ratios = new EnumMap<>(SinkFormat.class);
        for (SinkFormat format : SinkFormat.values()) {
            double raw = median(rounds, r -> r.rawS3().get(format));
            double sink = median(rounds, r -> r.sink().get(format));
            ratios.put(format, sink / Math.min(consumer, raw));
            out.printf(Locale.ROOT, "  %s: raw S3 %,.0f (%.1f MiB/s of objects) | sink %,.0f (%.1f MiB/s) | "
                            + "objects of %.1f MiB%n", format.label(), raw,
                    Stats.median(rounds.stream().map(r -> r.rawS3().get(format).mibPerSecond()).toList()), sink,
                    Stats.median(rounds.stream().map(r -> r.sink().get(format).mibPerSecond()).toList()),
                    results.objectMib().get(format));
        }
        double gzipCeiling = median(rounds, Round::gzipCeiling);
        double jsonRaw = Math.min(consumer, median(rounds, r -> r.rawS3().get(SinkFormat.JSON_GZIP)));
        out.printf(Locale.ROOT, "  gzip alone on %d cores, with nothing else to do: %,.0f: no JSON lines + "
                        + "gzip sink can exceed %.2f here%n", Runtime.getRuntime().availableProcessors(), gzipCeiling,
                gzipCeiling / jsonRaw);
        for (SinkFormat format : SinkFormat.values()) {
            out.printf(Locale.ROOT, "s3-sink-efficiency %s: %.2f (sink / min(raw consumer, raw S3))%n",
                    format.label(), ratios.get(format));
        }
        List<Double> latencies = results.latency().latenciesMs();
        out.printf(Locale.ROOT, "end-to-end latency, %s, rotate.interval.ms=%d, %,d records/s for %d s "
                        + "(acknowledged -> object listed, %,d records): p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                SinkFormat.JSON_GZIP.label(), ROTATE_INTERVAL_MS, settings.latencyRate(),
                settings.latencyWindow().toSeconds(), latencies.size(), Stats.percentile(latencies, 50),
                Stats.percentile(latencies, 99), Stats.max(latencies));
        out.printf(Locale.ROOT, "s3-sink-efficiency: %.2f%n", ratios.get(SinkFormat.JSON_GZIP));
    }

    private static double median(List<Round> rounds, Function<Round, Throughput> which) {
        return Stats.median(rounds.stream().map(r -> which.apply(r).recordsPerSecond()).toList());
    }
}
