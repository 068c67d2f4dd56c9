package dev.sluice.connect.lambda.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonNodeParser;

/**
 * The event source mapping's {@code FilterCriteria}: {@code {"Filters": [{"Pattern": "<pattern JSON>"}, ...]}}. A
 * record invokes the function when it matches at least one pattern; with no patterns, every record does.
 *
 * <p>A pattern names a record's fields as the event does. Under {@code value} it holds either an object of fields,
 * matched against a value that is a JSON object, or rules, matched against a value that is a plain string; when the
 * pattern's form and the value's differ, or the value is not UTF-8, the pattern is matched on the other fields only,
 * as Lambda documents for Kafka.
 */
public final class FilterCriteria {

    public static final FilterCriteria NONE = new FilterCriteria(List.of());

    private static final JsonNodeParser PARSER = JsonNode.parserBuilder().removeErrorLocations(true).build();
    private static final String VALUE = "value";

    private final List<Node.Fields> patterns;

    private FilterCriteria(List<Node.Fields> patterns) {
        this.patterns = patterns;
    }

    /**
     * @param json the criteria; empty or {@code {}} for none. A pattern may also be given as an object rather than
     *             as the string the event source mapping takes.
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static FilterCriteria parse(String json) {
        if (json == null || json.isBlank()) {
            return NONE;
        }
        JsonNode root;
        try {
            root = PARSER.parse(json);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("The filter criteria are not JSON: " + e.getMessage());
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException("The filter criteria must be a JSON object: {\"Filters\": "
                    + "[{\"Pattern\": \"...\"}]}");
        }
        Optional<JsonNode> filters = root.field("Filters");
        if (filters.isEmpty() || filters.get().isNull()) {
            if (!root.asObject().isEmpty()) {
                throw new IllegalArgumentException("The filter criteria hold their patterns under \"Filters\"");
            }
            return NONE;
        }
        if (!filters.get().isArray()) {
            throw new IllegalArgumentException("\"Filters\" must be an array of {\"Pattern\": \"...\"}");
        }
        List<Node.Fields> patterns = new ArrayList<>();
        int index = 0;
        for (JsonNode filter : filters.get().asArray()) {
            index++;
            patterns.add(pattern(filter, index));
        }
        return new FilterCriteria(List.copyOf(patterns));
    }

    private static Node.Fields pattern(JsonNode filter, int index) {
        JsonNode pattern = filter.isObject() ? filter.asObject().get("Pattern") : null;
        if (pattern == null) {
            throw new IllegalArgumentException("Filter " + index + " has no \"Pattern\"");
        }
        try {
            JsonNode parsed = pattern.isString() ? PARSER.parse(pattern.asString()) : pattern;
            return PatternParser.parse(parsed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Filter " + index + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Filter " + index + ": the pattern is not JSON: " + e.getMessage(), e);
        }
    }

    public boolean isEmpty() {
        return patterns.isEmpty();
    }

    public int size() {
        return patterns.size();
    }

    /** Whether the record is to invoke the function. */
    public boolean matches(FilterInput record) {
        return patterns.isEmpty() || patterns.stream().anyMatch(p -> matchesRecord(p, record));
    }

    private static boolean matchesRecord(Node.Fields pattern, FilterInput record) {
        for (Map.Entry<String, Node> field : pattern.fields().entrySet()) {
            boolean matches = VALUE.equals(field.getKey())
                    ? matchesValue(field.getValue(), record.value())
                    : field.getValue().matches(Optional.ofNullable(record.metadata().get(field.getKey())));
            if (!matches) {
                return false;
            }
        }
        return pattern.alternatives().isEmpty()
                || pattern.alternatives().stream().anyMatch(a -> matchesRecord(a, record));
    }

    private static boolean matchesValue(Node pattern, FilterInput.Value value) {
        if (value instanceof FilterInput.Value.Json json) {
            return !(pattern instanceof Node.Fields fields) || fields.matchesObject(json.object());
        }
        if (value instanceof FilterInput.Value.Text text) {
            return !(pattern instanceof Node.Leaf leaf) || leaf.matches(Optional.of(Scalars.string(text.text())));
        }
        if (value instanceof FilterInput.Value.Absent) {
            return pattern.matches(Optional.empty());
        }
        return true; // Opaque: not UTF-8, so only the metadata fields are filtered on
    }
}
