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

    /** Writes a node config: Kafka, plugins, ports, and the registry topic (so nodes can be kept apart). */
    public static Path writeConfig(Path file, String bootstrapServers, String startupTimeout, int apiPort,
                                   int adminPort, Path pluginPath, String registryTopic) {
        String yaml = String.join("\n",
                "kafka:",
                "  bootstrapServers: \"" + bootstrapServers + "\"",
                "  startupTimeout: " + startupTimeout,
                "connect:",
                "  pluginPath: [\"" + pluginPath + "\"]",
                "  advertisedUrl: http://127.0.0.1:" + apiPort + "/",
                "  registryTopic: " + registryTopic,
                "  workerProperties:",
                "    offset.flush.interval.ms: \"1000\"",
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
