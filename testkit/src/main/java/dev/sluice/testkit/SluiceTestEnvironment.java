package dev.sluice.testkit;

import dev.sluice.runtime.broker.EmbeddedKafkaCluster;
import dev.sluice.runtime.broker.Ports;
import dev.sluice.runtime.dev.LocalS3Server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * The servers every integration test of a module shares, started once per test JVM (Failsafe runs a module's tests
 * in one JVM) and stopped when it exits: the bundled Kafka cluster, one worker node with this repository's plugins,
 * and, when a test asks for it, the local S3 server.
 *
 * <p>Tests that share the environment use connector and topic names of their own.
 */
public final class SluiceTestEnvironment {

    /** The folder of built plugins; Failsafe sets it, {@code plugins/target/plugins} of the checkout otherwise. */
    public static final String PLUGIN_PATH_PROPERTY = "sluice.plugin.path";

    private static SluiceTestEnvironment instance;

    private final Path workDir;
    private final EmbeddedKafkaCluster kafka;
    private final WorkerNode node;
    private LocalS3Server s3;

    private SluiceTestEnvironment(int brokers) {
        try {
            workDir = Files.createTempDirectory("sluice-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        kafka = EmbeddedKafkaCluster.builder(workDir.resolve("kafka")).brokers(brokers).freePorts().build();
        kafka.start();
        List<Integer> ports = Ports.freePorts("127.0.0.1", 2);
        node = new WorkerNode(kafka.bootstrapServers(), List.of(pluginPath().toString()),
                Map.of("offset.flush.interval.ms", "1000"), ports.get(0), ports.get(1));
        node.start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "sluice-test-environment-stop"));
    }

    /** The module's shared environment: one broker, one worker node. */
    public static synchronized SluiceTestEnvironment get() {
        if (instance == null) {
            instance = new SluiceTestEnvironment(1);
        }
        return instance;
    }

    public EmbeddedKafkaCluster kafka() {
        return kafka;
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public WorkerNode node() {
        return node;
    }

    public ConnectRestClient connect() {
        return new ConnectRestClient(node.apiUrl());
    }

    /** The S3 server, started on first use. */
    public synchronized LocalS3Server s3() {
        if (s3 == null) {
            LocalS3Server server = new LocalS3Server(Ports.freePorts("127.0.0.1", 1).get(0), workDir.resolve("s3"));
            server.start();
            s3 = server;
        }
        return s3;
    }

    public Path workDir() {
        return workDir;
    }

    static Path pluginPath() {
        String configured = System.getProperty(PLUGIN_PATH_PROPERTY);
        Path path = configured != null ? Paths.get(configured) : Paths.get("plugins", "target", "plugins");
        if (!Files.isDirectory(path)) {
            throw new IllegalStateException("No plugins at " + path.toAbsolutePath()
                    + ": build them first (./mvnw package) or set -D" + PLUGIN_PATH_PROPERTY);
        }
        return path.toAbsolutePath();
    }

    private synchronized void close() {
        node.close();
        if (s3 != null) {
            s3.close();
        }
        kafka.close();
    }
}
