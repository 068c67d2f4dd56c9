package dev.sluice.schema.compatibility;

import dev.sluice.schema.format.DataFormat;
import dev.sluice.schema.format.ParsedSchema;

import java.util.List;

/** One data format's rules for whether data written with one schema can be read with another. */
public interface ReadRules {

    /** Why a reader with schema {@code reader} cannot read data written with {@code writer}; empty when it can. */
    List<String> problems(ParsedSchema reader, ParsedSchema writer);

    static ReadRules of(DataFormat format) {
        return switch (format) {
            case AVRO -> new AvroReadRules();
            case JSON -> new JsonSchemaReadRules();
            case PROTOBUF -> new ProtobufReadRules();
        };
    }
}
