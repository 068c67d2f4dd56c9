package dev.sluice.schema.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.Schema;

import java.util.LinkedHashSet;
import java.util.Set;

/** Avro schemas, parsed by Apache Avro's own parser with its validation of names and defaults. */
public final class AvroFormat implements SchemaFormat {

    private static final Set<String> PRIMITIVES = Set.of("null", "boolean", "int", "long", "float", "double",
            "bytes", "string");
    private static final Set<String> NAMED = Set.of("record", "error", "enum", "fixed");

    @Override
    public AvroSchema parse(String definition) throws InvalidSchemaException {
        try {
            Schema schema = new Schema.Parser().setValidateDefaults(true).parse(definition);
            return new AvroSchema(definition, schema);
        } catch (RuntimeException e) {
            // Avro reports bad names, types and defaults as SchemaParseException or AvroTypeException, and malformed
            // JSON as either; all unchecked.
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            if (message.contains("UnresolvedSchema")) {
                // Avro 1.12 names a type it cannot resolve by a placeholder; name the types the user wrote instead.
                message = "Undefined name(s): " + String.join(", ", undefinedNames(definition));
            }
            throw new InvalidSchemaException(message);
        }
    }

    /** The type names a definition uses that are neither primitive nor defined in it. */
    private static Set<String> undefinedNames(String definition) {
        Set<String> defined = new LinkedHashSet<>();
        Set<String> used = new LinkedHashSet<>();
        try {
            collect(new ObjectMapper().readTree(definition), defined, used);
        } catch (Exception e) {
            return Set.of("(unknown)");
        }
        used.removeIf(name -> PRIMITIVES.contains(name) || NAMED.contains(name) || name.equals("array")
                || name.equals("map") || defined.contains(name)
                || defined.contains(name.substring(name.lastIndexOf('.') + 1)));
        return used.isEmpty() ? Set.of("(unknown)") : used;
    }

    private static void collect(JsonNode node, Set<String> defined, Set<String> used) {
        if (node.isTextual()) {
            used.add(node.asText());
        } else if (node.isArray()) {
            node.forEach(item -> collect(item, defined, used));
        } else if (node.isObject()) {
            if (NAMED.contains(node.path("type").asText()) && node.has("name")) {
                String name = node.get("name").asText();
                defined.add(name);
                defined.add(name.substring(name.lastIndexOf('.') + 1));
                if (node.has("namespace")) {
                    defined.add(node.get("namespace").asText() + "." + name);
                }
            }
            for (String member : new String[] {"type", "items", "values"}) {
                if (node.has(member)) {
                    collect(node.get(member), defined, used);
                }
            }
            node.path("fields").forEach(field -> collect(field, defined, used));
        }
    }

    /** An Avro definition and its parsed schema. */
    public record AvroSchema(String definition, Schema schema) implements ParsedSchema {

        @Override
        public DataFormat dataFormat() {
            return DataFormat.AVRO;
        }

        @Override
        public String normalized() {
            return schema.toString();
        }
    }
}
