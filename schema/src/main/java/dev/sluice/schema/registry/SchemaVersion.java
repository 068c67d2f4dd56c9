package dev.sluice.schema.registry;

import java.util.List;
import java.util.UUID;

/**
 * One version of a schema, with its metadata (key/value pairs, several values per key allowed).
 * {@code normalizedDefinition} is the definition as its format normalizes it, which lookups by definition match.
 * {@code globalId} numbers versions across all schemas (1, 2, ...), for the Confluent-compatible API's schema ids.
 * {@code status} is Glue's: {@value #AVAILABLE}, or {@value #FAILURE} for a version its schema's compatibility mode
 * refused, kept (as Glue keeps it) with the refusal in {@code failure} (null otherwise).
 */
public record SchemaVersion(UUID id, long globalId, String registryName, String schemaName, long versionNumber,
                            String definition, String normalizedDefinition, String status, String failure,
                            String createdTime, List<Metadata> metadata) {

    public static final String AVAILABLE = "AVAILABLE";
    public static final String FAILURE = "FAILURE";

    /** A metadata key/value pair of a version. */
    public record Metadata(String key, String value, String createdTime) {
    }

    public SchemaVersion {
        metadata = metadata == null ? List.of() : List.copyOf(metadata);
    }

    public SchemaVersion withMetadata(List<Metadata> newMetadata) {
        return new SchemaVersion(id, globalId, registryName, schemaName, versionNumber, definition,
                normalizedDefinition, status, failure, createdTime, newMetadata);
    }

    /** Whether the version may be used: not refused by its schema's compatibility mode. */
    public boolean available() {
        return AVAILABLE.equals(status);
    }
}
