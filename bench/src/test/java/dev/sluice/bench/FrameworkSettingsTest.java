package dev.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FrameworkSettingsTest {

    @Test
    void defaultsAreTheMillionRecordRun() {
        assertThat(FrameworkSettings.parse(List.of())).isEqualTo(new FrameworkSettings(1_000_000, 1024, 4, 7, 10));
    }

    @Test
    void optionsChangeTheirSettingOnly() {
        assertThat(FrameworkSettings.parse(List.of("--records", "1000", "--rounds", "1", "--creations", "2")))
                .isEqualTo(new FrameworkSettings(1000, 1024, 4, 1, 2));
    }

    @Test
    void badOptionsAreNamed() {
        assertThatThrownBy(() -> FrameworkSettings.parse(List.of("--warmup", "1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--warmup");
        assertThatThrownBy(() -> FrameworkSettings.parse(List.of("--rounds")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> FrameworkSettings.parse(List.of("--rounds", "many")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'many'");
        assertThatThrownBy(() -> FrameworkSettings.parse(List.of("--rounds", "0")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
