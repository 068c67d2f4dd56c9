package dev.sluice.runtime.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import dev.sluice.runtime.broker.KraftNodeSettings.Listener;
import dev.sluice.runtime.broker.KraftNodeSettings.Role;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka cluster inside this JVM for {@code sluice dev} and the tests: one dedicated KRaft controller and N
 * brokers, data under one directory ({@code controller/}, {@code broker-1/}, ...). Starting again on the same
 * directory finds the same cluster, topics and records.
 *
 * <p>The controller is not combined with a broker: three combined nodes in one JVM can hang on shutdown once the
 * quorum is lost, whereas brokers in front of a lone controller can all stop at once.
 */
public final class EmbeddedKafkaCluster implements AutoCloseable {

    public static final int DEFAULT_BROKERS = 3;
    public static final int DEFAULT_FIRST_BROKER_PORT = 9092;

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaCluster.class);
    private static final int CONTROLLER_ID = 0;

    private final Path dataDir;
    private final int brokerCount;
    private final String host;
    private final boolean freePorts;
    private final int firstBrokerPort;
    private final int controllerPort;
    private final Map<String, String> brokerOverrides;
    private final Duration startTimeout;
    private final Duration closeTimeout;
    private final Time time;

    private KraftNode controller;
    private List<KraftNode> brokers = List.of();
    private boolean started;

    private EmbeddedKafkaCluster(Builder builder) {
        this.dataDir = builder.dataDir;
        this.brokerCount = builder.brokers;
        this.host = builder.host;
        this.freePorts = builder.freePorts;
        this.firstBrokerPort = builder.firstBrokerPort;
        this.controllerPort = builder.controllerPort != null ? builder.controllerPort : firstBrokerPort + brokerCount;
        this.brokerOverrides = Map.copyOf(builder.brokerProperties);
        this.startTimeout = builder.startTimeout;
        this.closeTimeout = builder.closeTimeout;
        this.time = Time.SYSTEM;
    }

    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    /**
     * Starts the controller, then all brokers in parallel, and returns once {@code Admin.describeCluster} lists
     * every broker.
     *
     * @throws PortInUseException    if a port is taken; checked before anything is started or written
     * @throws IllegalStateException if the cluster is not up within the start timeout (it is stopped again)
     */
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("the embedded Kafka cluster was already started");
        }
        var ports = ports();
        ports.forEach(port -> Ports.requireFree(host, port));
        started = true;
        var clusterId = existingClusterId().orElseGet(() -> Uuid.randomUuid().toString());
        var voters = CONTROLLER_ID + "@" + host + ":" + ports.get(0);
        controller = new KraftNode(controllerSettings(ports.get(0), voters, clusterId));
        brokers = IntStream.rangeClosed(1, brokerCount)
                .mapToObj(id -> new KraftNode(brokerSettings(id, ports.get(id), voters, clusterId)))
                .toList();

        var timer = time.timer(startTimeout);
        try {
            controller.start();
            startBrokers(timer);
            awaitBrokersRegistered(timer);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        log.info("Kafka cluster {} up in {} ms: {} broker(s) at {}, data in {}", clusterId, timer.elapsedMs(),
                brokerCount, bootstrapServers(), dataDir.toAbsolutePath());
    }

    /** {@code host:port,...} of every broker, for {@code bootstrap.servers}. */
    public synchronized String bootstrapServers() {
        if (brokers.isEmpty()) {
            throw new IllegalStateException("the embedded Kafka cluster is not started");
        }
        return brokers.stream().map(KraftNode::bootstrapAddress).collect(Collectors.joining(","));
    }

    public int brokerCount() {
        return brokerCount;
    }

    /** The cluster id, once started. */
    public synchronized String clusterId() {
        return controller == null ? null : controller.clusterId();
    }

    public Path dataDir() {
        return dataDir;
    }

    /**
     * Stops all brokers in parallel, then the controller, each step bounded by the close timeout. Nodes still
     * running after that are logged and left behind.
     */
    @Override
    public synchronized void close() {
        stopAll("brokers", brokers);
        if (controller != null) {
            stopAll("controller", List.of(controller));
        }
        brokers = List.of();
        controller = null;
    }

    /** The controller port first, then the brokers' in node id order. */
    private List<Integer> ports() {
        if (freePorts) {
            return Ports.freePorts(host, brokerCount + 1);
        }
        return Stream.concat(Stream.of(controllerPort),
                IntStream.range(0, brokerCount).mapToObj(i -> firstBrokerPort + i)).toList();
    }

    private Optional<String> existingClusterId() {
        return Stream.concat(Stream.of(nodeDir(CONTROLLER_ID)),
                        IntStream.rangeClosed(1, brokerCount).mapToObj(this::nodeDir))
                .map(KraftStorage::clusterIdIn)
                .flatMap(Optional::stream)
                .findFirst();
    }

    private Path nodeDir(int nodeId) {
        return dataDir.resolve(nodeId == CONTROLLER_ID ? "controller" : "broker-" + nodeId);
    }

    private KraftNodeSettings controllerSettings(int port, String voters, String clusterId) {
        var listener = new Listener(KraftNodeSettings.DEFAULT_CONTROLLER_LISTENER, host, port);
        return new KraftNodeSettings(CONTROLLER_ID, Set.of(Role.CONTROLLER), List.of(listener), null, voters,
                List.of(nodeDir(CONTROLLER_ID)), clusterId, EmbeddedNodeProperties.controller(brokerCount, startTimeout));
    }

    private KraftNodeSettings brokerSettings(int nodeId, int port, String voters, String clusterId) {
        var listener = new Listener("PLAINTEXT", host, port);
        return new KraftNodeSettings(nodeId, Set.of(Role.BROKER), List.of(listener), host, voters,
                List.of(nodeDir(nodeId)), clusterId,
                EmbeddedNodeProperties.broker(brokerCount, startTimeout, brokerOverrides));
    }

    private void startBrokers(Timer timer) {
        var executor = lifecycleExecutor("start");
        try {
            var futures = brokers.stream().map(b -> CompletableFuture.runAsync(b::start, executor)).toList();
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                    .get(Math.max(0, timer.remainingMs()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the Kafka brokers did not start within " + startTimeout.toSeconds()
                    + " s; see the log for the brokers' progress", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a Kafka broker failed to start: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the Kafka brokers", e);
        } finally {
            executor.shutdown();
        }
    }

    private void awaitBrokersRegistered(Timer timer) {
        var bootstrapServers = bootstrapServers();
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (var admin = Admin.create(config)) {
            var lastSeen = "no answer";
            while (true) {
                timer.update();
                var options = new DescribeClusterOptions().timeoutMs((int) Math.min(5_000, timer.remainingMs() + 1));
                try {
                    int registered = admin.describeCluster(options).nodes().get().size();
                    if (registered == brokerCount) {
                        return;
                    }
                    lastSeen = registered + " of " + brokerCount + " brokers";
                } catch (ExecutionException e) {
                    lastSeen = e.getCause().toString();
                }
                timer.update();
                if (timer.isExpired()) {
                    throw new IllegalStateException("the Kafka cluster at " + bootstrapServers + " did not list "
                            + brokerCount + " brokers within " + startTimeout.toSeconds() + " s (last seen: "
                            + lastSeen + ")");
                }
                time.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Kafka brokers to register", e);
        }
    }

    private void stopAll(String what, List<KraftNode> nodes) {
        if (nodes.isEmpty()) {
            return;
        }
        var executor = lifecycleExecutor("stop");
        try {
            var futures = nodes.stream().map(n -> CompletableFuture.runAsync(n::close, executor)).toList();
            var all = CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new));
            try {
                all.get(closeTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                var running = new ArrayList<Integer>();
                for (int i = 0; i < nodes.size(); i++) {
                    if (!futures.get(i).isDone()) {
                        running.add(nodes.get(i).settings().nodeId());
                    }
                }
                log.warn("Kafka {} {} did not stop within {} s; leaving them behind", what, running,
                        closeTimeout.toSeconds());
            } catch (ExecutionException e) {
                log.warn("Kafka {} failed to stop cleanly", what, e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                log.warn("Interrupted while stopping the Kafka {}", what);
            }
        } finally {
            executor.shutdown();
        }
    }

    private ExecutorService lifecycleExecutor(String action) {
        var counter = new AtomicInteger();
        return Executors.newCachedThreadPool(runnable -> {
            var thread = new Thread(runnable, "sluice-kafka-" + action + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public static final class Builder {

        private final Path dataDir;
        private int brokers = DEFAULT_BROKERS;
        private String host = "127.0.0.1";
        private boolean freePorts;
        private int firstBrokerPort = DEFAULT_FIRST_BROKER_PORT;
        private Integer controllerPort;
        private final Map<String, String> brokerProperties = new LinkedHashMap<>();
        private Duration startTimeout = Duration.ofSeconds(60);
        private Duration closeTimeout = Duration.ofSeconds(30);

        private Builder(Path dataDir) {
            this.dataDir = dataDir;
        }

        /** How many brokers (default 3); internal topics get a replication factor of min(3, brokers). */
        public Builder brokers(int brokers) {
            this.brokers = brokers;
            return this;
        }

        /** Host the listeners bind to and advertise (default 127.0.0.1). */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** Brokers listen on {@code port}, {@code port + 1}, ... (default 9092). */
        public Builder firstBrokerPort(int port) {
            this.firstBrokerPort = port;
            return this;
        }

        /** The controller's port (default: right after the brokers', 9095 with three brokers). */
        public Builder controllerPort(int port) {
            this.controllerPort = port;
            return this;
        }

        /** Picks free ports for every node on each start instead of fixed ones (for tests). */
        public Builder freePorts() {
            this.freePorts = true;
            return this;
        }

        /**
         * Sets or overrides a Kafka property of every broker. The replication factor of new topics is the
         * controller's {@code default.replication.factor}, min(3, brokers).
         */
        public Builder brokerProperty(String key, String value) {
            this.brokerProperties.put(key, value);
            return this;
        }

        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        /** Bounds each of the two close steps (brokers, then controller). */
        public Builder closeTimeout(Duration timeout) {
            this.closeTimeout = timeout;
            return this;
        }

        public EmbeddedKafkaCluster build() {
            var problems = new ArrayList<String>();
            if (dataDir == null) {
                problems.add("a data directory is required");
            }
            if (brokers < 1) {
                problems.add("at least one broker is required, was " + brokers);
            }
            if (host == null || host.isBlank()) {
                problems.add("a listener host is required");
            }
            if (!freePorts && controllerPort != null
                    && controllerPort >= firstBrokerPort && controllerPort < firstBrokerPort + brokers) {
                problems.add("controller port " + controllerPort + " is one of the broker ports " + firstBrokerPort
                        + ".." + (firstBrokerPort + brokers - 1));
            }
            if (startTimeout == null || startTimeout.isNegative() || closeTimeout == null
                    || closeTimeout.isNegative()) {
                problems.add("timeouts must be positive");
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("invalid embedded Kafka cluster: " + String.join("; ", problems));
            }
            return new EmbeddedKafkaCluster(this);
        }
    }
}
