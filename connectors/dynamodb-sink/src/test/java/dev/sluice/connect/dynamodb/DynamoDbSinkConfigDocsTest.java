package dev.sluice.connect.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The checked-in configuration reference must be what {@link DynamoDbSinkConfig#CONFIG_DEF} renders. */
class DynamoDbSinkConfigDocsTest {

    /** From the module directory, where Surefire runs tests. */
    private static final Path DOCS = Path.of("../../docs/connectors/dynamodb-sink.md");

    @Test
    void checkedInDocsMatchTheConfigDef() throws IOException {
        String rendered = DynamoDbSinkConfigDocs.render();
        if (Boolean.getBoolean("dynamodbsink.docs.write")) {
            Files.writeString(DOCS, rendered, StandardCharsets.UTF_8);
        }

        assertThat(Files.exists(DOCS)).as("%s exists", DOCS.toAbsolutePath().normalize()).isTrue();
        assertThat(Files.readString(DOCS, StandardCharsets.UTF_8))
                .as("docs/connectors/dynamodb-sink.md is out of date with DynamoDbSinkConfig.CONFIG_DEF; regenerate "
                        + "it with ./mvnw -pl connectors/dynamodb-sink test -Dtest=DynamoDbSinkConfigDocsTest "
                        + "-Ddynamodbsink.docs.write=true")
                .isEqualTo(rendered);
    }

    @Test
    void everyKeyIsDocumentedWithAGroupAndADisplayName() {
        assertThat(DynamoDbSinkConfig.CONFIG_DEF.configKeys().values()).allSatisfy(key -> {
            assertThat(key.documentation).as(key.name).isNotBlank();
            assertThat(key.group).as(key.name).isNotBlank();
            assertThat(key.displayName).as(key.name).isNotBlank();
        });
    }
}
