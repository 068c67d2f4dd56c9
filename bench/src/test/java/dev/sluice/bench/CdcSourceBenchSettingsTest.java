package dev.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CdcSourceBenchSettingsTest {

    @Test
    void defaultsAreTheIssuesTwoHundredThousandRowsAndOneThousandRowsASecond() {
        assertThat(CdcSourceBenchSettings.parse(List.of()))
                .isEqualTo(new CdcSourceBenchSettings(200_000, 1000, 3, 5, 1000, 30));
    }

    @Test
    void optionsChangeTheirSettingOnly() {
        assertThat(CdcSourceBenchSettings.parse(List.of("--records", "20000", "--warm-up-rounds", "0", "--rounds", "1",
                "--latency-seconds", "5"))).isEqualTo(new CdcSourceBenchSettings(20_000, 1000, 0, 1, 1000, 5));
    }

    @Test
    void rowsThatDoNotFillTheLastInsertAreRefused() {
        assertThatThrownBy(() -> CdcSourceBenchSettings.parse(List.of("--records", "1500")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiple of the 1000 rows");
    }
}
