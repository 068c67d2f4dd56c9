package dev.sluice.connect.cdc.mysql;

import dev.sluice.connect.common.testing.ConfigDocsCheck;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The checked-in MySQL configuration reference must be what {@link RdsMySqlConfig#CONFIG_DEF} renders. */
class RdsMySqlConfigDocsTest {

    /** From the module directory, where Surefire runs tests. */
    private static final Path DOCS = Path.of("../../docs/connectors/cdc-mysql.md");

    @Test
    void checkedInDocsMatchTheConfigDef() throws IOException {
        ConfigDocsCheck.assertUpToDate(DOCS, RdsMySqlConfigDocs.render(), "cdcmysql.docs.write",
                "./mvnw -pl connectors/cdc-source test -Dtest=RdsMySqlConfigDocsTest -Dcdcmysql.docs.write=true");
    }

    @Test
    void everyKeyIsDocumentedWithAGroupAndADisplayName() {
        ConfigDocsCheck.assertEveryKeyDescribed(RdsMySqlConfig.CONFIG_DEF);
    }
}
