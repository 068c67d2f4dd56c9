package dev.sluice.schema.glue;

import dev.sluice.schema.RegistryException;
import dev.sluice.schema.format.DataFormat;
import dev.sluice.schema.format.InvalidSchemaException;
import dev.sluice.schema.format.ParsedSchema;
import dev.sluice.schema.format.SchemaFormat;
import dev.sluice.schema.registry.EntityKeys;
import dev.sluice.schema.registry.RegisteredSchema;
import dev.sluice.schema.registry.RegistryState;
import dev.sluice.schema.registry.SchemaVersion;
import dev.sluice.schema.store.Change;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RegisterSchemaVersion, GetSchemaVersion, GetSchemaByDefinition, ListSchemaVersions, DeleteSchemaVersions,
 * CheckSchemaVersionValidity, GetSchemaVersionsDiff.
 */
final class VersionOperations {

    private static final Logger log = LoggerFactory.getLogger(VersionOperations.class);

    private final RegistryContext context;
    private final Lookup lookup;

    VersionOperations(RegistryContext context) {
        this.context = context;
        this.lookup = new Lookup(context);
    }

    void register(GlueApi api) {
        api.operation("RegisterSchemaVersion", this::registerVersion);
        api.operation("GetSchemaVersion", this::get);
        api.operation("GetSchemaByDefinition", this::getByDefinition);
        api.operation("ListSchemaVersions", this::list);
        api.operation("DeleteSchemaVersions", this::delete);
        api.operation("CheckSchemaVersionValidity", this::checkValidity);
        api.operation("GetSchemaVersionsDiff", this::diff);
    }

    /**
     * Adds a version, or, for a definition the schema already has available, returns that version (as Glue does).
     * A version its schema's compatibility mode refuses is kept with status FAILURE, as Glue keeps it: it takes its
     * number, the schema's latest version stays the latest, and the answer (and GetSchemaVersion's) carries the
     * refusal in {@value GlueApi#FAILURE_REASON}, a member Glue's model does not have (SDKs skip it; raw JSON and the
     * node's log show it). A definition that failed before is checked again (the mode may have changed since); if it
     * fails again, the earlier failed version is the answer and nothing is written.
     */
    private Out registerVersion(GlueRequest request) {
        GlueRequest schemaId = request.requiredStructure("SchemaId");
        String definition = request.requiredString("SchemaDefinition", Constraint.DEFINITION);
        SchemaVersion version = context.change(() -> {
            RegisteredSchema schema = lookup.schema(schemaId);
            Optional<SchemaVersion> existing = Definitions.find(context.state(), schema, definition);
            if (existing.isPresent() && existing.get().available()) {
                return existing.get();
            }
            ParsedSchema parsed = Definitions.parse(schema.dataFormat(), definition);
            String now = context.now();
            SchemaVersion added = Definitions.nextVersion(context.state(), schema, parsed, now,
                    context.limits().versionsPerSchema());
            if (!added.available() && existing.isPresent()) {
                return existing.get();
            }
            RegisteredSchema changed = added.available() ? schema.withVersionAdded(added.versionNumber(), now)
                    : schema.withFailedVersionAdded(added.versionNumber(), now);
            context.write(List.of(RegistryState.put(added), RegistryState.put(changed)));
            if (!added.available()) {
                log.info("Version {} of schema {} in registry {} failed its {} compatibility check: {}",
                        added.versionNumber(), schema.name(), schema.registryName(), schema.compatibility(),
                        added.failure());
            }
            return added;
        });
        return withFailure(Out.object()
                .put("SchemaVersionId", version.id().toString())
                .put("VersionNumber", version.versionNumber())
                .put("Status", version.status()), version);
    }

    private static Out withFailure(Out out, SchemaVersion version) {
        return version.failure() == null ? out : out.put(GlueApi.FAILURE_REASON, version.failure());
    }

    private Out get(GlueRequest request) {
        SchemaVersion version = lookup.version(request);
        RegisteredSchema schema = lookup.schemaOf(version);
        Out out = Out.object()
                .put("SchemaVersionId", version.id().toString())
                .put("SchemaDefinition", version.definition())
                .put("DataFormat", schema.dataFormat())
                .put("SchemaArn", context.arns().schema(schema.registryName(), schema.name()))
                .put("VersionNumber", version.versionNumber())
                .put("Status", version.status())
                .put("CreatedTime", version.createdTime());
        return withFailure(out, version);
    }

    private Out getByDefinition(GlueRequest request) {
        GlueRequest schemaId = request.requiredStructure("SchemaId");
        String definition = request.requiredString("SchemaDefinition", Constraint.DEFINITION);
        RegisteredSchema schema = lookup.schema(schemaId);
        SchemaVersion version = Definitions.find(context.state(), schema, definition).orElseThrow(() ->
                RegistryException.notFound(Lookup.VERSION_NOT_FOUND + " RegistryName: " + schema.registryName()
                        + ", SchemaName: " + schema.name() + " has no version with this definition"));
        return Out.object()
                .put("SchemaVersionId", version.id().toString())
                .put("SchemaArn", context.arns().schema(schema.registryName(), schema.name()))
                .put("DataFormat", schema.dataFormat())
                .put("Status", version.status())
                .put("CreatedTime", version.createdTime());
    }

