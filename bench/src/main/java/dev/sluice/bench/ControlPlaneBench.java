package dev.sluice.bench;

import dev.sluice.runtime.broker.EmbeddedKafkaCluster;
import dev.sluice.runtime.broker.Ports;
import dev.sluice.runtime.config.AwsSettings;
import dev.sluice.runtime.dev.LocalS3Server;
import dev.sluice.testkit.ConnectRestClient;
import dev.sluice.testkit.WorkerNode;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.utils.Time;

/**
 * {@code ./sluice bench control-plane}: the MSK Connect API of one worker node, driven over plain HTTP JSON as an
 * AWS client would. How long a connector takes from {@code POST /v1/connectors} to a DescribeConnector that says
 * RUNNING; and how much memory 50 idle connectors (25 datagen-to-discard pairs, each connector in a Kafka Connect
 * cluster of its own) cost the node.
 *
 * <p>The node runs in this JVM beside a one-broker bundled Kafka cluster, so the process's RSS is an upper bound for
 * the node alone; the figures to read are the increments over the same process before the connectors existed. The
 * S3 stand-in is a child process, measured on its own and not included.
 */
public final class ControlPlaneBench implements Benchmark {

    private static final String BUCKET = "bench-plugins";
    private static final String ACCESS_KEY = "bench";
    private static final String SECRET_KEY = "bench-secret";
    private static final String RUNNING = "RUNNING";
    private static final String FAILED = "FAILED";
    // datagen's keys are STRING-typed (ByteArrayConverter refuses them and the task fails); values are bytes.
    private static final String WORKER_PROPERTIES =
            "key.converter=org.apache.kafka.connect.storage.StringConverter\n"
                    + "value.converter=org.apache.kafka.connect.converters.ByteArrayConverter\n";
    private static final Duration STATE_POLL_INTERVAL = Duration.ofMillis(50);
    private static final Duration IDLE_POLL_INTERVAL = Duration.ofMillis(500);
    private static final Duration CREATE_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration RETIRE_TIMEOUT = Duration.ofMinutes(5);
    private static final long GOAL_RSS_KIB = 2L * 1024 * 1024;

    private final Time time = Time.SYSTEM;

    /** Everything measured, printed once the servers are down so that no shutdown log follows it. */
    private record Results(Duration nodeStart, List<Double> createToRunningMs, List<Double> postMs,
                           int timedStillRunning, Duration retiredFirst, MemorySnapshot atStart, MemorySnapshot beforeIdle,
                           MemorySnapshot afterIdle, int idleConnectors, int idleRunning, Duration idleUp,
                           Duration idleCreate, String retiredIdle) {
    }

    /** The servers and clients a measurement uses. */
    private record Stand(MskConnectRest msk, ConnectorRequests requests, String datagenArn, String discardArn,
                         RetiredConnectors retired) {
    }

