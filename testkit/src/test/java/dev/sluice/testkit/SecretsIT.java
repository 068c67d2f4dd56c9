package dev.sluice.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.testkit.ConnectRestClient.Reply;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** PASSWORD-typed settings never come back through the API. */
class SecretsIT {

    @Test
    void passwordTypedSettingsAreHiddenInEveryResponse() {
        ConnectRestClient api = SluiceTestEnvironment.get().connect();
        String name = "secret-sink";
        // ssl.key.password is a PASSWORD-typed consumer setting, unused here as the consumer does not use SSL
        Reply created = api.createConnector(name, Map.of(
                "connector.class", "dev.sluice.connect.discard.DiscardSinkConnector",
                "topics", "secret-topic",
                "consumer.override.ssl.key.password", "hunter2",
                // a converter's AWS secret key (as the schema converter takes it): hidden though JsonConverter
                // does not declare it
                "value.converter", "org.apache.kafka.connect.json.JsonConverter",
                "value.converter.aws.secret.access.key", "wJalrXUtnFEMI"));

        assertThat(created.status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(60)).until(() -> api.hasState(name, "RUNNING", 1));
        assertThat(created.body().toString()).doesNotContain("hunter2");
        assertThat(api.settled("/connectors/" + name).body().toString()).doesNotContain("hunter2").contains("[hidden]");
        assertThat(api.settled("/connectors/" + name + "/config").text("consumer.override.ssl.key.password"))
                .isEqualTo("[hidden]");
        assertThat(api.settled("/connectors/" + name + "/config").text("value.converter.aws.secret.access.key"))
                .isEqualTo("[hidden]");
        assertThat(api.get("/connectors?expand=info").body().toString()).doesNotContain("hunter2")
                .doesNotContain("wJalrXUtnFEMI");
        JsonNode tasks = api.settled("/connectors/" + name + "/tasks").body();
        assertThat(tasks).isNotEmpty();
        assertThat(tasks.toString()).doesNotContain("hunter2");
        Reply patched = api.patch("/connectors/" + name + "/config", Map.of("log.every.records", "0"));
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.body().toString()).doesNotContain("hunter2");

        assertThat(api.delete("/connectors/" + name).status()).isEqualTo(204);
    }
}
