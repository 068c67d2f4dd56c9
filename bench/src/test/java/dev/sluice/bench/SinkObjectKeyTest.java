package dev.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SinkObjectKeyTest {

    @Test
    void readsThePartitionAndStartOffsetOfTheObjectName() {
        assertThat(SinkObjectKey.parse("bench-s3-json-1/bench-s3/partition=7/bench-s3+7+0000012500.json.gz"))
                .isEqualTo(new SinkObjectKey(7, 12_500));
        assertThat(SinkObjectKey.parse("dir/t/partition=0/t+0+0000000000.snappy.parquet"))
                .isEqualTo(new SinkObjectKey(0, 0));
    }

    @Test
    void otherNamesAreRefused() {
        assertThatThrownBy(() -> SinkObjectKey.parse("raw-json-1/17"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("raw-json-1/17");
        assertThatThrownBy(() -> SinkObjectKey.parse("dir/t+x+0000000001.json"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
