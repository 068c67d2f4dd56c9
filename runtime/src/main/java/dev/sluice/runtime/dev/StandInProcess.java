package dev.sluice.runtime.dev;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A local stand-in run as a child process: started, awaited until its HTTP endpoint answers, stopped. Its output
 * goes to a log file beside its data, which every failure names.
 */
final class StandInProcess {

    private final String name;
    private final String endpoint;
    private final Path logFile;
    private final Duration startTimeout;
    private Process process;

    StandInProcess(String name, String endpoint, Path logFile, Duration startTimeout) {
        this.name = name;
        this.endpoint = endpoint;
        this.logFile = logFile;
        this.startTimeout = startTimeout;
    }

    /** Starts {@code command} in {@code workDir} and returns once the endpoint answers HTTP. */
    synchronized void start(List<String> command, Path workDir) {
        try {
            process = new ProcessBuilder(command)
                    .directory(workDir == null ? null : workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the " + name + ": " + e.getMessage(), e);
        }
        awaitReady();
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + startTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The " + name + " exited with code " + process.exitValue()
                        + " at start; see " + logFile);
            }
            if (answers(endpoint)) {
                return;
            }
            try {
                process.waitFor(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while starting the " + name, e);
            }
        }
        close();
        throw new IllegalStateException("The " + name + " did not answer within " + startTimeout.toSeconds()
                + " s; see " + logFile);
    }

    /** Whether an HTTP server answers at {@code url} (with any status). */
    static boolean answers(String url) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url + "/").toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2000);
            int status = connection.getResponseCode();
            connection.disconnect();
            return status > 0;
        } catch (IOException e) {
            return false;
        }
    }

    synchronized void close() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }
}
