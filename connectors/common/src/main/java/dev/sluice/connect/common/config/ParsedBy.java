package dev.sluice.connect.common.config;

import java.util.function.Consumer;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * A validator that tries the parser the settings will use, so that what validates also parses; its
 * {@code toString} is what the generated docs show as valid values.
 */
public final class ParsedBy implements ConfigDef.Validator {

    private final String validValues;
    private final boolean emptyAllowed;
    private final Consumer<String> parser;

    private ParsedBy(String validValues, boolean emptyAllowed, Consumer<String> parser) {
        this.validValues = validValues;
        this.emptyAllowed = emptyAllowed;
        this.parser = parser;
    }

    public static ParsedBy parser(String validValues, Consumer<String> parser) {
        return new ParsedBy(validValues, false, parser);
    }

    /** Like {@link #parser} but an empty value (meaning "unset") is valid too. */
    public static ParsedBy parserOrEmpty(String validValues, Consumer<String> parser) {
        return new ParsedBy(validValues, true, parser);
    }

    @Override
    public void ensureValid(String name, Object value) {
        if (value == null || (emptyAllowed && value.toString().isBlank())) {
            return;
        }
        try {
            parser.accept(value.toString());
        } catch (RuntimeException e) {
            throw new ConfigException(name, value, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return validValues;
    }
}
