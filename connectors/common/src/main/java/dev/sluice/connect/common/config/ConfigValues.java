package dev.sluice.connect.common.config;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;

/**
 * The result of {@code ConfigDef.validate}, by key, for the cross-field checks that follow it: a check reads only
 * keys that are valid on their own, and adds its problem to the {@link ConfigValue} of a key the user should
 * change, so that one validate call lists every problem.
 */
public final class ConfigValues {

    private final Map<String, ConfigValue> byName;

    /** @param values one per defined key, as {@code ConfigDef.validate} returns them; problems are added to them */
    public ConfigValues(List<ConfigValue> values) {
        this.byName = values.stream().collect(Collectors.toMap(ConfigValue::name, Function.identity()));
    }

    /** The parsed value of a key that is valid on its own, or null. */
    @SuppressWarnings("unchecked")
    public <T> T valid(String name) {
        ConfigValue value = byName.get(name);
        return value == null || !value.errorMessages().isEmpty() ? null : (T) value.value();
    }

    /** Whether each of these keys is valid so far. */
    public boolean allValid(Collection<String> names) {
        return names.stream().map(byName::get).filter(Objects::nonNull).allMatch(v -> v.errorMessages().isEmpty());
    }

    /** Adds a problem to a defined key. */
    public void error(String name, String message) {
        ConfigValue value = byName.get(name);
        if (value == null) {
            throw new IllegalArgumentException("No config key " + name);
        }
        value.addErrorMessage(message);
    }

    /**
     * Throws one exception that lists every problem, each with the key it is about, or returns if there are none.
     *
     * @param what names the config in the message, such as {@code "S3 sink"}
     * @throws ConfigException {@code "Invalid <what> configuration: <key>: <problem>; ..."}
     */
    public static void throwIfInvalid(String what, List<ConfigValue> values) {
        List<String> problems = values.stream()
                .flatMap(value -> value.errorMessages().stream().map(m -> describe(value, m)))
                .distinct()
                .toList();
        if (!problems.isEmpty()) {
            throw new ConfigException("Invalid " + what + " configuration: " + String.join("; ", problems));
        }
    }

    private static String describe(ConfigValue value, String message) {
        return message.contains(value.name()) ? message : value.name() + ": " + message;
    }
}
