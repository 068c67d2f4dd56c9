package dev.sluice.connect.cdc.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The MySQL examples a newcomer posts must be valid configs of the connector they name. */
class ExampleConfigsTest {

    private static Map<String, String> config(String example) throws IOException {
        JsonNode request = new ObjectMapper().readTree(Path.of("../../examples", example).toFile());
        Map<String, String> config = new HashMap<>();
        request.path("config").fields().forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
        config.put("name", request.path("name").asText());
        return config;
    }

    @Test
    void thePasswordExampleSignsInWithItsPassword() throws IOException {
        Map<String, String> config = config("cdc-mysql.json");

        RdsMySqlSettings settings = RdsMySqlConfig.parse(config);

        assertThat(config.get("connector.class")).isEqualTo(RdsMySqlConnector.class.getName());
        assertThat(settings.iam()).isEmpty();
        assertThat(settings.debezium()).containsEntry("database.ssl.mode", "required");
    }

    @Test
    void theIamExampleSignsInWithTokensForItsEndpointsRegion() throws IOException {
        Map<String, String> config = config("cdc-mysql-iam.json");

        RdsMySqlSettings settings = RdsMySqlConfig.parse(config);

        assertThat(config.get("connector.class")).isEqualTo(RdsMySqlConnector.class.getName());
        assertThat(config).doesNotContainKey("database.password");
        assertThat(settings.iam()).hasValueSatisfying(iam -> assertThat(iam.region().id()).isEqualTo("us-east-1"));
    }
}
