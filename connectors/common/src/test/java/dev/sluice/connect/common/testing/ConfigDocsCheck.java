package dev.sluice.connect.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.common.config.ConfigDef;

/**
 * The checks behind each connector's docs test: its checked-in configuration reference must be what its
 * {@code CONFIG_DEF} renders, and every key must be fully described.
 */
public final class ConfigDocsCheck {

    private ConfigDocsCheck() {
    }

    /**
     * Fails when the page differs from {@code rendered}. With the system property {@code writeProperty} set to
     * true, writes the page first, which is how it is regenerated.
     *
     * @param docs       the page, relative to the module directory, where Surefire runs tests
     * @param regenerate the command that regenerates the page, for the failure message
     */
    public static void assertUpToDate(Path docs, String rendered, String writeProperty, String regenerate)
            throws IOException {
        if (Boolean.getBoolean(writeProperty)) {
            Files.writeString(docs, rendered, StandardCharsets.UTF_8);
        }

        Path page = docs.toAbsolutePath().normalize();
        assertThat(Files.exists(docs)).as("%s exists", page).isTrue();
        assertThat(Files.readString(docs, StandardCharsets.UTF_8))
                .as("%s is out of date with the connector's CONFIG_DEF; regenerate it with %s", page, regenerate)
                .isEqualTo(rendered);
    }

    /** Every key has documentation, a group and a display name, which the page and UIs show. */
    public static void assertEveryKeyDescribed(ConfigDef def) {
        assertThat(def.configKeys().values()).allSatisfy(key -> {
            assertThat(key.documentation).as(key.name).isNotBlank();
            assertThat(key.group).as(key.name).isNotBlank();
            assertThat(key.displayName).as(key.name).isNotBlank();
        });
    }
}
