package dev.sluice.schema.glue;

import dev.sluice.schema.RegistryException;
import dev.sluice.schema.compatibility.CompatibilityChecker;
import dev.sluice.schema.compatibility.CompatibilityChecker.Earlier;
import dev.sluice.schema.format.DataFormat;
import dev.sluice.schema.format.InvalidSchemaException;
import dev.sluice.schema.format.ParsedSchema;
import dev.sluice.schema.format.SchemaFormat;
import dev.sluice.schema.registry.RegisteredSchema;
import dev.sluice.schema.registry.RegistryState;
import dev.sluice.schema.registry.SchemaVersion;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Schema definitions as requests give them: parsed, matched against stored versions, checked for compatibility. */
final class Definitions {

    private Definitions() {
    }

    static ParsedSchema parse(DataFormat format, String definition) {
        try {
            return SchemaFormat.of(format).parse(definition);
        } catch (InvalidSchemaException e) {
            throw RegistryException.invalidInput("Schema definition of " + format + " data format is invalid: "
                    + e.getMessage());
        }
    }

    /**
     * The version of the schema with this definition, as written or once normalized: an available one if there is
     * one, else one that failed its compatibility check (Glue matches a definition whatever its version's status).
     */
    static Optional<SchemaVersion> find(RegistryState state, RegisteredSchema schema, String definition) {
        List<SchemaVersion> versions = state.versions(schema);
        List<SchemaVersion> exact = versions.stream().filter(v -> v.definition().equals(definition)).toList();
        Optional<SchemaVersion> available = exact.stream().filter(SchemaVersion::available).findFirst();
        if (available.isPresent()) {
            return available; // the serde's lookups: no parsing
        }
        ParsedSchema parsed;
        try {
            parsed = SchemaFormat.of(schema.dataFormat()).parse(definition);
        } catch (InvalidSchemaException e) {
            return exact.stream().findFirst();
        }
        String normalized = parsed.normalized();
        List<SchemaVersion> same = versions.stream().filter(v -> v.normalizedDefinition().equals(normalized))
                .toList();
        return same.stream().filter(SchemaVersion::available).findFirst()
                .or(() -> exact.stream().findFirst())
                .or(() -> same.stream().findFirst());
    }

    /**
     * The next version of the schema with this definition, checked by the schema's mode against its available
     * versions since the checkpoint: {@link SchemaVersion#AVAILABLE}, or {@link SchemaVersion#FAILURE} with the
     * incompatibility, as Glue keeps a version its compatibility check fails.
     */
    static SchemaVersion nextVersion(RegistryState state, RegisteredSchema schema, ParsedSchema parsed, String now,
                                     int versionLimit) {
        List<SchemaVersion> versions = state.versions(schema);
        if (versions.size() >= versionLimit) {
            throw RegistryException.limitExceeded("Schema " + schema.name() + " already has the maximum of "
                    + versionLimit + " versions");
        }
        List<Earlier> earlier = versions.stream()
                .filter(v -> v.available() && v.versionNumber() >= schema.checkpoint())
                .map(v -> new Earlier(v.versionNumber(), parse(schema.dataFormat(), v.definition())))
                .toList();
        Optional<String> problem = CompatibilityChecker.check(schema.compatibility(), parsed, earlier);
        return new SchemaVersion(UUID.randomUUID(), state.highestGlobalId() + 1, schema.registryName(),
                schema.name(), schema.nextVersion(), parsed.definition(), parsed.normalized(),
                problem.isPresent() ? SchemaVersion.FAILURE : SchemaVersion.AVAILABLE, problem.orElse(null), now,
                List.of());
    }
}
