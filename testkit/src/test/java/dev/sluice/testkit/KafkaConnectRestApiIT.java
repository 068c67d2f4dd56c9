package dev.sluice.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.testkit.ConnectRestClient.Reply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The Kafka Connect REST API of a worker node, over HTTP: paths, verbs, status codes and JSON as Kafka Connect's. */
class KafkaConnectRestApiIT {

    private static final String DATAGEN = "dev.sluice.connect.datagen.DatagenSourceConnector";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static ConnectRestClient api;

    @BeforeAll
    static void start() {
        api = SluiceTestEnvironment.get().connect();
    }

    private static Map<String, String> datagen(String topic, String maxRecords) {
        return Map.of(
                "connector.class", DATAGEN,
                "tasks.max", "2",
                "kafka.topic", topic,
                "records.per.second", "200",
                "max.records", maxRecords,
                "key.converter", "org.apache.kafka.connect.storage.StringConverter",
                "value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    }

    @Test
    void rootDescribesTheWorkerAndItsKafkaCluster() {
        Reply root = api.get("/");
        assertThat(root.status()).isEqualTo(200);
        assertThat(root.text("version")).isEqualTo("4.3.1");
        assertThat(root.text("kafka_cluster_id")).isEqualTo(SluiceTestEnvironment.get().kafka().clusterId());
    }

    @Test
    void pluginsOfThisRepositoryAreInstalled() {
        Reply plugins = api.get("/connector-plugins");
        assertThat(plugins.status()).isEqualTo(200);
        List<String> classes = new ArrayList<>();
        plugins.body().forEach(p -> classes.add(p.path("class").asText()));
        assertThat(classes).contains(DATAGEN, "dev.sluice.connect.discard.DiscardSinkConnector");
    }

    @Test
    void connectorLifecycleFromCreationToDeletion() {
        String name = "rest-lifecycle";
        Reply created = api.createConnector(name, datagen("rest-lifecycle", "-1"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("name")).isEqualTo(name);
        assertThat(created.text("type")).isEqualTo("source");

        await().atMost(WAIT).until(() -> api.hasState(name, "RUNNING", 2));
        assertThat(api.get("/connectors").body()).extracting(JsonNode::asText).contains(name);
        assertThat(api.settled("/connectors/" + name + "/config").text("kafka.topic")).isEqualTo("rest-lifecycle");
        Reply tasks = api.settled("/connectors/" + name + "/tasks");
        assertThat(tasks.body()).hasSize(2);
        assertThat(tasks.body().get(0).path("id").path("connector").asText()).isEqualTo(name);
        assertThat(api.get("/connectors/" + name + "/tasks/1/status").text("state")).isEqualTo("RUNNING");
        assertThat(api.get("/connectors/" + name + "/tasks/7/status").status()).isEqualTo(404);
        await().atMost(WAIT).until(() -> api.get("/connectors/" + name + "/topics")
                .body().path(name).path("topics").toString().contains("rest-lifecycle"));

        Reply expanded = api.get("/connectors?expand=status&expand=info");
        assertThat(expanded.body().path(name).path("status").path("connector").path("state").asText())
                .isEqualTo("RUNNING");
        assertThat(expanded.body().path(name).path("info").path("config").path("connector.class").asText())
                .isEqualTo(DATAGEN);

        assertThat(api.put("/connectors/" + name + "/pause", null).status()).isEqualTo(202);
        await().atMost(WAIT).until(() -> api.hasState(name, "PAUSED", 2));
        assertThat(api.put("/connectors/" + name + "/resume", null).status()).isEqualTo(202);
        await().atMost(WAIT).until(() -> api.hasState(name, "RUNNING", 2));

        assertThat(api.post("/connectors/" + name + "/tasks/0/restart", null).status()).isEqualTo(204);
        Reply restart = api.post("/connectors/" + name + "/restart?includeTasks=true&onlyFailed=false", null);
        assertThat(restart.status()).isEqualTo(202);
        assertThat(restart.body().path("tasks")).hasSize(2);
        await().atMost(WAIT).until(() -> api.hasState(name, "RUNNING", 2));

        assertThat(api.put("/connectors/" + name + "/stop", null).status()).isEqualTo(204);
        await().atMost(WAIT).until(() -> api.hasState(name, "STOPPED", 0));

        assertThat(api.delete("/connectors/" + name).status()).isEqualTo(204);
        assertThat(api.get("/connectors/" + name + "/status").status()).isEqualTo(404);
        assertThat(api.get("/connectors").body()).extracting(JsonNode::asText).doesNotContain(name);
    }

    @Test
    void putConfigCreatesThenUpdatesAndPatchMerges() {
        String name = "rest-put-config";
        Reply created = api.put("/connectors/" + name + "/config", datagen("rest-put", "-1"));
        assertThat(created.status()).isEqualTo(201);
        await().atMost(WAIT).until(() -> api.hasState(name, "RUNNING", 2));

        Map<String, String> changed = new java.util.HashMap<>(datagen("rest-put", "-1"));
        changed.put("tasks.max", "1");
        Reply updated = api.put("/connectors/" + name + "/config", changed);
        assertThat(updated.status()).isEqualTo(200);
        await().atMost(WAIT).until(() -> api.hasState(name, "RUNNING", 1));

        Reply patched = api.patch("/connectors/" + name + "/config", Map.of("records.per.second", "50"));
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.body().path("config").path("records.per.second").asText()).isEqualTo("50");
        // as in Kafka Connect, a read during the rebalance that follows a config change may answer 409: wait it out
        Reply config = api.settled("/connectors/" + name + "/config");
        assertThat(config.text("records.per.second")).isEqualTo("50");
        assertThat(config.text("tasks.max")).isEqualTo("1");

        assertThat(api.delete("/connectors/" + name).status()).isEqualTo(204);
    }

    @Test
    void sourceOffsetsCanBeReadAlteredAndReset() {
        String name = "rest-offsets";
        assertThat(api.createConnector(name, datagen("rest-offsets", "400")).status()).isEqualTo(201);
        await().atMost(WAIT).until(() -> api.hasState(name, "RUNNING", 2));
        // each task commits its last sequence number; 400 records over 2 tasks end at 398 and 399
        await().atMost(WAIT).until(() -> offsetsOf(name).equals(Map.of("0", 398L, "1", 399L)));

        assertThat(api.patch("/connectors/" + name + "/offsets", Map.of("offsets", List.of())).status())
                .isEqualTo(400); // only a STOPPED connector's offsets may change, as in Kafka Connect
        assertThat(api.put("/connectors/" + name + "/stop", null).status()).isEqualTo(204);
        await().atMost(WAIT).until(() -> api.hasState(name, "STOPPED", 0));

        Reply altered = api.patch("/connectors/" + name + "/offsets", Map.of("offsets", List.of(
                Map.of("partition", Map.of("task", 0), "offset", Map.of("seq", 100)))));
        assertThat(altered.status()).isEqualTo(200);
        assertThat(offsetsOf(name)).containsEntry("0", 100L);

        Reply reset = api.delete("/connectors/" + name + "/offsets");
        assertThat(reset.status()).isEqualTo(200);
        assertThat(offsetsOf(name)).isEmpty();

        assertThat(api.delete("/connectors/" + name).status()).isEqualTo(204);
    }

    private static Map<String, Long> offsetsOf(String name) {
        Map<String, Long> out = new java.util.TreeMap<>();
        for (JsonNode offset : api.get("/connectors/" + name + "/offsets").body().path("offsets")) {
            out.put(offset.path("partition").path("task").asText(), offset.path("offset").path("seq").asLong());
        }
        return out;
    }

    @Test
    void validateNamesEveryInvalidField() {
        Reply validation = api.put("/connector-plugins/DatagenSourceConnector/config/validate",
                Map.of("name", "validated", "connector.class", DATAGEN, "record.size.bytes", "-1", "batch.size", "0"));
        assertThat(validation.status()).isEqualTo(200);
        assertThat(validation.body().path("error_count").asInt()).isEqualTo(3);
        List<String> invalid = new ArrayList<>();
        for (JsonNode config : validation.body().path("configs")) {
            if (!config.path("value").path("errors").isEmpty()) {
                invalid.add(config.path("value").path("name").asText());
            }
        }
        assertThat(invalid).containsExactlyInAnyOrder("kafka.topic", "record.size.bytes", "batch.size");
    }

    @Test
    void loggerLevelsCanBeReadAndSet() {
        Reply all = api.get("/admin/loggers");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.body().has("root")).isTrue();

        Reply set = api.put("/admin/loggers/dev.sluice.testkit.example", Map.of("level", "DEBUG"));
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.body()).extracting(JsonNode::asText).contains("dev.sluice.testkit.example");
        Reply one = api.get("/admin/loggers/dev.sluice.testkit.example");
        assertThat(one.text("level")).isEqualTo("DEBUG");
        assertThat(one.body().path("last_modified").asLong()).isPositive();
        assertThat(api.get("/admin/loggers/no.such.logger.anywhere").status()).isEqualTo(404);
    }
}
