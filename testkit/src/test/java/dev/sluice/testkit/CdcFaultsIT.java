package dev.sluice.testkit;

import dev.sluice.runtime.dev.LocalPostgresServer;
import dev.sluice.testkit.CdcTopics.Change;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The RDS PostgreSQL connector through the faults RDS users meet: a database restart (a reboot, a fail-over) in the
 * middle of a stream of inserts, and an idle captured table on a busy database, whose slot must move on with the WAL.
 */
class CdcFaultsIT {

    private static final Logger log = LoggerFactory.getLogger(CdcFaultsIT.class);
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static SluiceTestEnvironment env;
    private static LocalPostgresServer postgres;
    private static ConnectRestClient connect;
    private static PostgresCdc cdc;

    @BeforeAll
    static void start() {
        env = SluiceTestEnvironment.get();
        postgres = env.postgres();
        connect = env.connect();
        cdc = new PostgresCdc(env);
    }

    @AfterAll
    static void stop() {
        cdc.close();
    }

    @Test
    void aDatabaseRestartUnderLoadLosesNothingAndDuplicatesOnlyRedeliver() {
        String name = "cdc_load";
        String topic = "cdcload.public.cdc_load";
        cdc.sql("CREATE TABLE cdc_load (id integer PRIMARY KEY, batch integer NOT NULL, note text NOT NULL)");
        try (var writer = new Writer(postgres, 20_000, 50)) {
            assertThat(connect.createConnector(name, cdc.config("public.cdc_load", "cdcload", Map.of())).status())
                    .isEqualTo(201);
            await().atMost(WAIT).until(() -> connect.hasState(name, "RUNNING", 1) && cdc.slotActive(name));

            writer.start();
            await().atMost(WAIT).until(() -> writer.rowsCommitted() >= 5_000);
            // the connector is streaming, not waiting for the load to end: some of it is in the topic already
            await().atMost(WAIT).until(() -> !cdc.changes(topic).isEmpty());
            postgres.restart();
            await().atMost(WAIT).until(writer::done);
            assertThat(writer.failedAttempts()).as("the restart interrupted the writer").isPositive();

            List<Integer> committed = cdc.ids("cdc_load");
            assertThat(committed).as("every batch committed once, after retries")
                    .containsExactlyElementsOf(IntStream.range(0, 20_000).boxed().toList());
            await().atMost(WAIT).pollInterval(Duration.ofSeconds(2))
                    .until(() -> ids(cdc.changes(topic)).containsAll(committed));
            assertThat(connect.hasState(name, "RUNNING", 1)).as("connector and task running").isTrue();

            List<Change> changes = cdc.changes(topic);
            assertThat(changes).extracting(Change::op).containsOnly("c");
            assertThat(ids(changes)).containsExactlyElementsOf(committed);
            Map<Integer, List<Change>> byId = changes.stream().collect(Collectors.groupingBy(Change::id));
            // a duplicate is the same change delivered again: the same row at the same position in the WAL
            for (List<Change> copies : byId.values()) {
                Change first = copies.get(0);
                assertThat(first.lsn()).as("source.lsn of id " + first.id()).isPositive();
                assertThat(copies).allSatisfy(copy -> {
                    assertThat(copy.op()).isEqualTo(first.op());
                    assertThat(copy.lsn()).as("source.lsn of id " + first.id()).isEqualTo(first.lsn());
                    assertThat(copy.value().path("after")).isEqualTo(first.value().path("after"));
                });
            }
            // and each row has a position of its own, so equal LSNs above do mean the same change
            assertThat(byId.values().stream().map(copies -> copies.get(0).lsn()).distinct().count())
                    .isEqualTo(committed.size());
            log.info("{} changes in the topic for {} rows: {} re-delivered after the restart; {} failed writes retried",
                    changes.size(), committed.size(), changes.size() - committed.size(), writer.failedAttempts());
            deleteAndCheckSlotDropped(name);
        } finally {
            cleanUp(name, "cdc_load");
        }
    }

    @Test
    void heartbeatsMoveTheSlotOnWhileTheCapturedTableIsIdle() {
        String name = "cdc_idle_heartbeat";
        cdc.sql("CREATE TABLE cdc_idle_hb (id integer PRIMARY KEY)",
                "CREATE TABLE cdc_busy_hb (id serial PRIMARY KEY, note text NOT NULL)");
        try {
            startIdleCapture(name, "public.cdc_idle_hb", "cdcidlehb", "1000");
            // the slot keeps up with WAL written after the connector started, round after round
            for (int round = 0; round < 3; round++) {
                String walEnd = writeUncapturedWal("cdc_busy_hb");
                await().atMost(Duration.ofSeconds(30)).until(() -> confirmedPast(name, walEnd));
            }
            assertThat(cdc.changes("cdcidlehb.public.cdc_idle_hb")).as("the idle table's topic").isEmpty();
            deleteAndCheckSlotDropped(name);
        } finally {
            cleanUp(name, "cdc_idle_hb", "cdc_busy_hb");
        }
    }

    /**
     * The control of the test above: without heartbeats nothing makes the connector confirm a position, so WAL
     * written to tables it does not capture stays behind its slot (the RDS failure the heartbeat default is for).
     */
    @Test
    void withoutHeartbeatsTheSlotOfAnIdleTableStaysBehind() {
        String name = "cdc_idle_no_heartbeat";
        cdc.sql("CREATE TABLE cdc_idle_nohb (id integer PRIMARY KEY)",
                "CREATE TABLE cdc_busy_nohb (id serial PRIMARY KEY, note text NOT NULL)");
        try {
            startIdleCapture(name, "public.cdc_idle_nohb", "cdcidlenohb", "0");
            String walEnd = writeUncapturedWal("cdc_busy_nohb");
            // as long as the test above needs three rounds, and more
            await().during(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(15))
                    .until(() -> !confirmedPast(name, walEnd));
            deleteAndCheckSlotDropped(name);
        } finally {
            cleanUp(name, "cdc_idle_nohb", "cdc_busy_nohb");
        }
    }

