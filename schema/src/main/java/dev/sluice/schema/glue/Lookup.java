package dev.sluice.schema.glue;

import dev.sluice.schema.RegistryException;
import dev.sluice.schema.registry.Arns;
import dev.sluice.schema.registry.RegisteredSchema;
import dev.sluice.schema.registry.Registry;
import dev.sluice.schema.registry.RegistryState;
import dev.sluice.schema.registry.SchemaVersion;

import java.util.UUID;

/**
 * Finds the entities that requests name: a RegistryId, a SchemaId, a version by id or by number. The not-found
 * messages are Glue's: AWS's serde tells "Schema is not found." from "Schema version is not found." by them.
 */
final class Lookup {

    static final String SCHEMA_NOT_FOUND = "Schema is not found.";
    static final String VERSION_NOT_FOUND = "Schema version is not found.";

    private final RegistryState state;
    private final RegistryContext context;
    private final Arns arns;

    Lookup(RegistryContext context) {
        this.context = context;
        this.state = context.state();
        this.arns = context.arns();
    }

    /** The registry of a RegistryId structure: by RegistryArn, else by RegistryName. */
    String registryName(GlueRequest registryId) {
        String arn = registryId.string("RegistryArn", Constraint.ARN);
        String name = registryId.string("RegistryName", Constraint.NAME);
        if (arn != null) {
            var parsed = arns.parse(arn).filter(p -> p.schemaName() == null)
                    .orElseThrow(() -> RegistryException.invalidInput("Invalid registry ARN: " + arn));
            if (name != null && !name.equals(parsed.registryName())) {
                throw RegistryException.invalidInput("RegistryName " + name + " does not match RegistryArn " + arn);
            }
            return parsed.registryName();
        }
        if (name == null) {
            throw RegistryException.invalidInput("RegistryId must name the registry: RegistryName or RegistryArn");
        }
        return name;
    }

    Registry registry(GlueRequest registryId) {
        String name = registryName(registryId);
        return state.registry(name).orElseThrow(() -> registryNotFound(name));
    }

    static RegistryException registryNotFound(String name) {
        return RegistryException.notFound("Registry is not found. RegistryName: " + name);
    }

    /** The schema of a SchemaId structure: by SchemaArn, else by SchemaName in RegistryName (default-registry). */
    RegisteredSchema schema(GlueRequest schemaId) {
        String arn = schemaId.string("SchemaArn", Constraint.ARN);
        String registryName;
        String schemaName;
        if (arn != null) {
            var parsed = arns.parse(arn).filter(p -> p.schemaName() != null)
                    .orElseThrow(() -> RegistryException.invalidInput("Invalid schema ARN: " + arn));
            registryName = parsed.registryName();
            schemaName = parsed.schemaName();
        } else {
            schemaName = schemaId.string("SchemaName", Constraint.NAME);
            if (schemaName == null) {
                throw RegistryException.invalidInput("SchemaId must name the schema: SchemaArn, or SchemaName with"
                        + " RegistryName");
            }
            String given = schemaId.string("RegistryName", Constraint.NAME);
            registryName = given == null ? RegistryContext.DEFAULT_REGISTRY : given;
        }
        if (state.registry(registryName).isEmpty() && !registryName.equals(RegistryContext.DEFAULT_REGISTRY)) {
            throw registryNotFound(registryName);
        }
        return state.schema(registryName, schemaName).orElseThrow(() -> RegistryException.notFound(
                SCHEMA_NOT_FOUND + " RegistryName: " + registryName + ", SchemaName: " + schemaName));
    }

    /** A version by SchemaVersionId, or by SchemaId and SchemaVersionNumber (a number, or the latest). */
    SchemaVersion version(GlueRequest request) {
        String id = request.string("SchemaVersionId", Constraint.VERSION_ID);
        if (id != null) {
            UUID versionId = UUID.fromString(id);
            // a version another node has just registered may not have reached this node's tail yet: a reader of
            // a record written with it (AWS's deserializer) asks right away
            return state.version(versionId)
                    .or(() -> {
                        context.catchUp();
                        return state.version(versionId);
                    })
                    .orElseThrow(() -> RegistryException.notFound(VERSION_NOT_FOUND + " SchemaVersionId: " + id));
        }
        if (!request.has("SchemaId") || !request.has("SchemaVersionNumber")) {
            throw RegistryException.invalidInput("Give either SchemaVersionId, or SchemaId and SchemaVersionNumber");
        }
        RegisteredSchema schema = schema(request.structure("SchemaId"));
        return version(schema, request.structure("SchemaVersionNumber"));
    }

    SchemaVersion version(RegisteredSchema schema, GlueRequest versionNumber) {
        Boolean latest = versionNumber.bool("LatestVersion");
        Long number = versionNumber.number("VersionNumber", 1, 100_000);
        if (Boolean.TRUE.equals(latest) == (number != null)) {
            throw RegistryException.invalidInput("SchemaVersionNumber must give either LatestVersion true or a"
                    + " VersionNumber");
        }
        long wanted = number != null ? number : schema.latestVersion();
        return state.version(schema, wanted).orElseThrow(() -> RegistryException.notFound(VERSION_NOT_FOUND
                + " RegistryName: " + schema.registryName() + ", SchemaName: " + schema.name() + ", VersionNumber: "
                + (number != null ? number : "latest")));
    }

    RegisteredSchema schemaOf(SchemaVersion version) {
        return state.schema(version.registryName(), version.schemaName()).orElseThrow(() ->
                RegistryException.notFound(SCHEMA_NOT_FOUND + " SchemaName: " + version.schemaName()));
    }
}
