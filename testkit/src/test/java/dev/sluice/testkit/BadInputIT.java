package dev.sluice.testkit;

import dev.sluice.testkit.ConnectRestClient.Reply;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Bad requests get Kafka Connect's 4xx naming each problem, and leave nothing half-created behind. */
class BadInputIT {

    private static ConnectRestClient api;

    @BeforeAll
    static void start() {
        api = SluiceTestEnvironment.get().connect();
    }

    @Test
    void invalidConfigIsRejectedWithEveryFieldNamedAndNothingCreated() throws Exception {
        Reply reply = api.createConnector("bad-config", Map.of(
                "connector.class", "dev.sluice.connect.datagen.DatagenSourceConnector",
                "record.size.bytes", "-5",
                "records.per.second", "-1"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().path("error_code").asInt()).isEqualTo(400);
        assertThat(reply.text("message"))
                .contains("contains the following 3 error(s)")
                .contains("kafka.topic")
                .contains("record.size.bytes")
                .contains("records.per.second");
        assertThat(api.get("/connectors/bad-config/status").status()).isEqualTo(404);
        assertThat(sluiceTopicsOf("bad-config")).isEmpty();
    }

    @Test
    void unknownConnectorClassIsRejectedWithTheInstalledPlugins() throws Exception {
        Reply reply = api.createConnector("bad-class", Map.of("connector.class", "com.example.NoSuchConnector"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("message"))
                .contains("com.example.NoSuchConnector")
                .contains("dev.sluice.connect.datagen.DatagenSourceConnector")
                .contains("dev.sluice.connect.discard.DiscardSinkConnector");
        assertThat(sluiceTopicsOf("bad-class")).isEmpty();
    }

    @Test
    void missingConnectorClassIsRejectedWithoutEchoingTheConfig() {
        Reply reply = api.createConnector("no-class", Map.of("database.password", "hunter2"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("message")).contains("connector.class").doesNotContain("hunter2");
    }

    @Test
    void aWorkerCountOutOfRangeIsRejectedAndNothingCreated() throws Exception {
        Reply reply = api.createConnector("bad-workers", Map.of(
                "connector.class", "dev.sluice.connect.discard.DiscardSinkConnector",
                "topics", "bad-input-workers", "sluice.workers", "0"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("message")).contains("sluice.workers").contains("1 to 10").contains("'0'");
        assertThat(api.get("/connectors/bad-workers/status").status()).isEqualTo(404);
        assertThat(sluiceTopicsOf("bad-workers")).isEmpty();
    }

    @Test
    void creatingAnExistingConnectorAgainIsAConflict() {
        Map<String, String> config = Map.of(
                "connector.class", "dev.sluice.connect.discard.DiscardSinkConnector",
                "topics", "bad-input-dup");
        assertThat(api.createConnector("bad-dup", config).status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(60)).until(() -> api.hasState("bad-dup", "RUNNING", 1));

        Reply again = api.createConnector("bad-dup", config);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("message")).contains("bad-dup").contains("already exists");

        assertThat(api.delete("/connectors/bad-dup").status()).isEqualTo(204);
    }

    @Test
    void unknownConnectorIsNotFoundOnEveryPath() {
        assertThat(api.get("/connectors/nobody").status()).isEqualTo(404);
        assertThat(api.get("/connectors/nobody/config").status()).isEqualTo(404);
        assertThat(api.get("/connectors/nobody/status").status()).isEqualTo(404);
        assertThat(api.get("/connectors/nobody/tasks").status()).isEqualTo(404);
        assertThat(api.put("/connectors/nobody/pause", null).status()).isEqualTo(404);
        assertThat(api.post("/connectors/nobody/restart", null).status()).isEqualTo(404);
        assertThat(api.get("/connectors/nobody/offsets").status()).isEqualTo(404);
        assertThat(api.delete("/connectors/nobody").status()).isEqualTo(404);
    }

    private static Set<String> sluiceTopicsOf(String connector) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers",
                SluiceTestEnvironment.get().bootstrapServers()))) {
            return admin.listTopics().names().get().stream()
                    .filter(t -> t.startsWith("__sluice_") && t.contains("_" + connector + "_"))
                    .collect(java.util.stream.Collectors.toSet());
        }
    }
}
