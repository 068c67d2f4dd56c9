package dev.sluice.schema.glue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.sluice.schema.RegistryException;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request body (or a structure inside one), read member by member with the API model's constraints; a member
 * that breaks one is an InvalidInputException naming the member and the constraint.
 */
final class GlueRequest {

    private final JsonNode node;
    private final String path;

    GlueRequest(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    boolean has(String member) {
        JsonNode value = node.get(member);
        return value != null && !value.isNull();
    }

    String string(String member, Constraint constraint) {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw invalid(member, "Member must be a string");
        }
        String violation = constraint.violation(value.asText());
        if (violation != null) {
            throw RegistryException.invalidInput("1 validation error detected: Value '" + abbreviate(value.asText())
                    + "' at '" + at(member) + "' failed to satisfy constraint: " + violation);
        }
        return value.asText();
    }

    String requiredString(String member, Constraint constraint) {
        String value = string(member, constraint);
        if (value == null) {
            throw missing(member);
        }
        return value;
    }

    <E extends Enum<E>> E enumValue(String member, Class<E> type) {
        String value = string(member, Constraint.ANY);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            List<String> allowed = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                allowed.add(constant.name());
            }
            throw invalid(member, "Value '" + value + "' at '" + at(member)
                    + "' failed to satisfy constraint: Member must satisfy enum value set: " + allowed);
        }
    }

    <E extends Enum<E>> E requiredEnum(String member, Class<E> type) {
        E value = enumValue(member, type);
        if (value == null) {
            throw missing(member);
        }
        return value;
    }

    Long number(String member, long min, long max) {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber()) {
            throw invalid(member, "Member must be an integer");
        }
        long number = value.asLong();
        if (number < min || number > max) {
            throw RegistryException.invalidInput("1 validation error detected: Value '" + number + "' at '"
                    + at(member) + "' failed to satisfy constraint: Member must have value between " + min + " and "
                    + max);
        }
        return number;
    }

    Boolean bool(String member) {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw invalid(member, "Member must be a boolean");
        }
        return value.asBoolean();
    }

    /** A structure member; an absent one reads as an empty structure. */
    GlueRequest structure(String member) {
        JsonNode value = node.get(member);
        if (value != null && !value.isNull() && !value.isObject()) {
            throw invalid(member, "Member must be a structure");
        }
        return new GlueRequest(value == null || value.isNull() ? MissingNode.getInstance() : value, at(member));
    }

    GlueRequest requiredStructure(String member) {
        if (!has(member)) {
            throw missing(member);
        }
        return structure(member);
    }

    List<GlueRequest> structures(String member) {
        JsonNode value = node.get(member);
        List<GlueRequest> out = new ArrayList<>();
        if (value == null || value.isNull()) {
            return out;
        }
        if (!value.isArray()) {
            throw invalid(member, "Member must be a list");
        }
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isObject()) {
                throw invalid(member, "Member must be a list of structures");
            }
            out.add(new GlueRequest(value.get(i), at(member) + "." + (i + 1)));
        }
        return out;
    }

    List<String> strings(String member, Constraint constraint, int maxItems) {
        JsonNode value = node.get(member);
        List<String> out = new ArrayList<>();
        if (value == null || value.isNull()) {
            return out;
        }
        if (!value.isArray()) {
            throw invalid(member, "Member must be a list");
        }
        if (value.size() > maxItems) {
            throw invalid(member, "Member must have length less than or equal to " + maxItems);
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String violation = item.isTextual() ? constraint.violation(item.asText()) : "Member must be a string";
            if (violation != null) {
                throw invalid(member, violation);
            }
            out.add(item.asText());
        }
        return out;
    }

    /** A map of tags (TagsMap): at most 50, keys of 1 to 128 characters, values of at most 256. */
    Map<String, String> tags(String member) {
        JsonNode value = node.get(member);
        Map<String, String> out = new LinkedHashMap<>();
        if (value == null || value.isNull()) {
            return out;
        }
        if (!value.isObject()) {
            throw invalid(member, "Member must be a map");
        }
        if (value.size() > 50) {
            throw invalid(member, "Member must have length less than or equal to 50");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String keyViolation = Constraint.TAG_KEY.violation(entry.getKey());
            String valueViolation = entry.getValue().isTextual()
                    ? Constraint.TAG_VALUE.violation(entry.getValue().asText()) : "Member must be a string";
            if (keyViolation != null || valueViolation != null) {
                throw invalid(member, "tag '" + abbreviate(entry.getKey()) + "': "
                        + (keyViolation != null ? keyViolation : valueViolation));
            }
            out.put(entry.getKey(), entry.getValue().asText());
        }
        return out;
    }

    boolean isEmpty() {
        return node.isMissingNode() || node.isEmpty();
    }

    private String at(String member) {
        String name = Character.toLowerCase(member.charAt(0)) + member.substring(1);
        return path.isEmpty() ? name : path + "." + name;
    }

    RegistryException missing(String member) {
        return RegistryException.invalidInput("1 validation error detected: Value null at '" + at(member)
                + "' failed to satisfy constraint: Member must not be null");
    }

    private RegistryException invalid(String member, String problem) {
        return RegistryException.invalidInput("Invalid value at '" + at(member) + "': " + problem);
    }

    private static String abbreviate(String value) {
        return value.length() <= 100 ? value : value.substring(0, 100) + "...";
    }
}
