package dev.sluice.schema.compatibility;

import dev.sluice.schema.format.ParsedSchema;
import dev.sluice.schema.format.ProtoSchema;
import dev.sluice.schema.format.ProtoSchema.Field;
import dev.sluice.schema.format.ProtoSchema.Message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Protocol Buffers' wire rules, per message present in both schemas: a field number kept must keep a type of the
 * same wire encoding (int32, int64, uint32, uint64 and bool are interchangeable, as are string and bytes, ...), and
 * a proto2 {@code required} field of the reader must be written by the writer. Fields added or removed are fine:
 * unknown fields are skipped and missing ones take their defaults.
 */
final class ProtobufReadRules implements ReadRules {

    private static final List<Set<String>> WIRE_GROUPS = List.of(
            Set.of("int32", "int64", "uint32", "uint64", "bool"),
            Set.of("sint32", "sint64"),
            Set.of("fixed32", "sfixed32"),
            Set.of("fixed64", "sfixed64"),
            Set.of("string", "bytes"));

    @Override
    public List<String> problems(ParsedSchema reader, ParsedSchema writer) {
        List<String> out = new ArrayList<>();
        Map<String, Message> writerMessages = ((ProtoSchema) writer).messages();
        for (Message readerMessage : ((ProtoSchema) reader).messages().values()) {
            Message writerMessage = writerMessages.get(readerMessage.fullName());
            if (writerMessage != null) {
                compare(readerMessage, writerMessage, out);
            }
        }
        return out;
    }

    private static void compare(Message reader, Message writer, List<String> out) {
        for (Field readerField : reader.fields().values()) {
            Field writerField = writer.fields().get(readerField.number());
            if (writerField == null) {
                if ("required".equals(readerField.label())) {
                    out.add("message " + reader.fullName() + ": the reader's required field '" + readerField.name()
                            + "' (number " + readerField.number() + ") is missing from the writer");
                }
                continue;
            }
            if (!sameEncoding(readerField.type(), writerField.type())
                    || "repeated".equals(readerField.label()) != "repeated".equals(writerField.label())) {
                out.add("message " + reader.fullName() + ": field number " + readerField.number() + " is "
                        + describe(readerField) + " in the reader but " + describe(writerField) + " in the writer");
            }
        }
    }

    private static boolean sameEncoding(String readerType, String writerType) {
        if (readerType.equals(writerType)) {
            return true;
        }
        for (Set<String> group : WIRE_GROUPS) {
            if (group.contains(readerType) && group.contains(writerType)) {
                return true;
            }
        }
        // Message and enum types may be spelled with or without their package.
        return simpleName(readerType).equals(simpleName(writerType))
                && !Set.of(readerType, writerType).stream().anyMatch(t -> t.startsWith("map<"));
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    private static String describe(Field field) {
        return (field.label() == null ? "" : field.label() + " ") + field.type() + " '" + field.name() + "'";
    }
}
