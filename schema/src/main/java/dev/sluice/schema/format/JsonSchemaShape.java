package dev.sluice.schema.format;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Checks that each JSON Schema keyword of a schema, and of every schema nested in it, has its specified shape. */
final class JsonSchemaShape {

    static final Set<String> TYPES = Set.of("null", "boolean", "object", "array", "number", "string", "integer");
    private static final Set<String> SCHEMA_KEYWORDS = Set.of("additionalProperties", "additionalItems", "not",
            "contains", "propertyNames", "if", "then", "else", "unevaluatedItems", "unevaluatedProperties");
    private static final Set<String> SCHEMA_MAP_KEYWORDS = Set.of("properties", "patternProperties", "definitions",
            "$defs", "dependentSchemas");
    private static final Set<String> SCHEMA_ARRAY_KEYWORDS = Set.of("allOf", "anyOf", "oneOf", "prefixItems");
    private static final Set<String> COUNT_KEYWORDS = Set.of("minLength", "maxLength", "minItems", "maxItems",
            "minProperties", "maxProperties", "minContains", "maxContains");
    private static final Set<String> NUMBER_KEYWORDS = Set.of("minimum", "maximum", "multipleOf");

    private JsonSchemaShape() {
    }

    static void check(JsonNode schema, String at) throws InvalidSchemaException {
        if (schema.isBoolean()) {
            return;
        }
        if (!schema.isObject()) {
            throw invalid(at, "a schema must be a JSON object or a boolean, not " + schema.getNodeType());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            checkKeyword(field.getKey(), field.getValue(), at + "/" + field.getKey());
        }
    }

    private static void checkKeyword(String keyword, JsonNode value, String at) throws InvalidSchemaException {
        if (keyword.equals("type")) {
            checkType(value, at);
        } else if (SCHEMA_KEYWORDS.contains(keyword)) {
            check(value, at);
        } else if (SCHEMA_MAP_KEYWORDS.contains(keyword)) {
            if (!value.isObject()) {
                throw invalid(at, "'" + keyword + "' must be an object of schemas");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                check(entry.getValue(), at + "/" + entry.getKey());
            }
            if (keyword.equals("patternProperties")) {
                for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
                    checkPattern(names.next(), at);
                }
            }
        } else if (SCHEMA_ARRAY_KEYWORDS.contains(keyword)) {
            if (!value.isArray() || value.isEmpty()) {
                throw invalid(at, "'" + keyword + "' must be a non-empty array of schemas");
            }
            for (int i = 0; i < value.size(); i++) {
                check(value.get(i), at + "/" + i);
            }
        } else if (keyword.equals("items")) {
            if (value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    check(value.get(i), at + "/" + i);
                }
            } else {
                check(value, at);
            }
        } else if (keyword.equals("required")) {
            checkUniqueStrings(value, at, "'required' must be an array of unique property names");
        } else if (keyword.equals("enum")) {
            if (!value.isArray()) {
                throw invalid(at, "'enum' must be an array");
            }
        } else if (COUNT_KEYWORDS.contains(keyword)) {
            if (!value.canConvertToLong() || !value.isIntegralNumber() || value.asLong() < 0) {
                throw invalid(at, "'" + keyword + "' must be a non-negative integer");
            }
        } else if (NUMBER_KEYWORDS.contains(keyword)) {
            if (!value.isNumber()) {
                throw invalid(at, "'" + keyword + "' must be a number");
            }
        } else if (keyword.equals("pattern")) {
            if (!value.isTextual()) {
                throw invalid(at, "'pattern' must be a string");
            }
            checkPattern(value.asText(), at);
        }
        // Other keywords ($id, title, format, const, default, ...) take any value, or are extensions.
    }

    private static void checkType(JsonNode value, String at) throws InvalidSchemaException {
        if (value.isTextual()) {
            if (!TYPES.contains(value.asText())) {
                throw invalid(at, "'" + value.asText() + "' is not a JSON Schema type (one of " + sorted() + ")");
            }
            return;
        }
        if (!value.isArray() || value.isEmpty()) {
            throw invalid(at, "'type' must be a type name or a non-empty array of type names");
        }
        checkUniqueStrings(value, at, "'type' must list unique type names");
        for (JsonNode type : value) {
            if (!TYPES.contains(type.asText())) {
                throw invalid(at, "'" + type.asText() + "' is not a JSON Schema type (one of " + sorted() + ")");
            }
        }
    }

    private static void checkUniqueStrings(JsonNode value, String at, String rule) throws InvalidSchemaException {
        if (!value.isArray()) {
            throw invalid(at, rule);
        }
        Set<String> seen = new HashSet<>();
        for (JsonNode item : value) {
            if (!item.isTextual() || !seen.add(item.asText())) {
                throw invalid(at, rule);
            }
        }
    }

    private static void checkPattern(String regex, String at) throws InvalidSchemaException {
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw invalid(at, "'" + regex + "' is not a regular expression: " + e.getDescription());
        }
    }

    private static String sorted() {
        return String.join(", ", new java.util.TreeSet<>(TYPES));
    }

    private static InvalidSchemaException invalid(String at, String problem) {
        return new InvalidSchemaException("At " + at + ": " + problem);
    }
}
