package dev.sluice.connect.datagen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

class DatagenConfigTest {

    @Test
    void defaults() {
        var settings = DatagenConfig.parse(Map.of(DatagenConfig.TOPIC, "t"));

        assertThat(settings).isEqualTo(new DatagenSettings("t", 1024, 1000L, -1L, true, false, 500));
        assertThat(settings.bounded()).isFalse();
        assertThat(settings.throttled()).isTrue();
    }

    @Test
    void missingTopicIsNamed() {
        assertThatThrownBy(() -> DatagenConfig.parse(Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(DatagenConfig.TOPIC);
    }

    @Test
    void outOfRangeValuesAreNamed() {
        assertThatThrownBy(() -> DatagenConfig.parse(withTopic(DatagenConfig.RECORD_SIZE_BYTES, "-1")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(DatagenConfig.RECORD_SIZE_BYTES);
        assertThatThrownBy(() -> DatagenConfig.parse(withTopic(DatagenConfig.BATCH_SIZE, "0")))
                .hasMessageContaining(DatagenConfig.BATCH_SIZE);
        assertThatThrownBy(() -> DatagenConfig.parse(withTopic(DatagenConfig.MAX_RECORDS, "-2")))
                .hasMessageContaining(DatagenConfig.MAX_RECORDS);
        assertThatThrownBy(() -> DatagenConfig.parse(withTopic(DatagenConfig.RECORDS_PER_SECOND, "fast")))
                .hasMessageContaining(DatagenConfig.RECORDS_PER_SECOND);
    }

    @Test
    void validateReportsEveryBadKeyAtOnce() {
        Map<String, String> props = Map.of(DatagenConfig.RECORD_SIZE_BYTES, "-1", DatagenConfig.BATCH_SIZE, "0");

        List<ConfigValue> values = new DatagenSourceConnector().validate(props).configValues();

        assertThat(values).filteredOn(v -> !v.errorMessages().isEmpty())
                .extracting(ConfigValue::name)
                .containsExactlyInAnyOrder(DatagenConfig.TOPIC, DatagenConfig.RECORD_SIZE_BYTES,
                        DatagenConfig.BATCH_SIZE);
    }

    @Test
    void everyKeyIsFullyDocumented() {
        assertThat(DatagenConfig.CONFIG_DEF.configKeys().values()).allSatisfy(key -> {
            assertThat(key.documentation).isNotBlank();
            assertThat(key.group).isNotBlank();
            assertThat(key.displayName).isNotBlank();
        });
    }

    private static Map<String, String> withTopic(String key, String value) {
        Map<String, String> props = new HashMap<>();
        props.put(DatagenConfig.TOPIC, "t");
        props.put(key, value);
        return props;
    }
}