    private Out list(GlueRequest request) {
        RegisteredSchema schema = lookup.schema(request.requiredStructure("SchemaId"));
        Long max = request.number("MaxResults", 1, 100);
        String token = request.string("NextToken", Constraint.TOKEN);
        String arn = context.arns().schema(schema.registryName(), schema.name());
        var page = Paging.page(context.state().versions(schema), VersionOperations::sortKey, max, 25, token);
        return Out.object()
                .put("Schemas", page.items().stream().map(version -> Out.object()
                        .put("SchemaArn", arn)
                        .put("SchemaVersionId", version.id().toString())
                        .put("VersionNumber", version.versionNumber())
                        .put("Status", version.status())
                        .put("CreatedTime", version.createdTime())).toList())
                .put("NextToken", page.nextToken());
    }

    private static String sortKey(SchemaVersion version) {
        return String.format("%06d", version.versionNumber());
    }

    /**
     * Deletes a version ("3") or a range ("2-5"). A version that does not exist, or is the schema's checkpoint, is
     * reported in SchemaVersionErrors and the others are deleted.
     */
    private Out delete(GlueRequest request) {
        GlueRequest schemaId = request.requiredStructure("SchemaId");
        String versions = request.requiredString("Versions", Constraint.VERSIONS);
        long first;
        long last;
        try {
            String[] bounds = versions.split("-");
            first = Long.parseLong(bounds[0]);
            last = Long.parseLong(bounds[bounds.length - 1]);
        } catch (NumberFormatException e) {
            throw RegistryException.invalidInput("Versions must be a version number or a range: " + versions);
        }
        if (last < first || last - first >= 25) {
            throw RegistryException.invalidInput("Versions must be a range of at most 25 ascending version numbers: "
                    + versions);
        }
        List<Out> errors = context.change(() -> {
            RegisteredSchema schema = lookup.schema(schemaId);
            List<Out> problems = new ArrayList<>();
            List<Change> changes = new ArrayList<>();
            List<Long> deleted = new ArrayList<>();
            for (long number = first; number <= last; number++) {
                Optional<SchemaVersion> version = context.state().version(schema, number);
                if (version.isEmpty()) {
                    problems.add(versionError(number, "EntityNotFoundException", "Schema version is not found."));
                } else if (number == schema.checkpoint()) {
                    problems.add(versionError(number, "InvalidInputException",
                            "The checkpoint version of the schema cannot be deleted"));
                } else {
                    changes.add(Change.remove(EntityKeys.version(version.get().id())));
                    deleted.add(number);
                }
            }
            if (!changes.isEmpty()) {
                long latest = context.state().versions(schema).stream().filter(SchemaVersion::available)
                        .mapToLong(SchemaVersion::versionNumber).filter(n -> !deleted.contains(n)).max().orElse(0);
                changes.add(RegistryState.put(schema.withLatestVersion(latest, context.now())));
                context.write(changes);
            }
            return problems;
        });
        return Out.object().put("SchemaVersionErrors", errors);
    }

    private static Out versionError(long number, String code, String message) {
        return Out.object()
                .put("VersionNumber", number)
                .put("ErrorDetails", Out.object().put("ErrorCode", code).put("ErrorMessage", message));
    }

    private Out checkValidity(GlueRequest request) {
        DataFormat format = request.requiredEnum("DataFormat", DataFormat.class);
        String definition = request.requiredString("SchemaDefinition", Constraint.DEFINITION);
        try {
            SchemaFormat.of(format).parse(definition);
            return Out.object().put("Valid", true);
        } catch (InvalidSchemaException e) {
            String error = e.getMessage();
            return Out.object().put("Valid", false)
                    .put("Error", error.length() > 5000 ? error.substring(0, 5000) : error);
        }
    }

    private Out diff(GlueRequest request) {
        RegisteredSchema schema = lookup.schema(request.requiredStructure("SchemaId"));
        SchemaVersion first = lookup.version(schema, request.requiredStructure("FirstSchemaVersionNumber"));
        SchemaVersion second = lookup.version(schema, request.requiredStructure("SecondSchemaVersionNumber"));
        String type = request.requiredString("SchemaDiffType", Constraint.ANY);
        if (!type.equals("SYNTAX_DIFF")) {
            throw RegistryException.invalidInput("Value '" + type + "' at 'schemaDiffType' failed to satisfy"
                    + " constraint: Member must satisfy enum value set: [SYNTAX_DIFF]");
        }
        return Out.object().put("Diff", LineDiff.unified(first.definition(), second.definition(),
                "version " + first.versionNumber(), "version " + second.versionNumber()));
    }
}
