package dev.sluice.connect.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/** The example a newcomer posts must be a valid config, and say what the docs tell them to set. */
class ExampleConfigTest {

    @Test
    void theExampleIsAValidConfig() throws IOException {
        JsonNode example = JsonNode.parser().parse(Files.readString(Path.of("../../examples/lambda-trigger.json")));
        Map<String, String> config = new HashMap<>();
        example.asObject().get("config").asObject().forEach((key, value) -> config.put(key, value.asString()));

        LambdaTriggerSettings settings = LambdaTriggerSettingsParser.parse(config);

        assertThat(config.get("connector.class")).isEqualTo(LambdaTriggerConnector.class.getName());
        assertThat(config).containsEntry("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        assertThat(settings.destination()).isPresent();
        assertThat(settings.errors().reportBatchItemFailures()).isTrue();
    }
}
