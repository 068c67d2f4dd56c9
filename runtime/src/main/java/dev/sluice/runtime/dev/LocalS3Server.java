package dev.sluice.runtime.dev;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;

/**
 * The S3 stand-in: Adobe's S3Mock (an S3-compatible server; PUT, GET, multipart and abort pass with the AWS SDK v2
 * defaults), run from its executable jar as a child process so that its Spring Boot classpath stays out of ours.
 * Objects are kept under a folder of ours across restarts.
 */
public final class LocalS3Server implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalS3Server.class);

    /** Where {@code runtime}'s build copies the jar; tests fall back to the local Maven repository. */
    public static final String JAR_PROPERTY = "sluice.s3mock.jar";
    private static final String VERSION = "5.2.0";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final int port;
    private final Path dataDir;
    private final StandInProcess process;

    public LocalS3Server(int port, Path dataDir) {
        this.port = port;
        this.dataDir = dataDir;
        this.process = new StandInProcess("S3 stand-in", endpoint(),
                dataDir.resolveSibling(dataDir.getFileName() + ".log"), START_TIMEOUT);
    }

    public synchronized void start() {
        Path jar = locateJar();
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new IllegalStateException("Could not create " + dataDir, e);
        }
        process.start(List.of(
                javaBinary(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
                "--http.port=" + port,
                "--server.port=0", // S3Mock's HTTPS connector: not used, any free port
                "--server.address=127.0.0.1",
                "--com.adobe.testing.s3mock.store.root=" + dataDir.toAbsolutePath(),
                "--com.adobe.testing.s3mock.store.retain-files-on-exit=true",
                "--logging.level.root=WARN",
                "--spring.main.banner-mode=off"), null);
        log.info("S3 stand-in (S3Mock {}) listening on {}", VERSION, endpoint());
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

    static Path locateJar() {
        String configured = System.getProperty(JAR_PROPERTY);
        if (configured != null) {
            return requireFile(Paths.get(configured));
        }
        String repo = System.getProperty("maven.repo.local",
                Paths.get(System.getProperty("user.home"), ".m2", "repository").toString());
        return requireFile(Paths.get(repo, "com", "adobe", "testing", "s3mock", VERSION,
                "s3mock-" + VERSION + "-exec.jar"));
    }

    private static Path requireFile(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("S3Mock's jar is not at " + jar + "; build the project first "
                    + "(./mvnw install) or set -D" + JAR_PROPERTY);
        }
        return jar;
    }

    private static String javaBinary() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }
}
