package dev.sluice.connect.lambda;

import dev.sluice.connect.common.testing.ConfigDocsCheck;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The checked-in configuration reference must be what {@link LambdaTriggerConfig#CONFIG_DEF} renders. */
class LambdaTriggerConfigDocsTest {

    /** From the module directory, where Surefire runs tests. */
    private static final Path DOCS = Path.of("../../docs/connectors/lambda-trigger.md");

    @Test
    void checkedInDocsMatchTheConfigDef() throws IOException {
        ConfigDocsCheck.assertUpToDate(DOCS, LambdaTriggerConfigDocs.render(), "lambdatrigger.docs.write",
                "./mvnw -pl connectors/lambda-trigger test -Dtest=LambdaTriggerConfigDocsTest "
                + "-Dlambdatrigger.docs.write=true");
    }

    @Test
    void everyKeyIsDocumentedWithAGroupAndADisplayName() {
        ConfigDocsCheck.assertEveryKeyDescribed(LambdaTriggerConfig.CONFIG_DEF);
    }
}
