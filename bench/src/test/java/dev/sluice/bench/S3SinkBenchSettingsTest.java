package dev.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class S3SinkBenchSettingsTest {

    @Test
    void defaultsAreTheIssuesMillionRecordsOfOneKibInEightPartitions() {
        S3SinkBenchSettings settings = S3SinkBenchSettings.parse(List.of());

        assertThat(settings).isEqualTo(new S3SinkBenchSettings(1_000_000, 1024, 8, 4, 12_500, 5,
                Duration.ofSeconds(30), 1000));
        assertThat(settings.objectsPerRun()).isEqualTo(80);
        assertThat(settings.latencyRecords()).isEqualTo(30_000);
    }

    @Test
    void optionsChangeTheirSettingOnly() {
        assertThat(S3SinkBenchSettings.parse(List.of("--records", "80000", "--rounds", "1", "--tasks", "2",
                "--flush-size", "5000", "--latency-seconds", "5")))
                .isEqualTo(new S3SinkBenchSettings(80_000, 1024, 8, 2, 5000, 1, Duration.ofSeconds(5), 1000));
    }

    @Test
    void recordsMustFillWholeObjectsInEveryPartition() {
        assertThatThrownBy(() -> S3SinkBenchSettings.parse(List.of("--records", "150000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("multiple of 8 partitions x flush.size 12500 (100000)");
    }

    @Test
    void badOptionsAreNamed() {
        assertThatThrownBy(() -> S3SinkBenchSettings.parse(List.of("--creations", "1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--creations");
        assertThatThrownBy(() -> S3SinkBenchSettings.parse(List.of("--tasks", "0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> S3SinkBenchSettings.parse(List.of("--latency-seconds", "0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }
}
