package dev.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DynamoDbSinkBenchSettingsTest {

    @Test
    void defaultsAreTheIssuesTwoHundredThousandRecordsOfOneKibInEightPartitions() {
        DynamoDbSinkBenchSettings settings = DynamoDbSinkBenchSettings.parse(List.of());

        assertThat(settings).isEqualTo(new DynamoDbSinkBenchSettings(200_000, 1024, 8, 4, 5));
    }

    @Test
    void optionsChangeTheirSettingOnly() {
        assertThat(DynamoDbSinkBenchSettings.parse(List.of("--records", "20000", "--rounds", "1", "--tasks", "8")))
                .isEqualTo(new DynamoDbSinkBenchSettings(20_000, 1024, 8, 8, 1));
        assertThat(DynamoDbSinkBenchSettings.parse(List.of("--tasks", "2")))
                .isEqualTo(new DynamoDbSinkBenchSettings(200_000, 1024, 8, 2, 5));
    }

    @Test
    void moreTasksThanPartitionsAreRefused() {
        assertThatThrownBy(() -> DynamoDbSinkBenchSettings.parse(List.of("--tasks", "9")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than the topic's 8 partitions");
    }

    @Test
    void badOptionsAreNamed() {
        assertThatThrownBy(() -> DynamoDbSinkBenchSettings.parse(List.of("--flush-size", "1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--flush-size");
        assertThatThrownBy(() -> DynamoDbSinkBenchSettings.parse(List.of("--records", "0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> DynamoDbSinkBenchSettings.parse(List.of("--rounds")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> DynamoDbSinkBenchSettings.parse(List.of("--tasks", "four")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("takes a number");
    }
}
