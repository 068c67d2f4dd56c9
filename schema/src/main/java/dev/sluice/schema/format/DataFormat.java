package dev.sluice.schema.format;

/** The data formats Glue's registry holds schemas in. */
public enum DataFormat {
    AVRO,
    JSON,
    PROTOBUF
}
