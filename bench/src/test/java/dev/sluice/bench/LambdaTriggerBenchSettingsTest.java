package dev.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LambdaTriggerBenchSettingsTest {

    @Test
    void defaultsAreTheIssuesTwoHundredThousandRecordsOfOneKibInBatchesOfOneHundred() {
        assertThat(LambdaTriggerBenchSettings.parse(List.of()))
                .isEqualTo(new LambdaTriggerBenchSettings(200_000, 1024, 8, 1, 100, 5));
        assertThat(LambdaTriggerBenchSettings.parse(List.of()).concurrency()).isEqualTo(8);
    }

    @Test
    void optionsChangeTheirSettingOnly() {
        assertThat(LambdaTriggerBenchSettings.parse(List.of("--records", "20000", "--rounds", "1", "--tasks", "2")))
                .isEqualTo(new LambdaTriggerBenchSettings(20_000, 1024, 8, 2, 100, 1));
        assertThat(LambdaTriggerBenchSettings.parse(List.of("--batch-size", "500")))
                .isEqualTo(new LambdaTriggerBenchSettings(200_000, 1024, 8, 1, 500, 5));
    }

    @Test
    void batchesOverLambdasLimitAreRefused() {
        assertThatThrownBy(() -> LambdaTriggerBenchSettings.parse(List.of("--batch-size", "4001")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("6 MB");
    }

    @Test
    void moreTasksThanPartitionsAreRefused() {
        assertThatThrownBy(() -> LambdaTriggerBenchSettings.parse(List.of("--tasks", "9")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("8 partitions");
    }
}
