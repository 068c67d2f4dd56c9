package dev.sluice.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pipeline of the README: row changes captured from PostgreSQL into a topic as new row states (Debezium's
 * {@code ExtractNewRecordState}, JSON values), and the S3 sink writing the topic into a bucket. What a user finds in
 * the bucket is every change they made, once each, in the order they made them, through a restart of the sink's task.
 */
class CdcToS3IT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String SOURCE = "cdc_s3_source";
    private static final String SINK = "cdc_s3_sink";
    private static final String TOPIC = "cdcs3.public.cdc_s3_items";
    private static final String BUCKET = "cdc-s3";
    private static final int FLUSH_SIZE = 5;
    private static SluiceTestEnvironment env;
    private static ConnectRestClient connect;
    private static PostgresCdc cdc;
    private static S3Client s3;

    @BeforeAll
    static void start() {
        env = SluiceTestEnvironment.get();
        connect = env.connect();
        cdc = new PostgresCdc(env);
        s3 = env.s3Client();
    }

    @AfterAll
    static void stop() {
        s3.close();
        cdc.close();
    }

    /**
     * One change as the bucket should hold it: the row's state after it, and Debezium's op. A delete is compared on
     * its key only: with the table's default replica identity PostgreSQL logs only the key of a deleted row, and the
     * recipe's "last state" of it has the other columns' empty values ({@code {"id":21,"name":"","version":0,
     * "__deleted":"true","__op":"d"}}), not the row's (those need {@code REPLICA IDENTITY FULL}).
     */
    record Row(int id, String name, Integer version, boolean deleted, String op) {
        static Row of(JsonNode line) {
            if (line.path("__deleted").asBoolean()) {
                return new Row(line.path("id").asInt(), null, null, true, line.path("__op").asText());
            }
            return new Row(line.path("id").asInt(), line.path("name").asText(), line.path("version").asInt(),
                    false, line.path("__op").asText());
        }

        static Row deletion(int id) {
            return new Row(id, null, null, true, "d");
        }
    }

    /** The changes made so far, in the order they were made, and the SQL that makes them. */
    private static final class Changes {
        final List<Row> made = new ArrayList<>();
        private final Map<Integer, Row> rows = new HashMap<>();

        void existing(int id) {
            rows.put(id, new Row(id, "item " + id, 1, false, "r"));
            made.add(rows.get(id));
        }

        String insert(int id) {
            rows.put(id, new Row(id, "item " + id, 1, false, "c"));
            made.add(rows.get(id));
            return "INSERT INTO cdc_s3_items VALUES (" + id + ", 'item " + id + "', 1)";
        }

        String update(int id) {
            Row old = rows.get(id);
            Row updated = new Row(id, "item " + id + " v" + (old.version() + 1), old.version() + 1, false, "u");
            rows.put(id, updated);
            made.add(updated);
            return "UPDATE cdc_s3_items SET name = '" + updated.name() + "', version = " + updated.version()
                    + " WHERE id = " + id;
        }

        String delete(int id) {
            rows.remove(id);
            made.add(Row.deletion(id));
            return "DELETE FROM cdc_s3_items WHERE id = " + id;
        }
    }

    @Test
    void everyChangeLandsInS3ExactlyOnceThroughASinkTaskRestart() {
        cdc.sql("CREATE TABLE cdc_s3_items (id integer PRIMARY KEY, name text NOT NULL, version integer NOT NULL)",
                "INSERT INTO cdc_s3_items SELECT g, 'item ' || g, 1 FROM generate_series(1, 10) g");
        s3.createBucket(b -> b.bucket(BUCKET));
        var changes = new Changes();
        for (int id = 1; id <= 10; id++) {
            changes.existing(id);
        }
        try {
            assertThat(connect.createConnector(SOURCE, cdc.config("public.cdc_s3_items", "cdcs3", Map.of(
                    "transforms", "unwrap",
                    "transforms.unwrap.type", "io.debezium.transforms.ExtractNewRecordState",
                    "transforms.unwrap.delete.tombstone.handling.mode", "rewrite-with-tombstone",
                    "transforms.unwrap.add.fields", "op"))).status()).isEqualTo(201);
            assertThat(connect.createConnector(SINK, sinkConfig()).status()).isEqualTo(201);
            await().atMost(WAIT).until(() -> connect.hasState(SOURCE, "RUNNING", 1)
                    && connect.hasState(SINK, "RUNNING", 1));

            List<String> before = new ArrayList<>();
            for (int id = 11; id <= 30; id++) {
                before.add(changes.insert(id));
            }
            for (int id = 1; id <= 7; id++) {
                before.add(changes.update(id));
            }
            cdc.sql(before.toArray(String[]::new));
            // 37 changes: seven objects of five uploaded and committed, two changes in the task's open object
            await().atMost(WAIT).until(() -> cdc.changes(TOPIC).size() == 37
                    && connect.sinkOffsets(SINK).getOrDefault(TOPIC + "-0", 0L) == 35L);
            assertThat(rowsInS3()).containsExactlyElementsOf(changes.made.subList(0, 35));

            // the restarted task drops the open object and reads its two changes again from the committed offset
            assertThat(connect.post("/connectors/" + SINK + "/tasks/0/restart", null).status()).isEqualTo(204);
            await().atMost(WAIT).until(() -> connect.hasState(SINK, "RUNNING", 1));

            List<String> after = new ArrayList<>();
            for (int id = 11; id <= 13; id++) {
                after.add(changes.update(id));
                after.add(changes.update(id));
            }
            for (int id = 21; id <= 25; id++) {
                after.add(changes.delete(id));
            }
            after.add(changes.insert(31));
            after.add(changes.delete(31));
            cdc.sql(after.toArray(String[]::new));
            // 37 + 6 + 5 + 2 = 50 changes (ten objects), and a tombstone after each of the 6 deletes, which the sink
            // skips (behavior.on.null.values=ignore)
            assertThat(changes.made).hasSize(10 * FLUSH_SIZE);
            await().atMost(WAIT).until(() -> connect.sinkOffsets(SINK).getOrDefault(TOPIC + "-0", 0L) == 56L);

            List<Row> inS3 = rowsInS3();
            assertThat(inS3).as("every change once, in the order made").containsExactlyElementsOf(changes.made);
            assertThat(keys()).hasSize(10).allMatch(key -> key.matches(
                    "topics/" + TOPIC.replace(".", "\\.") + "/partition=0/" + TOPIC.replace(".", "\\.")
                            + "\\+0\\+\\d{10}\\.json"));

            assertThat(connect.delete("/connectors/" + SINK).status()).isEqualTo(204);
            assertThat(connect.delete("/connectors/" + SOURCE).status()).isEqualTo(204);
            await().atMost(Duration.ofSeconds(30)).until(() -> !cdc.slotExists(SOURCE));
        } finally {
            cleanUp();
        }
    }

    private static Map<String, String> sinkConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", "dev.sluice.connect.s3.S3SinkConnector");
        config.put("tasks.max", "1");
        config.put("topics", TOPIC);
        config.put("s3.bucket.name", BUCKET);
        config.put("s3.region", "us-east-1");
        config.put("s3.endpoint", env.s3().endpoint());
        config.put("s3.path.style.access.enabled", "true");
        config.put("aws.access.key.id", "test");
        config.put("aws.secret.access.key", "test-secret");
        config.put("format.class", "json");
        config.put("flush.size", String.valueOf(FLUSH_SIZE));
        // the tombstones after deletes are for log compaction; the bucket has the deleted row's last state
        config.put("behavior.on.null.values", "ignore");
        config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter.schemas.enable", "false");
        return config;
    }

    private static List<String> keys() {
        return s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix("topics/")).contents().stream()
                .map(S3Object::key).sorted().toList();
    }

    /** Every line of every object, objects in key order (by start offset, zero-padded), lines in object order. */
    private static List<Row> rowsInS3() {
        List<Row> rows = new ArrayList<>();
        for (String key : keys()) {
            String text;
            try (var in = s3.getObject(b -> b.bucket(BUCKET).key(key))) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (String line : text.split("\n")) {
                if (!line.isEmpty()) {
                    rows.add(Row.of(CdcTopics.parse(line.getBytes(StandardCharsets.UTF_8))));
                }
            }
        }
        return rows;
    }

    /** Best effort, so that a failed run leaves no connector or slot behind for the tests after it. */
    private static void cleanUp() {
        try {
            for (String connector : List.of(SINK, SOURCE)) {
                if (connect.get("/connectors/" + connector).status() == 200) {
                    connect.delete("/connectors/" + connector);
                }
            }
            await().atMost(WAIT).until(() -> !cdc.slotActive(SOURCE));
            cdc.dropSlotIfLeft(SOURCE);
            cdc.sql("DROP TABLE IF EXISTS cdc_s3_items");
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(CdcToS3IT.class).warn("Could not clean up: {}", e.toString());
        }
    }
}
