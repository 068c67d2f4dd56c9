package dev.sluice.schema.format;

/** Protocol Buffers definitions ({@code .proto} text, proto2 or proto3), checked by {@link ProtoParser}. */
public final class ProtobufFormat implements SchemaFormat {

    @Override
    public ProtoSchema parse(String definition) throws InvalidSchemaException {
        return ProtoParser.parse(definition);
    }
}
