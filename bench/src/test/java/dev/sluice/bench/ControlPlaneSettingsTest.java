package dev.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControlPlaneSettingsTest {

    @Test
    void defaultsAreTwentyCreationsAndFiftyIdleConnectors() {
        ControlPlaneSettings settings = ControlPlaneSettings.parse(List.of());
        assertThat(settings).isEqualTo(new ControlPlaneSettings(20, 25, Duration.ofSeconds(20),
                Duration.ofMinutes(5)));
        assertThat(settings.idleConnectors()).isEqualTo(50);
    }

    @Test
    void optionsChangeTheirSettingOnly() {
        assertThat(ControlPlaneSettings.parse(List.of("--creations", "3", "--pairs", "2", "--idle-seconds", "1")))
                .isEqualTo(new ControlPlaneSettings(3, 2, Duration.ofSeconds(1), Duration.ofMinutes(5)));
    }

    @Test
    void badOptionsAreNamed() {
        assertThatThrownBy(() -> ControlPlaneSettings.parse(List.of("--rounds", "1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--rounds");
        assertThatThrownBy(() -> ControlPlaneSettings.parse(List.of("--pairs")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> ControlPlaneSettings.parse(List.of("--pairs", "many")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'many'");
        assertThatThrownBy(() -> ControlPlaneSettings.parse(List.of("--creations", "0")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
