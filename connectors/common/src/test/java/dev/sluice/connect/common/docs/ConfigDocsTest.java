package dev.sluice.connect.common.docs;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.junit.jupiter.api.Test;

class ConfigDocsTest {

    @Test
    void rendersOneTablePerGroupInDefinitionOrder() {
        var def = new ConfigDef()
                .define("b.second", Type.STRING, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH, "Goes | here <x>",
                        "Main", 2, Width.SHORT, "Second")
                .define("a.first", Type.PASSWORD, "", Importance.LOW, "Line\none", "Main", 1, Width.SHORT, "First")
                .define("c.other", Type.INT, 3, ConfigDef.Range.atLeast(0), Importance.MEDIUM, "Ungrouped.");

        assertThat(ConfigDocs.markdown("Title", "\nIntro.\n", def)).isEqualTo("""
                # Title

                Intro.

                ## Main

                | Key | Type | Default | Valid values | Importance | Description |
                | --- | --- | --- | --- | --- | --- |
                | `a.first` | password | `""` |  | low | Line one |
                | `b.second` | string | *(required)* |  | high | Goes \\| here &lt;x&gt; |

                ## Other

                | Key | Type | Default | Valid values | Importance | Description |
                | --- | --- | --- | --- | --- | --- |
                | `c.other` | int | `3` | [0,...] | medium | Ungrouped. |
                """);
    }
}
