package dev.sluice.schema.glue;

import dev.sluice.schema.RegistryException;
import dev.sluice.schema.compatibility.Compatibility;
import dev.sluice.schema.format.DataFormat;
import dev.sluice.schema.format.ParsedSchema;
import dev.sluice.schema.registry.EntityKeys;
import dev.sluice.schema.registry.RegisteredSchema;
import dev.sluice.schema.registry.Registry;
import dev.sluice.schema.registry.RegistryState;
import dev.sluice.schema.registry.SchemaVersion;
import dev.sluice.schema.store.Change;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** CreateSchema, GetSchema, ListSchemas, UpdateSchema, DeleteSchema. */
final class SchemaOperations {

    private final RegistryContext context;
    private final Lookup lookup;
    private final RegistryOperations registries;

    SchemaOperations(RegistryContext context, RegistryOperations registries) {
        this.context = context;
        this.lookup = new Lookup(context);
        this.registries = registries;
    }

    void register(GlueApi api) {
        api.operation("CreateSchema", this::create);
        api.operation("GetSchema", this::get);
        api.operation("ListSchemas", this::list);
        api.operation("UpdateSchema", this::update);
        api.operation("DeleteSchema", this::delete);
    }

    private record Created(Registry registry, RegisteredSchema schema, SchemaVersion version) {
    }

    /**
     * Creates the schema and, given a definition, its first version, in one write. Without a RegistryId the schema
     * goes to default-registry, which is created on first use, as Glue does.
     */
    private Out create(GlueRequest request) {
        GlueRequest registryId = request.structure("RegistryId");
        String registryName = registryId.isEmpty() ? RegistryContext.DEFAULT_REGISTRY
                : lookup.registryName(registryId);
        String name = request.requiredString("SchemaName", Constraint.NAME);
        DataFormat format = request.requiredEnum("DataFormat", DataFormat.class);
        Compatibility given = request.enumValue("Compatibility", Compatibility.class);
        Compatibility compatibility = given == null ? Compatibility.BACKWARD : given;
        String description = request.string("Description", Constraint.DESCRIPTION);
        Map<String, String> tags = request.tags("Tags");
        String definition = request.string("SchemaDefinition", Constraint.DEFINITION);
        ParsedSchema parsed = definition == null ? null : Definitions.parse(format, definition);

        Created created = context.change(() -> {
            List<Change> changes = new ArrayList<>();
            Registry registry = context.state().registry(registryName).orElse(null);
            if (registry == null) {
                if (!registryName.equals(RegistryContext.DEFAULT_REGISTRY)) {
                    throw Lookup.registryNotFound(registryName);
                }
                registry = registries.newRegistry(registryName, "The default registry", Map.of());
                changes.add(RegistryState.put(registry));
            }
            if (context.state().schema(registryName, name).isPresent()) {
                throw RegistryException.alreadyExists("Schema already exists. SchemaName: " + name
                        + ", RegistryName: " + registryName);
            }
            if (context.state().schemaCount() >= context.limits().schemas()) {
                throw RegistryException.limitExceeded("The account already has the maximum of "
                        + context.limits().schemas() + " schemas");
            }
            String now = context.now();
            RegisteredSchema schema = new RegisteredSchema(registryName, name, format, compatibility, description,
                    "AVAILABLE", 1, 0, 1, now, now, tags);
            SchemaVersion version = null;
            if (parsed != null) {
                version = Definitions.nextVersion(context.state(), schema, parsed, now,
                        context.limits().versionsPerSchema());
                schema = schema.withVersionAdded(version.versionNumber(), now);
                changes.add(RegistryState.put(version));
            }
            changes.add(RegistryState.put(schema));
            context.write(changes);
            return new Created(registry, schema, version);
        });
        RegisteredSchema schema = created.schema();
        return schemaOut(schema)
                .put("Tags", schema.tags())
                .put("SchemaVersionId", created.version() == null ? null : created.version().id().toString())
                .put("SchemaVersionStatus", created.version() == null ? null : created.version().status());
    }

    private Out get(GlueRequest request) {
        RegisteredSchema schema = lookup.schema(request.requiredStructure("SchemaId"));
        return schemaOut(schema)
                .put("CreatedTime", schema.createdTime())
                .put("UpdatedTime", schema.updatedTime());
    }

