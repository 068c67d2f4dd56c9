package dev.sluice.connect.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

class ConfigValuesTest {

    private static final ConfigDef DEF = new ConfigDef()
            .define("size", Type.INT, 1, ConfigDef.Range.atLeast(1), Importance.HIGH, "A size.")
            .define("unit", Type.STRING, "b", ParsedBy.parser("b, kb", ConfigValuesTest::unit), Importance.LOW,
                    "A unit.");

    @Test
    void onlyValidKeysHaveAValue() {
        var values = new ConfigValues(DEF.validate(Map.of("size", "0", "unit", "kb")));

        assertThat(values.<Integer>valid("size")).isNull();
        assertThat(values.<String>valid("unit")).isEqualTo("kb");
        assertThat(values.allValid(Set.of("unit"))).isTrue();
        assertThat(values.allValid(Set.of("size", "unit"))).isFalse();
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsKey() {
        List<ConfigValue> list = DEF.validate(Map.of("size", "0", "unit", "mb"));
        new ConfigValues(list).error("size", "Too small for the unit");

        assertThatThrownBy(() -> ConfigValues.throwIfInvalid("test", list))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Invalid test configuration: ")
                .hasMessageContaining("size: Too small for the unit")
                .hasMessageContaining("Invalid value mb for configuration unit: no such unit");
    }

    @Test
    void aValidConfigPasses() {
        ConfigValues.throwIfInvalid("test", DEF.validate(Map.of()));
    }

    @Test
    void anErrorOnAnUndefinedKeyIsAMistake() {
        var values = new ConfigValues(DEF.validate(Map.of()));

        assertThatThrownBy(() -> values.error("colour", "No")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsedByShowsItsValidValuesAndAllowsEmptyOnlyWhenAsked() {
        assertThat(ParsedBy.parser("b, kb", ConfigValuesTest::unit)).hasToString("b, kb");
        ParsedBy.parserOrEmpty("b, kb", ConfigValuesTest::unit).ensureValid("unit", " ");
        assertThatThrownBy(() -> ParsedBy.parser("b, kb", ConfigValuesTest::unit).ensureValid("unit", " "))
                .isInstanceOf(ConfigException.class);
    }

    private static void unit(String value) {
        if (!List.of("b", "kb").contains(value)) {
            throw new IllegalArgumentException("no such unit");
        }
    }
}
