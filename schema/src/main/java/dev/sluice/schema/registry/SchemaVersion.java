package dev.sluice.schema.registry;

import java.util.List;
import java.util.UUID;

/**
 * One version of a schema, with its metadata (key/value pairs, several values per key allowed).
 * {@code normalizedDefinition} is the definition as its format normalizes it, which lookups by definition match.
 * {@code globalId} numbers versions across all schemas (1, 2, ...), for the Confluent-compatible API's schema ids.
 */
public record SchemaVersion(UUID id, long globalId, String registryName, String schemaName, long versionNumber,
                            String definition, String normalizedDefinition, String status, String createdTime,
                            List<Metadata> metadata) {

    /** A metadata key/value pair of a version. */
    public record Metadata(String key, String value, String createdTime) {
    }

    public SchemaVersion {
        metadata = metadata == null ? List.of() : List.copyOf(metadata);
    }

    public SchemaVersion withMetadata(List<Metadata> newMetadata) {
        return new SchemaVersion(id, globalId, registryName, schemaName, versionNumber, definition,
                normalizedDefinition, status, createdTime, newMetadata);
    }
}
