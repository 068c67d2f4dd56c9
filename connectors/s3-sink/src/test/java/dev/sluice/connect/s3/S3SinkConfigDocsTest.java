package dev.sluice.connect.s3;

import dev.sluice.connect.common.testing.ConfigDocsCheck;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The checked-in configuration reference must be what {@link S3SinkConfig#CONFIG_DEF} renders. */
class S3SinkConfigDocsTest {

    /** From the module directory, where Surefire runs tests. */
    private static final Path DOCS = Path.of("../../docs/connectors/s3-sink.md");

    @Test
    void checkedInDocsMatchTheConfigDef() throws IOException {
        ConfigDocsCheck.assertUpToDate(DOCS, S3SinkConfigDocs.render(), "s3sink.docs.write",
                "./mvnw -pl connectors/s3-sink test -Dtest=S3SinkConfigDocsTest -Ds3sink.docs.write=true");
    }

    @Test
    void everyKeyIsDocumentedWithAGroupAndADisplayName() {
        ConfigDocsCheck.assertEveryKeyDescribed(S3SinkConfig.CONFIG_DEF);
    }
}
