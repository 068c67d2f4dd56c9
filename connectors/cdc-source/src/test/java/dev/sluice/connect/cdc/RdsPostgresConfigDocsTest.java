package dev.sluice.connect.cdc;

import dev.sluice.connect.common.testing.ConfigDocsCheck;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The checked-in configuration reference must be what {@link RdsPostgresConfig#CONFIG_DEF} renders. */
class RdsPostgresConfigDocsTest {

    /** From the module directory, where Surefire runs tests. */
    private static final Path DOCS = Path.of("../../docs/connectors/cdc-source.md");

    @Test
    void checkedInDocsMatchTheConfigDef() throws IOException {
        ConfigDocsCheck.assertUpToDate(DOCS, RdsPostgresConfigDocs.render(), "cdcsource.docs.write",
                "./mvnw -pl connectors/cdc-source test -Dtest=RdsPostgresConfigDocsTest "
                + "-Dcdcsource.docs.write=true");
    }

    @Test
    void everyKeyIsDocumentedWithAGroupAndADisplayName() {
        ConfigDocsCheck.assertEveryKeyDescribed(RdsPostgresConfig.CONFIG_DEF);
    }
}
