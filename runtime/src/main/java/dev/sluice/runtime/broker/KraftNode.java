package dev.sluice.runtime.broker;

import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Apache Kafka node in KRaft mode (broker, controller or both) running in this JVM on Kafka's own
 * {@link KafkaRaftServer}. The storage is formatted on the first start only; later starts keep the data and
 * the cluster id already on disk.
 */
public final class KraftNode implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KraftNode.class);

    private enum State { NEW, RUNNING, CLOSED }

    private final KraftNodeSettings settings;
    private final Time time;
    private State state = State.NEW;
    private volatile KafkaRaftServer server;
    private volatile String clusterId;

    public KraftNode(KraftNodeSettings settings) {
        this(settings, Time.SYSTEM);
    }

    KraftNode(KraftNodeSettings settings, Time time) {
        this.settings = settings;
        this.time = time;
    }

    public KraftNodeSettings settings() {
        return settings;
    }

    /**
     * Checks that the listener ports are free, formats the storage if it is new and starts the node. For a broker
     * this returns once the controller has unfenced it, or fails after {@code server.max.startup.time.ms}.
     *
     * @throws PortInUseException if a listener port is taken; nothing has been written then
     */
    public synchronized void start() {
        if (state != State.NEW) {
            throw new IllegalStateException("KRaft node " + settings.nodeId() + " was already started");
        }
        settings.listeners().forEach(listener -> Ports.requireFree(listener.host(), listener.port()));
        var config = kafkaConfig();
        clusterId = KraftStorage.formatIfNew(config, settings);
        long startedAt = time.milliseconds();
        var newServer = new KafkaRaftServer(config, time);
        server = newServer;
        state = State.RUNNING;
        try {
            newServer.startup();
        } catch (RuntimeException e) {
            stop(newServer);
            state = State.CLOSED;
            throw new IllegalStateException("KRaft node " + settings.nodeId() + " failed to start: " + e.getMessage(),
                    e);
        }
        var properties = settings.serverProperties();
        log.info("KRaft node {} ({}) started in {} ms, cluster {}, listeners {}", settings.nodeId(),
                properties.get("process.roles"), time.milliseconds() - startedAt, clusterId,
                properties.get("listeners"));
    }

    /** {@code host:port} of the node's first broker listener as advertised to clients. */
    public String bootstrapAddress() {
        if (!settings.roles().contains(KraftNodeSettings.Role.BROKER)) {
            throw new IllegalStateException("KRaft node " + settings.nodeId() + " is a controller only");
        }
        var listener = settings.brokerListeners().get(0);
        var host = settings.advertisedHost() != null ? settings.advertisedHost()
                : listener.host().isEmpty() ? "localhost" : listener.host();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + listener.port();
    }

    /** The cluster id on disk, once {@link #start()} has run. */
    public String clusterId() {
        return clusterId;
    }

    /** Blocks until the node has shut down, because {@link #close()} was called or Kafka stopped it. */
    public void awaitShutdown() {
        var current = server;
        if (current != null) {
            current.awaitShutdown();
        }
    }

    /** Shuts the node down (a broker first moves its leaderships away) and waits until it has stopped. */
    @Override
    public synchronized void close() {
        if (state == State.RUNNING) {
            long stoppingAt = time.milliseconds();
            stop(server);
            log.info("KRaft node {} stopped in {} ms", settings.nodeId(), time.milliseconds() - stoppingAt);
        }
        state = State.CLOSED;
    }

    private void stop(KafkaRaftServer target) {
        try {
            target.shutdown();
        } finally {
            target.awaitShutdown();
        }
    }

    private KafkaConfig kafkaConfig() {
        var props = new Properties();
        props.putAll(settings.serverProperties());
        // Kafka logs every config value at INFO when doLog is true; the node logs its own summary instead.
        return KafkaConfig.fromProps(props, false);
    }
}
