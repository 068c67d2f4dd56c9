package dev.sluice.schema.compatibility;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.schema.format.JsonSchemaFormat.JsonSchema;
import dev.sluice.schema.format.ParsedSchema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The common rules of JSON Schema evolution, applied to {@code type}, {@code properties}, {@code required},
 * {@code additionalProperties}, {@code items} and {@code enum}, recursively: every document the writer's schema
 * accepts must be accepted by the reader's. Keywords beyond these ({@code $ref}, combinators, formats) are not
 * compared.
 */
final class JsonSchemaReadRules implements ReadRules {

    @Override
    public List<String> problems(ParsedSchema reader, ParsedSchema writer) {
        List<String> out = new ArrayList<>();
        compare(((JsonSchema) reader).root(), ((JsonSchema) writer).root(), "#", out);
        return out;
    }

    private static void compare(JsonNode reader, JsonNode writer, String at, List<String> out) {
        if (reader.isBoolean() || writer.isBoolean()) {
            if (reader.isBoolean() && !reader.asBoolean() && !(writer.isBoolean() && !writer.asBoolean())) {
                out.add("the reader's schema at " + at + " is false and accepts nothing the writer writes");
            }
            return;
        }
        Set<String> readerTypes = types(reader);
        Set<String> writerTypes = types(writer);
        if (readerTypes != null) {
            Set<String> unread = writerTypes == null ? Set.of("any type") : new HashSet<>(writerTypes);
            unread.removeIf(type -> readerTypes.contains(type)
                    || (type.equals("integer") && readerTypes.contains("number")));
            if (!unread.isEmpty()) {
                out.add("at " + at + " the reader's type " + readerTypes + " does not accept the writer's type "
                        + (writerTypes == null ? "(any)" : writerTypes));
                return;
            }
        }
        compareEnums(reader, writer, at, out);
        compareProperties(reader, writer, at, out);
        if (reader.has("items") && reader.get("items").isObject() && writer.has("items")
                && writer.get("items").isObject()) {
            compare(reader.get("items"), writer.get("items"), at + "/items", out);
        }
    }

    private static void compareProperties(JsonNode reader, JsonNode writer, String at, List<String> out) {
        JsonNode readerProps = reader.path("properties");
        JsonNode writerProps = writer.path("properties");
        Set<String> writerRequired = strings(writer.path("required"));
        for (String required : strings(reader.path("required"))) {
            if (!writerRequired.contains(required)) {
                out.add("at " + at + " the reader requires property '" + required + "', which the writer "
                        + (writerProps.has(required) ? "does not require" : "does not have"));
            }
        }
        boolean closed = reader.path("additionalProperties").isBoolean()
                && !reader.path("additionalProperties").asBoolean();
        for (Iterator<String> it = writerProps.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            String path = at + "/properties/" + name;
            if (readerProps.has(name)) {
                compare(readerProps.get(name), writerProps.get(name), path, out);
            } else if (closed) {
                out.add("at " + at + " the writer's property '" + name
                        + "' is not allowed by the reader (additionalProperties is false)");
            } else if (reader.path("additionalProperties").isObject()) {
                compare(reader.get("additionalProperties"), writerProps.get(name), path, out);
            }
        }
    }

    private static void compareEnums(JsonNode reader, JsonNode writer, String at, List<String> out) {
        if (!reader.has("enum")) {
            return;
        }
        if (!writer.has("enum")) {
            out.add("at " + at + " the reader restricts values to an enum, which the writer does not");
            return;
        }
        List<String> missing = new ArrayList<>();
        Set<JsonNode> readerValues = new HashSet<>();
        reader.get("enum").forEach(readerValues::add);
        writer.get("enum").forEach(value -> {
            if (!readerValues.contains(value)) {
                missing.add(value.toString());
            }
        });
        if (!missing.isEmpty()) {
            out.add("at " + at + " the writer's enum values " + missing + " are missing from the reader's enum");
        }
    }

    /** The schema's types, or null when it does not restrict them. */
    private static Set<String> types(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type == null) {
            return null;
        }
        Set<String> out = new HashSet<>();
        if (type.isArray()) {
            type.forEach(t -> out.add(t.asText()));
        } else {
            out.add(type.asText());
        }
        return out;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> out = new HashSet<>();
        array.forEach(node -> out.add(node.asText()));
        return out;
    }
}
