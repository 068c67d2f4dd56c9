package dev.sluice.connect.schema;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GlueSchemaRegistryConverterConfigTest {

    @Test
    void everyKeyIsDescribedHereAndInTheDocs() throws Exception {
        String page = Files.readString(Path.of("../../docs/schema-registry.md"));

        assertThat(GlueSchemaRegistryConverterConfig.CONFIG_DEF.configKeys().values()).allSatisfy(key -> {
            assertThat(key.documentation).as(key.name).isNotBlank();
            assertThat(key.group).as(key.name).isNotBlank();
            assertThat(key.displayName).as(key.name).isNotBlank();
            assertThat(page).as("docs/schema-registry.md names %s", key.name).contains("`" + key.name + "`");
        });
    }

    @Test
    void aReaderSchemaThatIsNotAvroIsRefusedAtConfiguration() {
        assertThatThrownBy(() -> new GlueSchemaRegistryConverterConfig(Map.of(
                GlueSchemaRegistryConverterConfig.READER_SCHEMA, "{\"type\":\"recrd\"}")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("sluice.reader.schema")
                .hasMessageContaining("not an Avro schema");
    }

    @Test
    void theSettingsAreReadIntoTheConfig() {
        var config = new GlueSchemaRegistryConverterConfig(Map.of(GlueSchemaRegistryConverterConfig.READER_SCHEMA,
                "{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"}]}",
                "aws.access.key.id", "a", "aws.secret.access.key", "b", "endpoint", "http://x"));

        assertThat(config.readerSchema().getField("id")).isNotNull();
        assertThat(config.accessKeyId()).isEqualTo("a");
        assertThat(config.secretAccessKey()).isEqualTo("b");
    }
}
