package dev.sluice.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A worker node in a process of its own ({@code sluice server CONFIG.yml} on this JVM's classpath), for what only a
 * separate process shows: its exit code and output at start, and being killed with {@code kill -9}.
 */
public final class NodeProcess implements AutoCloseable {

    private final Path config;
    private final Path output;
    private Process process;

    public NodeProcess(Path config, Path output) {
        this.config = config;
        this.output = output;
    }

    /**
     * Writes a node config: Kafka, plugins, ports, the S3 endpoint custom plugins come from, and topics and folders
     * of its own, named after {@code name}, so that it shares nothing with other nodes on the same Kafka.
     */
    public static Path writeConfig(Path file, String bootstrapServers, String startupTimeout, int apiPort,
                                   int adminPort, Path pluginPath, String s3Endpoint, String name) {
        String yaml = String.join("\n",
                "kafka:",
                "  bootstrapServers: \"" + bootstrapServers + "\"",
                "  startupTimeout: " + startupTimeout,
                "connect:",
                "  pluginPath: [\"" + pluginPath + "\"]",
                "  advertisedUrl: http://127.0.0.1:" + apiPort + "/",
                "  registryTopic: __sluice_connectors_" + name,
                "  controlPlaneTopic: __sluice_control_plane_" + name,
                "  customPluginDir: \"" + file.resolveSibling("custom-plugins-" + name).toAbsolutePath() + "\"",
                "  workerProperties:",
                "    offset.flush.interval.ms: \"1000\"",
                "aws:",
                "  endpoints:",
                "    s3: \"" + s3Endpoint + "\"",
                "  accessKeyId: test",
                "  secretAccessKey: test-secret",
                "server:",
                "  applicationConnectors:",
                "    - type: http",
                "      bindHost: 127.0.0.1",
                "      port: " + apiPort,
                "  adminConnectors:",
                "    - type: http",
                "      bindHost: 127.0.0.1",
                "      port: " + adminPort,
                "");
        try {
            Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    public synchronized void start() {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        try {
            process = new ProcessBuilder(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                    "dev.sluice.runtime.SluiceApplication", "server", config.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start a node process", e);
        }
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The exit code, or -1 while it runs. */
    public synchronized int exitCode() {
        return process == null || process.isAlive() ? -1 : process.exitValue();
    }

    public String output() {
        try {
            return Files.exists(output) ? Files.readString(output) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code kill -9}: no shutdown hook runs, nothing is flushed or committed. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitFor();
        }
    }

    @Override
    public synchronized void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            waitFor();
            if (process.isAlive()) {
                kill();
            }
        }
    }

    private void waitFor() {
        try {
            process.waitFor(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
