package dev.sluice.bench;

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
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.utils.Time;

/**
 * {@code ./sluice bench framework}: how fast the discard sink, run by a worker node, reads a topic compared with
 * a plain {@code KafkaConsumer} on the same broker in the same JVM; and how long a connector takes from
 * {@code POST /connectors} to RUNNING.
 *
 * <p>Both readers are held to one definition of a rate ({@link RateWindow}), sampled every 20 ms: the discard
 * sink through its JMX counters, the raw loop through its own. Raw and framework runs alternate, and which goes
 * first alternates each round, so drift in a noisy machine falls on both alike.
 */
public final class FrameworkBench implements Benchmark {

    private static final String TOPIC = "bench-framework";
    private static final Duration SAMPLE_INTERVAL = Duration.ofMillis(20);
    private static final Duration STATUS_POLL_INTERVAL = Duration.ofMillis(50);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);

    private final Time time = Time.SYSTEM;
    private final CounterSampler sampler = new CounterSampler(time, SAMPLE_INTERVAL, RUN_TIMEOUT);

    /** Everything measured, printed once the cluster and node are down so that no shutdown log follows it. */
    private record Results(List<Throughput> raw, List<Throughput> framework, Throughput parallel,
                           List<Duration> startups) {
    }

    @Override
    public void run(List<String> args, PrintStream out) throws Exception {
        var settings = FrameworkSettings.parse(args);
        String pluginPath = BenchPlugins.path();
        out.printf(Locale.ROOT, "framework: %,d records of %,d B in topic %s (%d partitions), %d rounds%n",
                settings.records(), settings.valueBytes(), TOPIC, settings.partitions(), settings.rounds());
        out.printf(Locale.ROOT, "rate: records counted from the first sample that saw a record to the first that "
                + "saw all %,d, over the time between them (samples every %d ms)%n",
                settings.records(), SAMPLE_INTERVAL.toMillis());

        Results results;
        try (var dir = TempDirectory.create("sluice-bench-framework-");
             var cluster = EmbeddedKafkaCluster.builder(dir.path()).brokers(1).freePorts().build()) {
            cluster.start();
            List<Integer> ports = Ports.freePorts("127.0.0.1", 2);
            var node = new WorkerNode(cluster.bootstrapServers(), List.of(pluginPath), Map.of(),
                    ports.get(0), ports.get(1));
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    cluster.bootstrapServers()))) {
                node.start();
                var sinks = new DiscardSinks(new ConnectRestClient(node.apiUrl()), admin,
                        new Poller(time, STATUS_POLL_INTERVAL, RUN_TIMEOUT));
                results = measure(settings, cluster.bootstrapServers(), sinks, out);
            } finally {
                node.stop();
            }
        }
        report(settings, results, out);
    }

    private Results measure(FrameworkSettings settings, String bootstrapServers, DiscardSinks sinks,
                            PrintStream out) throws Exception {
        Throughput load = new TopicLoader(bootstrapServers, time)
                .load(TOPIC, settings.partitions(), settings.records(), settings.valueBytes());
        out.println("load:      " + load.describe() + String.format(Locale.ROOT, " in %.1f s", load.nanos() / 1e9));

        // The first runs of each reader are slower while the JIT compiles their paths; they are shown, not counted.
        Throughput rawWarmUp = raw(settings, bootstrapServers, 0);
        Throughput frameworkWarmUp = framework(settings, sinks, "bench-framework-0", 1);
        out.printf(Locale.ROOT, "warm-up:   raw %s | framework %s | not counted%n", rawWarmUp.describe(),
                frameworkWarmUp.describe());

        List<Throughput> raw = new ArrayList<>();
        List<Throughput> framework = new ArrayList<>();
        for (int round = 1; round <= settings.rounds(); round++) {
            if (round % 2 == 1) {
                raw.add(raw(settings, bootstrapServers, round));
                framework.add(framework(settings, sinks, "bench-framework-" + round, 1));
            } else {
                framework.add(framework(settings, sinks, "bench-framework-" + round, 1));
                raw.add(raw(settings, bootstrapServers, round));
            }
            Throughput r = raw.get(raw.size() - 1);
            Throughput f = framework.get(framework.size() - 1);
            out.printf(Locale.ROOT, "round %d:   raw %s | framework %s | ratio %.2f%n", round, r.describe(),
                    f.describe(), f.recordsPerSecond() / r.recordsPerSecond());
        }

        Throughput parallel = framework(settings, sinks, "bench-framework-parallel", settings.partitions());

        List<Duration> startups = new ArrayList<>();
        for (int i = 1; i <= settings.creations(); i++) {
            startups.add(startup(sinks, "bench-startup-" + i));
        }
        return new Results(raw, framework, parallel, startups);
    }

    private Throughput raw(FrameworkSettings settings, String bootstrapServers, int round) throws Exception {
        var loop = new RawConsumerLoop(bootstrapServers, "bench-raw-" + round, TOPIC, settings.records());
        var thread = new Thread(loop, "bench-raw-consumer-" + round);
        thread.start();
        try {
            return sampler.await(settings.records(), loop::counts);
        } finally {
            loop.stop();
            thread.join();
        }
    }

    /** A fresh connector name each time: a fresh consumer group, which reads the topic from the beginning. */
    private Throughput framework(FrameworkSettings settings, DiscardSinks sinks, String name, int tasks)
            throws Exception {
        sinks.create(name, TOPIC, tasks);
        try {
            var jmx = new DiscardSinkJmx(name);
            var counters = jmx.awaitTasks(tasks, new Poller(time, SAMPLE_INTERVAL, RUN_TIMEOUT));
            return sampler.await(settings.records(), () -> jmx.read(counters));
        } finally {
            sinks.deleteAndAwaitRetired(name);
        }
    }

    private Duration startup(DiscardSinks sinks, String name) throws Exception {
        long start = time.nanoseconds();
        sinks.create(name, TOPIC, 1);
        sinks.awaitRunning(name, 1);
        var elapsed = Duration.ofNanos(time.nanoseconds() - start);
        sinks.deleteAndAwaitRetired(name);
        return elapsed;
    }

    private static void report(FrameworkSettings settings, Results results, PrintStream out) {
        out.println();
        double raw = Stats.median(results.raw().stream().map(Throughput::recordsPerSecond).toList());
        double framework = Stats.median(results.framework().stream().map(Throughput::recordsPerSecond).toList());
        double rawMib = Stats.median(results.raw().stream().map(Throughput::mibPerSecond).toList());
        double frameworkMib = Stats.median(results.framework().stream().map(Throughput::mibPerSecond).toList());
        List<Double> startups = results.startups().stream().map(d -> d.toNanos() / 1e9).toList();

        out.printf(Locale.ROOT,
                "median of %d rounds: raw %,.0f records/s (%.1f MiB/s) | framework %,.0f records/s (%.1f MiB/s)%n",
                results.raw().size(), raw, rawMib, framework, frameworkMib);
        out.printf(Locale.ROOT, "framework, tasks.max=%d (one run, not in the ratio): %s%n",
                settings.partitions(), results.parallel().describe());
        out.printf(Locale.ROOT, "POST /connectors -> RUNNING over %d creations: p50 %.2f s, max %.2f s%n",
                startups.size(), Stats.median(startups), Stats.max(startups));
        out.printf(Locale.ROOT, "framework-efficiency: %.2f%n", framework / raw);
    }
}
