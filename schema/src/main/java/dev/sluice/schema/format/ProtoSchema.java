package dev.sluice.schema.format;

import java.util.Map;

/**
 * A {@code .proto} definition and what compatibility checks need of it: each message by full name with its fields
 * by number.
 */
public record ProtoSchema(String definition, String syntax, String protoPackage, Map<String, Message> messages,
                          String normalized) implements ParsedSchema {

    /** A message: its fields by number. */
    public record Message(String fullName, Map<Integer, Field> fields) {
    }

    /** A field; {@code type} as written (a scalar type, a message or enum name, or {@code map<K,V>}). */
    public record Field(String name, int number, String type, String label) {
    }

    @Override
    public DataFormat dataFormat() {
        return DataFormat.PROTOBUF;
    }
}
