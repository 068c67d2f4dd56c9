package dev.sluice.connect.lambda.filter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * Compiles one filter pattern, in the syntax Lambda shares with EventBridge, into a {@link Node.Fields}; anything it
 * does not support is refused with a message that says what is wrong, rather than silently never matching.
 */
final class PatternParser {

    static final String OPERATORS = "prefix, suffix, equals-ignore-case, anything-but, numeric, exists";
    private static final String OR = "$or";

    private PatternParser() {
    }

    static Node.Fields parse(JsonNode pattern) {
        if (!pattern.isObject() || pattern.asObject().isEmpty()) {
            throw new IllegalArgumentException("A filter pattern is a JSON object with at least one field, such as "
                    + "{\"value\": {\"device_ID\": [{\"prefix\": \"AB\"}]}}");
        }
        return fields(pattern.asObject(), "");
    }

    private static Node.Fields fields(Map<String, JsonNode> object, String path) {
        Map<String, Node> fields = new LinkedHashMap<>();
        List<Node.Fields> alternatives = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : object.entrySet()) {
            String name = entry.getKey();
            JsonNode node = entry.getValue();
            String at = path.isEmpty() ? name : path + "." + name;
            if (OR.equals(name)) {
                alternatives.addAll(alternatives(node, path));
            } else if (node.isObject()) {
                if (node.asObject().isEmpty()) {
                    throw new IllegalArgumentException("The pattern of " + at + " is an empty object");
                }
                fields.put(name, fields(node.asObject(), at));
            } else if (node.isArray()) {
                fields.put(name, leaf(node.asArray(), at));
            } else {
                throw new IllegalArgumentException("The pattern of " + at + " must be an array of values or rules, "
                        + "such as [\"a\", \"b\"] or [{\"prefix\": \"a\"}], or an object of fields");
            }
        }
        return new Node.Fields(fields, alternatives);
    }

    private static List<Node.Fields> alternatives(JsonNode node, String path) {
        if (!node.isArray() || node.asArray().size() < 2) {
            throw new IllegalArgumentException("$or" + (path.isEmpty() ? "" : " in " + path) + " needs an array of "
                    + "at least two patterns");
        }
        List<Node.Fields> alternatives = new ArrayList<>();
        for (JsonNode alternative : node.asArray()) {
            if (!alternative.isObject() || alternative.asObject().isEmpty()) {
                throw new IllegalArgumentException("Each pattern of $or must be a non-empty object");
            }
            alternatives.add(fields(alternative.asObject(), path));
        }
        return alternatives;
    }

    private static Node.Leaf leaf(List<JsonNode> values, String at) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("The pattern of " + at + " is an empty array, which matches nothing");
        }
        List<Condition> conditions = new ArrayList<>();
        for (JsonNode value : values) {
            if (value.isArray()) {
                throw new IllegalArgumentException("The pattern of " + at + " nests an array in an array");
            }
            conditions.add(value.isObject() ? rule(value.asObject(), at) : new Condition.Equals(value));
        }
        return new Node.Leaf(conditions);
    }

    private static Condition rule(Map<String, JsonNode> rule, String at) {
        if (rule.size() != 1) {
            throw new IllegalArgumentException("A rule of " + at + " must have exactly one operator (" + OPERATORS
                    + ")");
        }
        var entry = rule.entrySet().iterator().next();
        JsonNode operand = entry.getValue();
        String operator = entry.getKey();
        return switch (operator) {
            case "prefix" -> new Condition.Prefix(affix(operand, operator, at), ignoresCase(operand));
            case "suffix" -> new Condition.Suffix(affix(operand, operator, at), ignoresCase(operand));
            case "equals-ignore-case" -> new Condition.EqualsIgnoreCase(string(operand, operator, at));
            case "anything-but" -> new Condition.AnythingBut(excluded(operand, at));
            case "numeric" -> new Condition.Numeric(bounds(operand, at));
            case "exists" -> {
                if (!operand.isBoolean()) {
                    throw new IllegalArgumentException("exists in " + at + " takes true or false");
                }
                yield new Condition.Exists(operand.asBoolean());
            }
            default -> throw new IllegalArgumentException("Unsupported filter operator '" + operator + "' in " + at
                    + "; Lambda's filter rules are exact values and " + OPERATORS);
        };
    }

    /** The text of {@code "us-"} or {@code {"equals-ignore-case": "US-"}}. */
    private static String affix(JsonNode operand, String operator, String at) {
        if (operand.isObject()) {
            Map<String, JsonNode> nested = operand.asObject();
            if (nested.size() != 1 || !nested.containsKey("equals-ignore-case")) {
                throw new IllegalArgumentException(operator + " in " + at + " takes a string or "
                        + "{\"equals-ignore-case\": <string>}");
            }
            return string(nested.get("equals-ignore-case"), operator, at);
        }
        return string(operand, operator, at);
    }

    private static boolean ignoresCase(JsonNode operand) {
        return operand.isObject();
    }

    private static String string(JsonNode operand, String operator, String at) {
        if (!operand.isString()) {
            throw new IllegalArgumentException(operator + " in " + at + " takes a string");
        }
        return operand.asString();
    }

    private static List<Condition> excluded(JsonNode operand, String at) {
        if (operand.isObject()) {
            Map<String, JsonNode> nested = operand.asObject();
            if (nested.size() == 1 && nested.containsKey("equals-ignore-case")
                    && nested.get("equals-ignore-case").isArray()) {
                return nested.get("equals-ignore-case").asArray().stream()
                        .<Condition>map(v -> new Condition.EqualsIgnoreCase(string(v, "anything-but", at))).toList();
            }
            if (nested.size() == 1 && List.of("prefix", "suffix", "equals-ignore-case")
                    .contains(nested.keySet().iterator().next())) {
                return List.of(rule(nested, at));
            }
            throw new IllegalArgumentException("anything-but in " + at + " takes a value, an array of values, or "
                    + "{\"prefix\": ...}, {\"suffix\": ...} or {\"equals-ignore-case\": ...}");
        }
        List<JsonNode> values = operand.isArray() ? operand.asArray() : List.of(operand);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("anything-but in " + at + " needs at least one value");
        }
        List<Condition> excluded = new ArrayList<>();
        for (JsonNode value : values) {
            if (value.isArray() || value.isObject()) {
                throw new IllegalArgumentException("anything-but in " + at + " takes strings, numbers, booleans or "
                        + "null");
            }
            excluded.add(new Condition.Equals(value));
        }
        return excluded;
    }

    private static List<Condition.Numeric.Bound> bounds(JsonNode operand, String at) {
        List<JsonNode> items = operand.isArray() ? operand.asArray() : List.of();
        if (items.isEmpty() || items.size() % 2 != 0 || items.size() > 4) {
            throw new IllegalArgumentException("numeric in " + at + " takes one or two comparisons, such as "
                    + "[\"=\", 100] or [\">\", 10, \"<=\", 20]");
        }
        List<Condition.Numeric.Bound> bounds = new ArrayList<>();
        for (int i = 0; i < items.size(); i += 2) {
            JsonNode operator = items.get(i);
            JsonNode number = items.get(i + 1);
            if (!operator.isString() || !Condition.Numeric.Bound.OPERATORS.contains(operator.asString())) {
                throw new IllegalArgumentException("numeric in " + at + ": expected one of "
                        + Condition.Numeric.Bound.OPERATORS + " before each number");
            }
            if (!number.isNumber()) {
                throw new IllegalArgumentException("numeric in " + at + ": '" + operator.asString() + "' must be "
                        + "followed by a number");
            }
            bounds.add(new Condition.Numeric.Bound(operator.asString(), new BigDecimal(number.asNumber())));
        }
        return bounds;
    }
}
