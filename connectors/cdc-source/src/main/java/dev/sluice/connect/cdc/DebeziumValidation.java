package dev.sluice.connect.cdc;

import java.util.Comparator;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;

/** How the RDS connectors fold Debezium's own validation into theirs. */
public final class DebeziumValidation {

    private DebeziumValidation() {
    }

    /**
     * Adds Debezium's results to {@code ours}: its keys that we do not describe as they are, and its error messages
     * on keys we do (each once).
     */
    public static void merge(Map<String, ConfigValue> ours, Config debeziums) {
        for (ConfigValue theirs : debeziums.configValues()) {
            ConfigValue mine = ours.putIfAbsent(theirs.name(), theirs);
            if (mine != null) {
                theirs.errorMessages().stream().filter(m -> !mine.errorMessages().contains(m))
                        .forEach(mine::addErrorMessage);
            }
        }
    }

    /**
     * Adds the error of a connector's cross-key checks (its config parser's {@link ConfigException}) to the key its
     * message names first, or to {@code fallbackKey}.
     */
    public static void addParseError(Map<String, ConfigValue> values, ConfigException e, String fallbackKey) {
        String key = values.keySet().stream().filter(k -> e.getMessage().contains(k))
                .min(Comparator.comparingInt(k -> e.getMessage().indexOf(k)))
                .orElse(fallbackKey);
        values.get(key).addErrorMessage(e.getMessage());
    }
}