    private static void startIdleCapture(String name, String table, String prefix, String heartbeatMs) {
        assertThat(connect.createConnector(name, cdc.config(table, prefix, Map.of(
                "heartbeat.interval.ms", heartbeatMs))).status()).isEqualTo(201);
        await().atMost(WAIT).until(() -> connect.hasState(name, "RUNNING", 1) && cdc.slotActive(name)
                && cdc.queryString("SELECT confirmed_flush_lsn FROM pg_replication_slots WHERE slot_name = ?",
                name) != null);
    }

    /** Writes to a table no connector captures, in separate transactions; returns the WAL position after them. */
    private static String writeUncapturedWal(String table) {
        for (int i = 0; i < 20; i++) {
            cdc.sql("INSERT INTO " + table + " (note) SELECT 'noise ' || g FROM generate_series(1, 50) g");
        }
        return cdc.queryString("SELECT pg_current_wal_lsn()::text");
    }

    private static boolean confirmedPast(String slot, String lsn) {
        return "t".equals(cdc.queryString(
                "SELECT confirmed_flush_lsn >= ?::pg_lsn FROM pg_replication_slots WHERE slot_name = ?", lsn, slot));
    }

    private static void deleteAndCheckSlotDropped(String name) {
        assertThat(connect.delete("/connectors/" + name).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> !cdc.slotExists(name));
    }

    private static Set<Integer> ids(List<Change> changes) {
        return changes.stream().map(Change::id).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Best effort, so that a failed test leaves no connector, slot or table behind for the tests after it. */
    private static void cleanUp(String connector, String... tables) {
        try {
            if (connect.get("/connectors/" + connector).status() == 200) {
                connect.delete("/connectors/" + connector);
            }
            await().atMost(WAIT).until(() -> !cdc.slotActive(connector));
            cdc.dropSlotIfLeft(connector);
            for (String table : tables) {
                cdc.sql("DROP TABLE IF EXISTS " + table);
            }
        } catch (RuntimeException e) {
            log.warn("Could not clean up after connector {}: {}", connector, e.toString());
        }
    }

    /**
     * Inserts ids {@code [0, rows)} in batches, one statement a batch, a batch every few milliseconds on its own
     * thread. A batch that fails (the database is restarting) is retried on a new connection until it commits;
     * {@code ON CONFLICT DO NOTHING} makes a retry of a batch whose commit did land but was not acknowledged a no-op,
     * so every id is committed exactly once.
     */
    private static final class Writer implements AutoCloseable {

        private static final String INSERT = "INSERT INTO cdc_load (id, batch, note) "
                + "SELECT g, ?, 'row ' || g FROM generate_series(?, ?) g ON CONFLICT (id) DO NOTHING";

        private final LocalPostgresServer postgres;
        private final int batches;
        private final int batchSize;
        private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
                r -> new Thread(r, "cdc-load-writer"));
        private final AtomicInteger batchesDone = new AtomicInteger();
        private final AtomicInteger failedAttempts = new AtomicInteger();
        private final AtomicReference<Throwable> error = new AtomicReference<>();
        private Connection connection; // the writer thread's only

        Writer(LocalPostgresServer postgres, int rows, int batchSize) {
            this.postgres = postgres;
            this.batches = rows / batchSize;
            this.batchSize = batchSize;
        }

        void start() {
            thread.scheduleWithFixedDelay(this::writeNextBatch, 0, 20, TimeUnit.MILLISECONDS);
        }

        private void writeNextBatch() {
            int batch = batchesDone.get();
            if (batch >= batches || error.get() != null) {
                return;
            }
            try {
                await("batch " + batch + " committed").atMost(WAIT).pollInSameThread()
                        .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200))
                        .until(() -> tryInsert(batch));
                batchesDone.incrementAndGet();
            } catch (Throwable e) {
                error.set(e);
            }
        }

        private boolean tryInsert(int batch) {
            try {
                if (connection == null) {
                    connection = postgres.connect();
                }
                try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                    insert.setInt(1, batch);
                    insert.setInt(2, batch * batchSize);
                    insert.setInt(3, (batch + 1) * batchSize - 1);
                    insert.executeUpdate();
                }
                return true;
            } catch (SQLException e) {
                failedAttempts.incrementAndGet();
                closeConnection();
                return false;
            }
        }

        int rowsCommitted() {
            return batchesDone.get() * batchSize;
        }

        int failedAttempts() {
            return failedAttempts.get();
        }

        /** True once every batch is committed; throws what stopped the writer, if anything did. */
        boolean done() {
            Throwable failure = error.get();
            if (failure != null) {
                throw new IllegalStateException("The writer stopped at batch " + batchesDone.get(), failure);
            }
            return batchesDone.get() == batches;
        }

        private void closeConnection() {
            try {
                if (connection != null) {
                    connection.close();
                }
            } catch (SQLException e) {
                // a connection the restart broke has nothing left to close
            } finally {
                connection = null;
            }
        }

        @Override
        public void close() {
            thread.shutdownNow();
            try {
                thread.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            closeConnection();
        }
    }
}
