package dev.sluice.runtime.dev;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The DynamoDB stand-in: dynalite (npm {@code dynalite}, Apache-2.0), a Node.js server of DynamoDB's API, pinned by
 * {@code dev/dynamodb/package-lock.json} and installed there with {@code npm ci} on first use. It keeps its tables
 * in LevelDB under a folder of ours, or in memory.
 */
public final class LocalDynamoDbServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalDynamoDbServer.class);

    /** The folder with dynalite's {@code package.json}; {@code dev/dynamodb} of the checkout by default. */
    public static final String DIR_PROPERTY = "sluice.dynalite.dir";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);

    private final int port;
    private final Path dataDir;
    private final Path installDir;
    private final Path logFile;
    private final StandInProcess process;

    /**
     * @param dataDir where tables are kept, or null to keep them in memory
     * @param logFile where dynalite's (and npm's) output goes
     */
    public LocalDynamoDbServer(int port, Path dataDir, Path installDir, Path logFile) {
        this.port = port;
        this.dataDir = dataDir;
        this.installDir = installDir;
        this.logFile = logFile;
        this.process = new StandInProcess("DynamoDB stand-in (dynalite)", endpoint(), logFile, START_TIMEOUT);
    }

    /** The install folder named by {@value #DIR_PROPERTY}, or {@code dev/dynamodb} under the working directory. */
    public static Path defaultInstallDir() {
        return Paths.get(System.getProperty(DIR_PROPERTY, "dev/dynamodb")).toAbsolutePath();
    }

    /**
     * Installs dynalite if needed, and starts it.
     *
     * @throws StandInUnavailableException when Node.js is missing, saying what to install
     */
    public synchronized void start() {
        NodeJs.require();
        install();
        List<String> command = new ArrayList<>(List.of(NodeJs.BINARY,
                installDir.resolve("node_modules/dynalite/cli.js").toString(),
                "--host", "127.0.0.1", "--port", String.valueOf(port),
                // tables are ACTIVE at once rather than after dynalite's default 500 ms in CREATING
                "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"));
        if (dataDir != null) {
            try {
                Files.createDirectories(dataDir);
            } catch (IOException e) {
                throw new IllegalStateException("Could not create " + dataDir, e);
            }
            command.addAll(List.of("--path", dataDir.toAbsolutePath().toString()));
        }
        process.start(command, installDir);
        log.info("DynamoDB stand-in (dynalite) listening on {}{}", endpoint(),
                dataDir == null ? ", tables in memory" : ", tables in " + dataDir);
    }

    private void install() {
        if (Files.isRegularFile(installDir.resolve("node_modules/dynalite/cli.js"))) {
            return;
        }
        if (!Files.isRegularFile(installDir.resolve("package-lock.json"))) {
            throw new IllegalStateException("dynalite's package-lock.json is not in " + installDir
                    + "; run from the checkout's root or set -D" + DIR_PROPERTY);
        }
        log.info("Installing the DynamoDB stand-in (npm ci in {}); once only", installDir);
        try {
            Process npm = new ProcessBuilder(NodeJs.NPM, "ci", "--no-audit", "--no-fund")
                    .directory(installDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()))
                    .start();
            if (!npm.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                npm.destroyForcibly();
                throw new IllegalStateException("npm ci did not finish within " + INSTALL_TIMEOUT.toMinutes()
                        + " min in " + installDir + "; see " + logFile);
            }
            if (npm.exitValue() != 0) {
                throw new IllegalStateException("npm ci failed in " + installDir + " (exit " + npm.exitValue()
                        + "); see " + logFile);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not run npm ci in " + installDir + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while installing dynalite", e);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public synchronized void close() {
        process.close();
    }
}
