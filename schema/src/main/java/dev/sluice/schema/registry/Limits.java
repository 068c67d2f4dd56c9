package dev.sluice.schema.registry;

/**
 * Quotas in the manner of Glue's service quotas, for the node's account: exceeding one is a
 * ResourceNumberLimitExceededException.
 */
public record Limits(int registries, int schemas, int versionsPerSchema, int metadataPerVersion) {

    /** The node's defaults (100 registries, 10,000 schemas, 1,000 versions a schema, 10 metadata pairs a version). */
    public static Limits glue() {
        return new Limits(100, 10_000, 1_000, 10);
    }
}
