package dev.sluice.connect.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The checked-in configuration reference must be what {@link S3SinkConfig#CONFIG_DEF} renders. */
class S3SinkConfigDocsTest {

    /** From the module directory, where Surefire runs tests. */
    private static final Path DOCS = Path.of("../../docs/connectors/s3-sink.md");

    @Test
    void checkedInDocsMatchTheConfigDef() throws IOException {
        String rendered = S3SinkConfigDocs.render();
        if (Boolean.getBoolean("s3sink.docs.write")) {
            Files.writeString(DOCS, rendered, StandardCharsets.UTF_8);
        }

        assertThat(Files.exists(DOCS)).as("%s exists", DOCS.toAbsolutePath().normalize()).isTrue();
        assertThat(Files.readString(DOCS, StandardCharsets.UTF_8))
                .as("docs/connectors/s3-sink.md is out of date with S3SinkConfig.CONFIG_DEF; regenerate it with "
                        + "./mvnw -pl connectors/s3-sink test -Dtest=S3SinkConfigDocsTest -Ds3sink.docs.write=true")
                .isEqualTo(rendered);
    }

    @Test
    void everyKeyIsDocumentedWithAGroupAndADisplayName() {
        assertThat(S3SinkConfig.CONFIG_DEF.configKeys().values()).allSatisfy(key -> {
            assertThat(key.documentation).as(key.name).isNotBlank();
            assertThat(key.group).as(key.name).isNotBlank();
            assertThat(key.displayName).as(key.name).isNotBlank();
        });
    }
}
