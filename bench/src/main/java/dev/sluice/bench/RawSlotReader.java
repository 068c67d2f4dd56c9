package dev.sluice.bench;

import dev.sluice.runtime.dev.LocalPostgresServer;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.postgresql.PGConnection;
import org.postgresql.PGProperty;
import org.postgresql.replication.LogSequenceNumber;
import org.postgresql.replication.PGReplicationStream;

/**
 * The raw limit of the {@code cdc-source} benchmark: the PostgreSQL JDBC driver's replication API reading a logical
 * replication slot of its own through the {@code pgoutput} plugin and a publication of the table, as Debezium does,
 * counting insert messages and their bytes and decoding nothing. It acknowledges each transaction's end once read,
 * as any consumer of a slot must, so that the server can recycle the WAL. One pass reads from the slot's confirmed
 * position until {@code target} inserts and the commit that ends their transaction; it runs on its own thread, and
 * {@link #counts()} may be read from any other. The stream stays open until {@link #stop()}, so that the server's
 * WAL sender, whose CPU time the benchmark counts, is still there when the run ends.
 */
final class RawSlotReader implements Runnable {

    static final String SLOT = "bench_raw";
    static final String PUBLICATION = "bench_raw_publication";

    private static final byte INSERT = 'I';
    private static final byte COMMIT = 'C';

    private final LocalPostgresServer postgres;
    private final long target;
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile long inserts;
    private volatile long bytes;
    private volatile RuntimeException failure;

    RawSlotReader(LocalPostgresServer postgres, long target) {
        this.postgres = postgres;
        this.target = target;
    }

    /** The publication of the benchmark's table and the slot this reader reads, before any change to read. */
    static void createSlot(LocalPostgresServer postgres) throws SQLException {
        try (Connection c = postgres.connect(); Statement sql = c.createStatement()) {
            sql.execute("CREATE PUBLICATION " + PUBLICATION + " FOR TABLE " + CdcRows.QUALIFIED_TABLE);
            sql.execute("SELECT pg_create_logical_replication_slot('" + SLOT + "', 'pgoutput')");
        }
    }

    static void dropSlot(LocalPostgresServer postgres) throws SQLException {
        try (Connection c = postgres.connect(); Statement sql = c.createStatement()) {
            sql.execute("SELECT pg_drop_replication_slot('" + SLOT + "')");
            sql.execute("DROP PUBLICATION " + PUBLICATION);
        }
    }

    @Override
    public void run() {
        try (Connection connection = replicationConnection()) {
            PGReplicationStream stream = connection.unwrap(PGConnection.class).getReplicationAPI()
                    .replicationStream().logical()
                    .withSlotName(SLOT)
                    .withSlotOption("proto_version", 1)
                    .withSlotOption("publication_names", PUBLICATION)
                    .start();
            read(stream);
            released.await();
            stream.close();
        } catch (SQLException e) {
            failure = new IllegalStateException("reading slot " + SLOT + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    private void read(PGReplicationStream stream) throws SQLException {
        long read = 0;
        long readBytes = 0;
        while (true) {
            ByteBuffer message = stream.read();
            byte type = message.get(message.position());
            if (type == INSERT) {
                read++;
                readBytes += message.remaining();
            } else if (type == COMMIT) {
                // The transaction is read: the server may forget it.
                LogSequenceNumber lsn = stream.getLastReceiveLSN();
                stream.setAppliedLSN(lsn);
                stream.setFlushedLSN(lsn);
                bytes = readBytes;
                inserts = read;
                if (read >= target) {
                    stream.forceUpdateStatus();
                    return;
                }
            }
        }
    }

    private Connection replicationConnection() throws SQLException {
        var props = new Properties();
        PGProperty.USER.set(props, postgres.user());
        PGProperty.PASSWORD.set(props, postgres.password());
        PGProperty.ASSUME_MIN_SERVER_VERSION.set(props, "10");
        PGProperty.REPLICATION.set(props, "database");
        PGProperty.PREFER_QUERY_MODE.set(props, "simple");
        return DriverManager.getConnection(postgres.jdbcUrl(), props);
    }

    /** Closes the stream once the pass has read its target; call it once the run's figures are taken. */
    void stop() {
        released.countDown();
    }

    /** Inserts read so far, counted at each transaction's commit; the bytes of their messages. */
    Counts counts() {
        if (failure != null) {
            throw new IllegalStateException("the raw slot reader failed", failure);
        }
        long r = inserts;
        return new Counts(r, bytes);
    }
}
