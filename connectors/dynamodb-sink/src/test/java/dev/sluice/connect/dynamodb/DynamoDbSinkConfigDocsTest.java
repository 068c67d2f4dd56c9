package dev.sluice.connect.dynamodb;

import dev.sluice.connect.common.testing.ConfigDocsCheck;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The checked-in configuration reference must be what {@link DynamoDbSinkConfig#CONFIG_DEF} renders. */
class DynamoDbSinkConfigDocsTest {

    /** From the module directory, where Surefire runs tests. */
    private static final Path DOCS = Path.of("../../docs/connectors/dynamodb-sink.md");

    @Test
    void checkedInDocsMatchTheConfigDef() throws IOException {
        ConfigDocsCheck.assertUpToDate(DOCS, DynamoDbSinkConfigDocs.render(), "dynamodbsink.docs.write",
                "./mvnw -pl connectors/dynamodb-sink test -Dtest=DynamoDbSinkConfigDocsTest "
                + "-Ddynamodbsink.docs.write=true");
    }

    @Test
    void everyKeyIsDocumentedWithAGroupAndADisplayName() {
        ConfigDocsCheck.assertEveryKeyDescribed(DynamoDbSinkConfig.CONFIG_DEF);
    }
}
