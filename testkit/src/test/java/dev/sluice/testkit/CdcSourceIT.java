package dev.sluice.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.testkit.CdcTopics.Change;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The RDS PostgreSQL connector of the cdc-source plugin on a worker node against the PostgreSQL stand-in: a snapshot,
 * then inserts, updates and deletes in Debezium's envelope, keyed by primary key, tombstones after deletes; the
 * new-row-state recipe; the replication slot's life; a bad password reported by validate.
 */
class CdcSourceIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static SluiceTestEnvironment env;
    private static PostgresCdc cdc;
    private static ConnectRestClient connect;

    @BeforeAll
    static void start() {
        env = SluiceTestEnvironment.get();
        cdc = new PostgresCdc(env);
        connect = env.connect();
    }

    @AfterAll
    static void stop() {
        cdc.close();
    }

    private static Map<String, String> config(String table, String prefix, Map<String, String> overrides) {
        return cdc.config(table, prefix, overrides);
    }

    private static void sql(String... statements) {
        cdc.sql(statements);
    }

    private static boolean exists(String query, String name) {
        return cdc.queryString(query, name) != null;
    }

    private static boolean slotExists(String slot) {
        return cdc.slotExists(slot);
    }

    private static List<Change> changes(String topic) {
        return cdc.changes(topic);
    }

    /** Stops the connector, resets its offsets (which drops its slot) and deletes it. */
    private static void resetAndDelete(String name) {
        assertThat(connect.put("/connectors/" + name + "/stop", null).status()).isEqualTo(204);
        await().atMost(WAIT).until(() -> connect.hasState(name, "STOPPED", 0));
        assertThat(connect.delete("/connectors/" + name + "/offsets").status()).isEqualTo(200);
        assertThat(connect.delete("/connectors/" + name).status()).isEqualTo(204);
    }

    @Test
    void aSnapshotThenEveryChangeInDebeziumsEnvelopeWithTombstonesAfterDeletes() {
        sql("CREATE TABLE cdc_orders (id integer PRIMARY KEY, status text NOT NULL)",
                "INSERT INTO cdc_orders VALUES (1, 'new'), (2, 'new'), (3, 'new')");
        String topic = "cdc1.public.cdc_orders";
        assertThat(connect.createConnector("cdc_orders", config("public.cdc_orders", "cdc1", Map.of())).status())
                .isEqualTo(201);
        await().atMost(WAIT).until(() -> connect.hasState("cdc_orders", "RUNNING", 1));

        await().atMost(WAIT).until(() -> changes(topic).size() >= 3);
        List<Change> snapshot = changes(topic);
        assertThat(snapshot).extracting(Change::op).containsExactly("r", "r", "r");
        assertThat(snapshot).extracting(Change::id).containsExactly(1, 2, 3);
        assertThat(snapshot.get(0).value().path("after").path("status").asText()).isEqualTo("new");
        assertThat(snapshot.get(0).value().path("source").path("table").asText()).isEqualTo("cdc_orders");
        // the RDS defaults at work: the slot is named after the connector, the publication covers the table
        assertThat(slotExists("cdc_orders")).isTrue();
        assertThat(exists("SELECT 1 FROM pg_publication_tables WHERE pubname = ? AND tablename = 'cdc_orders'",
                "cdc_orders_publication")).isTrue();

        sql("INSERT INTO cdc_orders VALUES (4, 'new')", "UPDATE cdc_orders SET status = 'shipped' WHERE id = 2",
                "DELETE FROM cdc_orders WHERE id = 3");
        await().atMost(WAIT).until(() -> changes(topic).size() >= 7);
        List<Change> all = changes(topic);
        assertThat(all).hasSize(7);
        List<Change> stream = all.subList(3, 7);
        assertThat(stream).extracting(Change::op).containsExactly("c", "u", "d", "tombstone");
        assertThat(stream).extracting(Change::id).containsExactly(4, 2, 3, 3);
        assertThat(stream.get(0).value().path("after").path("status").asText()).isEqualTo("new");
        assertThat(stream.get(1).value().path("after").path("status").asText()).isEqualTo("shipped");
        assertThat(stream.get(2).value().path("before").path("id").asInt()).isEqualTo(3);
        assertThat(stream.get(2).value().path("after").isNull()).isTrue();

        // deleting the connector gives up its position, and so the slot that holds WAL for it
        assertThat(connect.delete("/connectors/cdc_orders").status()).isEqualTo(204);
        assertThat(slotExists("cdc_orders")).isFalse();
    }

    @Test
    void theNewRowStateRecipeGivesFlatRows() {
        sql("CREATE TABLE cdc_flat (id integer PRIMARY KEY, name text NOT NULL)",
                "INSERT INTO cdc_flat VALUES (1, 'a'), (2, 'b')");
        String topic = "cdc2.public.cdc_flat";
        assertThat(connect.createConnector("cdc_flat", config("public.cdc_flat", "cdc2", Map.of(
                "sluice.slot.retain", "true",
                "transforms", "unwrap",
                "transforms.unwrap.type", "io.debezium.transforms.ExtractNewRecordState",
                "transforms.unwrap.delete.tombstone.handling.mode", "rewrite-with-tombstone"))).status())
                .isEqualTo(201);
        await().atMost(WAIT).until(() -> changes(topic).size() >= 2);
        sql("UPDATE cdc_flat SET name = 'bb' WHERE id = 2", "DELETE FROM cdc_flat WHERE id = 1");
        await().atMost(WAIT).until(() -> changes(topic).size() >= 5);

        List<Change> all = changes(topic);
        assertThat(all).hasSize(5);
        assertThat(all).extracting(Change::id).containsExactly(1, 2, 2, 1, 1);
        assertThat(all.subList(0, 4)).extracting(c -> fields(c.value()))
                .containsExactly(List.of("id", "name", "__deleted"), List.of("id", "name", "__deleted"),
                        List.of("id", "name", "__deleted"), List.of("id", "name", "__deleted"));
        assertThat(all.get(2).value().path("name").asText()).isEqualTo("bb");
        assertThat(all.get(3).value().path("__deleted").asText()).isEqualTo("true");
        assertThat(all.get(4).value()).isNull();

        resetAndDelete("cdc_flat");
        assertThat(slotExists("cdc_flat")).as("kept: sluice.slot.retain is set").isTrue();
        sql("SELECT pg_drop_replication_slot('cdc_flat')");
    }

    private static List<String> fields(JsonNode value) {
        return StreamSupport.stream(((Iterable<String>) value::fieldNames).spliterator(), false).toList();
    }

    @Test
    void aBadPasswordIsReportedByValidateOnThePassword() {
        var reply = connect.put("/connector-plugins/RdsPostgresConnector/config/validate",
                config("public.nothing", "cdc3", Map.of("database.password", "not-the-password")));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("error_count").asInt()).isPositive();
        Map<String, List<String>> errors = new HashMap<>();
        for (JsonNode config : reply.body().path("configs")) {
            List<String> messages = new ArrayList<>();
            config.path("value").path("errors").forEach(e -> messages.add(e.asText()));
            errors.put(config.path("value").path("name").asText(), messages);
        }
        assertThat(errors.get("database.password")).anyMatch(m -> m.contains("refused the password of user 'sluice'"));
        assertThat(errors.get("database.hostname")).anyMatch(m -> m.contains("password authentication failed"));
        // the wrong password itself is never echoed back
        assertThat(reply.body().toString()).doesNotContain("not-the-password");
    }
    @Test
    void aSignalRowStartsAnIncrementalSnapshotWhileChangesStream() {
        sql("CREATE TABLE cdc_snap (id integer PRIMARY KEY, name text NOT NULL)",
                "INSERT INTO cdc_snap SELECT g, 'row ' || g FROM generate_series(1, 50) g",
                "CREATE TABLE cdc_signal (id varchar(64) PRIMARY KEY, type varchar(32) NOT NULL, data varchar(2048))");
        String topic = "cdc4.public.cdc_snap";
        // no initial snapshot: the rows already there come only with the signal
        assertThat(connect.createConnector("cdc_snap", config("public.cdc_snap,public.cdc_signal", "cdc4", Map.of(
                "snapshot.mode", "no_data",
                "signal.data.collection", "public.cdc_signal"))).status()).isEqualTo(201);
        await().atMost(WAIT).until(() -> connect.hasState("cdc_snap", "RUNNING", 1));
        // streaming is live once a new row arrives; the 50 older rows have not
        await().atMost(WAIT).until(() -> {
            sql("INSERT INTO cdc_snap VALUES (100 + (SELECT count(*) FROM cdc_snap), 'live') ON CONFLICT DO NOTHING");
            return !changes(topic).isEmpty();
        });
        assertThat(changes(topic)).extracting(Change::op).containsOnly("c");

        sql("INSERT INTO cdc_signal VALUES ('snapshot-1', 'execute-snapshot', "
                + "'{\"data-collections\": [\"public.cdc_snap\"], \"type\": \"incremental\"}')");

        await().atMost(WAIT).until(() -> changes(topic).stream().filter(c -> c.op().equals("r"))
                .map(Change::id).distinct().count() >= 50);
        assertThat(changes(topic).stream().filter(c -> c.op().equals("r")).map(Change::id))
                .containsAll(java.util.stream.IntStream.rangeClosed(1, 50).boxed().toList());

        assertThat(connect.delete("/connectors/cdc_snap").status()).isEqualTo(204);
        sql("DROP TABLE cdc_snap", "DROP TABLE cdc_signal");
    }
    @Test
    void aColumnAddedAndATypeWidenedReachTheRecordsThatFollow() {
        sql("CREATE TABLE cdc_alter (id integer PRIMARY KEY, qty integer NOT NULL)",
                "INSERT INTO cdc_alter VALUES (1, 1)");
        String topic = "cdc5.public.cdc_alter";
        Map<String, String> withSchemas = Map.of("value.converter.schemas.enable", "true");
        assertThat(connect.createConnector("cdc_alter", config("public.cdc_alter", "cdc5", withSchemas)).status())
                .isEqualTo(201);
        await().atMost(WAIT).until(() -> changes(topic).size() >= 1);

        sql("ALTER TABLE cdc_alter ADD COLUMN note text", "ALTER TABLE cdc_alter ALTER COLUMN qty TYPE bigint",
                "INSERT INTO cdc_alter VALUES (2, 5000000000, 'big')");
        await().atMost(WAIT).until(() -> changes(topic).size() >= 2);

        JsonNode last = changes(topic).get(1).value();
        assertThat(last.path("payload").path("after").path("note").asText()).isEqualTo("big");
        assertThat(last.path("payload").path("after").path("qty").asLong()).isEqualTo(5_000_000_000L);
        List<String> afterFields = new ArrayList<>();
        for (JsonNode field : last.path("schema").path("fields")) {
            if (field.path("field").asText().equals("after")) {
                field.path("fields").forEach(f -> afterFields.add(f.path("field").asText() + ":"
                        + f.path("type").asText()));
            }
        }
        assertThat(afterFields).containsExactly("id:int32", "qty:int64", "note:string");

        assertThat(connect.delete("/connectors/cdc_alter").status()).isEqualTo(204);
        sql("DROP TABLE cdc_alter");
    }
}
