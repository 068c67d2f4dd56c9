package dev.sluice.connect.lambda.filter;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/** A compiled filter pattern: objects of fields, down to leaves that list the rules a value may match. */
sealed interface Node {

    /** Whether the field's value (empty when the field is missing) matches. */
    boolean matches(Optional<JsonNode> value);

    /**
     * A leaf, such as {@code "City": ["Seattle", {"prefix": "Port"}]}: the value matches when any rule does; an array
     * value when any of its elements does.
     */
    record Leaf(List<Condition> conditions) implements Node {
        @Override
        public boolean matches(Optional<JsonNode> value) {
            for (Condition condition : conditions) {
                if (condition instanceof Condition.Exists exists) {
                    if (value.isEmpty() ? !exists.present() : exists.matches(value.get())) {
                        return true;
                    }
                } else if (value.isPresent() && matchesElements(condition, value.get())) {
                    return true;
                }
            }
            return false;
        }

        private static boolean matchesElements(Condition condition, JsonNode value) {
            if (value.isArray()) {
                return value.asArray().stream().anyMatch(element -> !element.isArray() && condition.matches(element));
            }
            return condition.matches(value);
        }
    }

    /**
     * An object: every field must match, and, when it has {@code $or}, at least one of the alternatives too.
     *
     * @param alternatives the patterns of a {@code $or} at this level, each matched against the same object
     */
    record Fields(Map<String, Node> fields, List<Fields> alternatives) implements Node {

        @Override
        public boolean matches(Optional<JsonNode> value) {
            if (value.isEmpty()) {
                return matchesObject(Map.of());
            }
            JsonNode node = value.get();
            if (node.isObject()) {
                return matchesObject(node.asObject());
            }
            return node.isArray() && node.asArray().stream()
                    .anyMatch(element -> element.isObject() && matchesObject(element.asObject()));
        }

        boolean matchesObject(Map<String, JsonNode> object) {
            for (Map.Entry<String, Node> field : fields.entrySet()) {
                if (!field.getValue().matches(Optional.ofNullable(object.get(field.getKey())))) {
                    return false;
                }
            }
            return alternatives.isEmpty() || alternatives.stream().anyMatch(a -> a.matchesObject(object));
        }
    }
}
