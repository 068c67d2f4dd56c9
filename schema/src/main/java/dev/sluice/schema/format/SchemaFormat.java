package dev.sluice.schema.format;

/** Parses, and so syntax-checks, the definitions of one data format. */
public interface SchemaFormat {

    ParsedSchema parse(String definition) throws InvalidSchemaException;

    static SchemaFormat of(DataFormat format) {
        return switch (format) {
            case AVRO -> new AvroFormat();
            case JSON -> new JsonSchemaFormat();
            case PROTOBUF -> new ProtobufFormat();
        };
    }
}