    @Override
    public void run(List<String> args, PrintStream out) throws Exception {
        var settings = ControlPlaneSettings.parse(args);
        String pluginPath = BenchPlugins.path();
        Path datagenZip = builtZip(pluginPath, "sluice-datagen-source.zip");
        Path discardZip = builtZip(pluginPath, "sluice-discard-sink.zip");
        out.printf(Locale.ROOT, "control-plane: %d datagen sources timed from POST /v1/connectors to RUNNING, then "
                + "%d idle connectors (%d datagen -> discard pairs) for %d s; one node, one broker, this JVM%n",
                settings.creations(), settings.idleConnectors(), settings.pairs(), settings.idle().toSeconds());

        Results results;
        try (var dir = TempDirectory.create("sluice-bench-control-plane-");
             var cluster = EmbeddedKafkaCluster.builder(dir.path().resolve("kafka")).brokers(1).freePorts()
                     .build();
             var s3 = new LocalS3Server(Ports.freePorts("127.0.0.1", 1).get(0), dir.path().resolve("s3"))) {
            StandIns.startBeside(cluster, s3::start, "s3");
            List<Integer> ports = Ports.freePorts("127.0.0.1", 2);
            var aws = new AwsSettings(null, null, Map.of("s3", s3.endpoint()), ACCESS_KEY, SECRET_KEY);
            var node = new WorkerNode(cluster.bootstrapServers(), List.of(pluginPath), Map.of(), ports.get(0),
                    ports.get(1), aws, dir.path().resolve("custom-plugins").toString());
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    cluster.bootstrapServers()));
                 var uploader = new PluginUploader(s3.endpoint(), BUCKET, ACCESS_KEY, SECRET_KEY)) {
                long start = time.nanoseconds();
                node.start();
                Duration nodeStart = Duration.ofNanos(time.nanoseconds() - start);
                MemorySnapshot atStart = MemorySnapshot.afterGc();
                out.printf(Locale.ROOT, "node started in %.1f s; RSS %.0f MiB, heap used %.0f MiB after GC%n",
                        nodeStart.toNanos() / 1e9, atStart.process().rssMib(), MemorySnapshot.mib(atStart.heapUsed()));
                Stand stand = prepare(node, cluster.bootstrapServers(), uploader, datagenZip, discardZip, admin,
                        out);
                results = measure(settings, stand, nodeStart, atStart, out);
            } finally {
                node.stop();
            }
        }
        report(settings, results, out);
    }

    private static Path builtZip(String pluginPath, String name) {
        Path zip = Path.of(pluginPath).toAbsolutePath().getParent().resolve(name);
        if (!Files.isRegularFile(zip)) {
            throw new IllegalArgumentException("no " + zip + "; build the plugins first (./mvnw package)");
        }
        return zip;
    }


    /** Uploads the two plugins, creates them as custom plugins (ACTIVE) and the worker configuration. */
    private Stand prepare(WorkerNode node, String bootstrapServers, PluginUploader uploader, Path datagenZip,
                          Path discardZip, Admin admin, PrintStream out) throws Exception {
        var msk = new MskConnectRest(new ConnectRestClient(node.apiUrl()));
        String datagenArn = msk.createCustomPlugin("bench-datagen", uploader.bucket(), uploader.upload(datagenZip));
        String discardArn = msk.createCustomPlugin("bench-discard", uploader.bucket(), uploader.upload(discardZip));
        var poller = new Poller(time, Duration.ofMillis(200), Duration.ofMinutes(2));
        for (String arn : List.of(datagenArn, discardArn)) {
            poller.until(() -> {
                String state = msk.customPluginState(arn);
                if (state.startsWith("CREATE_FAILED")) {
                    throw new IllegalStateException("custom plugin " + arn + " failed: " + state);
                }
                return state.equals("ACTIVE");
            }, () -> "custom plugin " + arn + " to be ACTIVE; state: " + msk.customPluginState(arn));
        }
        String workerConfigurationArn = msk.createWorkerConfiguration("bench-string-bytes", WORKER_PROPERTIES);
        out.println("custom plugins ACTIVE: " + datagenArn + ", " + discardArn);
        return new Stand(msk, new ConnectorRequests(bootstrapServers, workerConfigurationArn), datagenArn, discardArn,
                new RetiredConnectors(admin, new Poller(time, Duration.ofMillis(250), RETIRE_TIMEOUT)));
    }

    private Results measure(ControlPlaneSettings settings, Stand stand, Duration nodeStart, MemorySnapshot atStart,
                            PrintStream out) throws Exception {
        // Create -> RUNNING, one connector after another; the earlier ones keep running meanwhile.
        List<Double> createToRunning = new ArrayList<>();
        List<Double> post = new ArrayList<>();
        Map<String, String> timed = new LinkedHashMap<>();
        for (int i = 1; i <= settings.creations(); i++) {
            String name = "cp-run-" + i;
            long start = time.nanoseconds();
            String arn = stand.msk().createConnector(stand.requests().datagen(name, stand.datagenArn(), "cp-" + i,
                    10));
            post.add((time.nanoseconds() - start) / 1e6);
            timed.put(name, arn);
            awaitRunning(stand.msk(), arn);
            createToRunning.add((time.nanoseconds() - start) / 1e6);
            out.printf(Locale.ROOT, "create %2d: POST %4.0f ms, RUNNING after %5.0f ms%n", i, post.get(i - 1),
                    createToRunning.get(i - 1));
        }
        int timedStillRunning = countRunning(stand.msk(), timed.values());
        out.printf(Locale.ROOT, "%d/%d still RUNNING before deletion%n", timedStillRunning, timed.size());
        Duration retiredFirst = deleteAndAwaitRetired(stand, timed);
        out.printf(Locale.ROOT, "%d connectors deleted and retired in %.1f s%n", timed.size(),
                retiredFirst.toNanos() / 1e9);

        // Memory of idle connectors: the same process before and after.
        MemorySnapshot beforeIdle = MemorySnapshot.afterGc();
        Map<String, String> idle = new LinkedHashMap<>();
        long createStart = time.nanoseconds();
        for (int i = 1; i <= settings.pairs(); i++) {
            String topic = "cp-idle-" + i;
            idle.put("cp-idle-src-" + i, stand.msk().createConnector(stand.requests().datagen("cp-idle-src-" + i,
                    stand.datagenArn(), topic, 1)));
            idle.put("cp-idle-sink-" + i, stand.msk().createConnector(stand.requests().discard("cp-idle-sink-" + i,
                    stand.discardArn(), topic)));
        }
        Duration idleCreate = Duration.ofNanos(time.nanoseconds() - createStart);
        int running = awaitAllRunning(stand.msk(), List.copyOf(idle.values()), settings.runningBound());
        Duration idleUp = running == idle.size() ? Duration.ofNanos(time.nanoseconds() - createStart) : null;
        out.printf(Locale.ROOT, "%d connectors created in %.1f s; %d/%d RUNNING %s%n", idle.size(),
                idleCreate.toNanos() / 1e9, running, idle.size(), idleUp != null
                        ? String.format(Locale.ROOT, "%.1f s after the first POST", idleUp.toNanos() / 1e9)
                        : "after " + settings.runningBound().toSeconds() + " s (gave up waiting)");
        time.sleep(settings.idle().toMillis());
        int runningAtSnapshot = countRunning(stand.msk(), idle.values());
        MemorySnapshot afterIdle = MemorySnapshot.afterGc();

        String retiredIdle;
        try {
            Duration d = deleteAndAwaitRetired(stand, idle);
            retiredIdle = String.format(Locale.ROOT, "%.1f s", d.toNanos() / 1e9);
        } catch (TimeoutException e) {
            retiredIdle = "not all within " + RETIRE_TIMEOUT.toSeconds() + " s";
        }
        return new Results(nodeStart, createToRunning, post, timedStillRunning, retiredFirst, atStart, beforeIdle, afterIdle,
                idle.size(), runningAtSnapshot, idleUp, idleCreate, retiredIdle);
    }

    /** Polls DescribeConnector every 50 ms until RUNNING. */
    private void awaitRunning(MskConnectRest msk, String arn) throws Exception {
        new Poller(time, STATE_POLL_INTERVAL, CREATE_TIMEOUT).until(() -> {
            String state = msk.connectorState(arn);
            if (state.equals(FAILED)) {
                throw new IllegalStateException(arn + " FAILED: " + msk.describeConnector(arn));
            }
            return state.equals(RUNNING);
        }, () -> arn + " to be RUNNING; DescribeConnector: " + msk.describeConnector(arn));
    }

    /** Polls until every connector is RUNNING or the bound passes; returns how many are RUNNING. */
    private int awaitAllRunning(MskConnectRest msk, List<String> arns, Duration bound) {
        long deadline = time.milliseconds() + bound.toMillis();
        int running = countRunning(msk, arns);
        while (running < arns.size() && time.milliseconds() < deadline) {
            time.sleep(IDLE_POLL_INTERVAL.toMillis());
            running = countRunning(msk, arns);
        }
        return running;
    }

    private static int countRunning(MskConnectRest msk, Collection<String> arns) {
        return (int) arns.stream().filter(arn -> msk.connectorState(arn).equals(RUNNING)).count();
    }

    private Duration deleteAndAwaitRetired(Stand stand, Map<String, String> connectors) throws Exception {
        long start = time.nanoseconds();
        connectors.values().forEach(stand.msk()::deleteConnector);
        stand.retired().await(connectors.keySet());
        return Duration.ofNanos(time.nanoseconds() - start);
    }

    private static void report(ControlPlaneSettings settings, Results r, PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "node start: %.1f s%n", r.nodeStart().toNanos() / 1e9);
        out.printf(Locale.ROOT, "POST /v1/connectors -> DescribeConnector RUNNING over %d creations (polled every "
                + "%d ms): p50 %.0f ms, p99 %.0f ms, max %.0f ms%n", r.createToRunningMs().size(),
                STATE_POLL_INTERVAL.toMillis(), Stats.percentile(r.createToRunningMs(), 50),
                Stats.percentile(r.createToRunningMs(), 99), Stats.max(r.createToRunningMs()));
        out.printf(Locale.ROOT, "  the POST itself: p50 %.0f ms, max %.0f ms; %d/%d still RUNNING after the last "
                + "creation; deleted and retired (internal topics gone) in %.1f s%n",
                Stats.percentile(r.postMs(), 50), Stats.max(r.postMs()), r.timedStillRunning(),
                r.createToRunningMs().size(), r.retiredFirst().toNanos() / 1e9);
        out.printf(Locale.ROOT, "idle connectors: %d created in %.1f s; %s; %d/%d RUNNING when measured after %d s "
                + "idle; deleted and retired in %s%n", r.idleConnectors(), r.idleCreate().toNanos() / 1e9,
                r.idleUp() != null ? String.format(Locale.ROOT, "all RUNNING %.1f s after the first POST",
                        r.idleUp().toNanos() / 1e9) : "NOT all RUNNING within " + settings.runningBound().toSeconds()
                        + " s", r.idleRunning(), r.idleConnectors(), settings.idle().toSeconds(), r.retiredIdle());
        out.println("memory after System.gc(). The measured process hosts the worker node AND the one-broker Kafka "
                + "cluster, so its RSS is an upper bound for the node alone; S3Mock is a separate child process, "
                + "not in it:");
        out.println("                          RSS MiB  anon MiB  file MiB  heap used  heap committed  non-heap  "
                + "JVM threads  OS threads");
        row(out, "node started", r.atStart());
        row(out, "before idle connectors", r.beforeIdle());
        row(out, r.idleConnectors() + " idle connectors", r.afterIdle());
        r.afterIdle().s3Mock().ifPresentOrElse(
                s -> out.printf(Locale.ROOT, "S3Mock (child process, excluded above): RSS %.0f MiB%n", s.rssMib()),
                () -> out.println("S3Mock (child process, excluded above): pid not found"));

        int n = r.idleConnectors();
        MemorySnapshot before = r.beforeIdle();
        MemorySnapshot after = r.afterIdle();
        out.printf(Locale.ROOT, "per idle connector, (after - before) / %d: RSS %.1f MiB (anon %.1f MiB), heap used "
                + "%.2f MiB, heap committed %.1f MiB, non-heap %.2f MiB, %.1f JVM threads%n", n,
                (after.process().rssKib() - before.process().rssKib()) / 1024.0 / n,
                (after.process().rssAnonKib() - before.process().rssAnonKib()) / 1024.0 / n,
                MemorySnapshot.mib(after.heapUsed() - before.heapUsed()) / n,
                MemorySnapshot.mib(after.heapCommitted() - before.heapCommitted()) / n,
                MemorySnapshot.mib(after.nonHeapUsed() - before.nonHeapUsed()) / n,
                (after.jvmThreads() - before.jvmThreads()) / (double) n);
        out.printf(Locale.ROOT, "  same from node start: RSS %.1f MiB, heap used %.2f MiB%n",
                (after.process().rssKib() - r.atStart().process().rssKib()) / 1024.0 / n,
                MemorySnapshot.mib(after.heapUsed() - r.atStart().heapUsed()) / n);
        out.println("threads added by the idle connectors, by kind:");
        ThreadNames.increase(before.threadKinds(), after.threadKinds())
                .forEach((kind, added) -> out.printf(Locale.ROOT, "  %+4d  %s%n", added, kind));
        boolean met = after.process().rssKib() <= GOAL_RSS_KIB && r.idleRunning() == n;
        out.printf(Locale.ROOT, "goal, %d connectors on one node within 2 GiB RSS: %s (%.0f MiB with the broker, "
                + "%d/%d RUNNING)%n", n, met ? "met" : "NOT met", after.process().rssMib(), r.idleRunning(), n);
        out.printf(Locale.ROOT, "create-to-running-p50-ms: %d%n",
                Math.round(Stats.percentile(r.createToRunningMs(), 50)));
    }

    private static void row(PrintStream out, String label, MemorySnapshot s) {
        out.printf(Locale.ROOT, "  %-22s %8.0f  %8.0f  %8.0f  %9.0f  %14.0f  %8.0f  %11d  %10d%n", label,
                s.process().rssMib(), s.process().rssAnonKib() / 1024.0, s.process().rssFileKib() / 1024.0,
                MemorySnapshot.mib(s.heapUsed()), MemorySnapshot.mib(s.heapCommitted()),
                MemorySnapshot.mib(s.nonHeapUsed()), s.jvmThreads(), s.process().threads());
    }
}
