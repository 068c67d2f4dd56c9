package dev.sluice.connect.dynamodb.mapping;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Where a key attribute comes from, in the syntax of Confluent's {@code aws.dynamodb.pk.hash} and
 * {@code aws.dynamodb.pk.sort}: {@code partition}, {@code offset}, {@code key}, {@code key.<field path>},
 * {@code value} or {@code value.<field path>}, optionally followed by {@code :<attribute name>}. Without an
 * alias the attribute is named after the last field of the path, or after the reference itself
 * ({@code partition}, {@code offset}, {@code key}, {@code value}).
 *
 * @param path      field names below the record's key or value; empty for the key or value itself
 * @param attribute the name of the item's attribute
 */
public record KeyRef(Source source, List<String> path, String attribute) {

    /** The part of the record a key attribute is read from. */
    public enum Source {
        PARTITION, OFFSET, KEY, VALUE;

        String configName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public KeyRef {
        path = List.copyOf(path);
    }

    /** @throws IllegalArgumentException saying what a valid reference looks like */
    public static KeyRef parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        int colon = trimmed.indexOf(':');
        String reference = colon < 0 ? trimmed : trimmed.substring(0, colon);
        String alias = colon < 0 ? null : trimmed.substring(colon + 1).trim();
        if (alias != null && alias.isEmpty()) {
            throw invalid(text, "the attribute name after ':' is empty");
        }
        String[] parts = reference.split("\\.", -1);
        Source source = switch (parts[0]) {
            case "partition" -> Source.PARTITION;
            case "offset" -> Source.OFFSET;
            case "key" -> Source.KEY;
            case "value" -> Source.VALUE;
            default -> throw invalid(text, "it must start with partition, offset, key or value");
        };
        List<String> path = Arrays.asList(parts).subList(1, parts.length);
        if ((source == Source.PARTITION || source == Source.OFFSET) && !path.isEmpty()) {
            throw invalid(text, source.configName() + " has no fields");
        }
        if (path.stream().anyMatch(String::isBlank)) {
            throw invalid(text, "a field name in the path is empty");
        }
        String attribute = alias != null ? alias : path.isEmpty() ? source.configName() : path.get(path.size() - 1);
        return new KeyRef(source, path, attribute);
    }

    private static IllegalArgumentException invalid(String text, String why) {
        return new IllegalArgumentException("'" + text + "' is not a key reference: " + why + ". Use partition, "
                + "offset, key, key.<field>, value or value.<field> (nested fields with dots), optionally followed "
                + "by :<attribute name>");
    }

    /** Whether the attribute is read from the record's value, which a tombstone does not have. */
    public boolean readsValue() {
        return source == Source.VALUE;
    }

    @Override
    public String toString() {
        String reference = path.isEmpty() ? source.configName() : source.configName() + "." + String.join(".", path);
        return reference + ":" + attribute;
    }
}