    /** The members that CreateSchema and GetSchema both answer with, in the API model's order. */
    private Out schemaOut(RegisteredSchema schema) {
        return Out.object()
                .put("RegistryName", schema.registryName())
                .put("RegistryArn", context.arns().registry(schema.registryName()))
                .put("SchemaName", schema.name())
                .put("SchemaArn", context.arns().schema(schema.registryName(), schema.name()))
                .put("Description", schema.description())
                .put("DataFormat", schema.dataFormat())
                .put("Compatibility", schema.compatibility())
                .put("SchemaCheckpoint", schema.checkpoint())
                .putVersion("LatestSchemaVersion", schema.latestVersion())
                .put("NextSchemaVersion", schema.nextVersion())
                .put("SchemaStatus", schema.status());
    }

    /** The schemas of one registry, or of all registries when no RegistryId is given. */
    private Out list(GlueRequest request) {
        GlueRequest registryId = request.structure("RegistryId");
        Long max = request.number("MaxResults", 1, 100);
        String token = request.string("NextToken", Constraint.TOKEN);
        List<RegisteredSchema> schemas = registryId.isEmpty()
                ? context.state().registries().stream().flatMap(r -> context.state().schemas(r.name()).stream())
                        .toList()
                : context.state().schemas(lookup.registry(registryId).name());
        List<RegisteredSchema> sorted = schemas.stream().sorted(Comparator.comparing(SchemaOperations::sortKey))
                .toList();
        var page = Paging.page(sorted, SchemaOperations::sortKey, max, 25, token);
        return Out.object()
                .put("Schemas", page.items().stream().map(schema -> Out.object()
                        .put("RegistryName", schema.registryName())
                        .put("SchemaName", schema.name())
                        .put("SchemaArn", context.arns().schema(schema.registryName(), schema.name()))
                        .put("Description", schema.description())
                        .put("SchemaStatus", schema.status())
                        .put("CreatedTime", schema.createdTime())
                        .put("UpdatedTime", schema.updatedTime())).toList())
                .put("NextToken", page.nextToken());
    }

    private static String sortKey(RegisteredSchema schema) {
        return schema.registryName() + "/" + schema.name();
    }

    /**
     * Changes the compatibility mode, the description or the checkpoint. As in Glue, a new compatibility mode needs
     * SchemaVersionNumber: the version it applies from (the checkpoint).
     */
    private Out update(GlueRequest request) {
        GlueRequest schemaId = request.requiredStructure("SchemaId");
        GlueRequest versionNumber = request.structure("SchemaVersionNumber");
        Compatibility compatibility = request.enumValue("Compatibility", Compatibility.class);
        String description = request.string("Description", Constraint.DESCRIPTION);
        if (compatibility == null && description == null && versionNumber.isEmpty()) {
            throw RegistryException.invalidInput("UpdateSchema needs Compatibility, Description or"
                    + " SchemaVersionNumber");
        }
        if (compatibility != null && versionNumber.isEmpty()) {
            throw RegistryException.invalidInput("A new Compatibility needs SchemaVersionNumber, the version it"
                    + " applies from (the checkpoint)");
        }
        RegisteredSchema updated = context.change(() -> {
            RegisteredSchema schema = lookup.schema(schemaId);
            long checkpoint = versionNumber.isEmpty() ? schema.checkpoint()
                    : checkpoint(lookup.version(schema, versionNumber));
            RegisteredSchema changed = schema.withSettings(
                    compatibility == null ? schema.compatibility() : compatibility,
                    description == null ? schema.description() : description, checkpoint, context.now());
            context.write(List.of(RegistryState.put(changed)));
            return changed;
        });
        return Out.object()
                .put("SchemaArn", context.arns().schema(updated.registryName(), updated.name()))
                .put("SchemaName", updated.name())
                .put("RegistryName", updated.registryName());
    }

    private static long checkpoint(SchemaVersion version) {
        if (!version.available()) {
            throw RegistryException.invalidInput("Version " + version.versionNumber() + " has status "
                    + version.status() + " and cannot be the schema's checkpoint");
        }
        return version.versionNumber();
    }

    private Out delete(GlueRequest request) {
        GlueRequest schemaId = request.requiredStructure("SchemaId");
        RegisteredSchema deleted = context.change(() -> {
            RegisteredSchema schema = lookup.schema(schemaId);
            context.write(removal(context.state(), schema));
            return schema;
        });
        return Out.object()
                .put("SchemaArn", context.arns().schema(deleted.registryName(), deleted.name()))
                .put("SchemaName", deleted.name())
                .put("Status", "DELETING");
    }

    /** The changes that remove a schema and all its versions. */
    static List<Change> removal(RegistryState state, RegisteredSchema schema) {
        List<Change> changes = new ArrayList<>();
        for (SchemaVersion version : state.versions(schema)) {
            changes.add(Change.remove(EntityKeys.version(version.id())));
        }
        changes.add(Change.remove(EntityKeys.schema(schema.registryName(), schema.name())));
        return changes;
    }
}
