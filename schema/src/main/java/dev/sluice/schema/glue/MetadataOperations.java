package dev.sluice.schema.glue;

import dev.sluice.schema.RegistryException;
import dev.sluice.schema.registry.RegisteredSchema;
import dev.sluice.schema.registry.RegistryState;
import dev.sluice.schema.registry.SchemaVersion;
import dev.sluice.schema.registry.SchemaVersion.Metadata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** PutSchemaVersionMetadata, QuerySchemaVersionMetadata, RemoveSchemaVersionMetadata. */
final class MetadataOperations {

    private final RegistryContext context;
    private final Lookup lookup;

    MetadataOperations(RegistryContext context) {
        this.context = context;
        this.lookup = new Lookup(context);
    }

    void register(GlueApi api) {
        api.operation("PutSchemaVersionMetadata", this::put);
        api.operation("QuerySchemaVersionMetadata", this::query);
        api.operation("RemoveSchemaVersionMetadata", this::remove);
    }

    private Out put(GlueRequest request) {
        GlueRequest pair = request.requiredStructure("MetadataKeyValue");
        String key = pair.requiredString("MetadataKey", Constraint.METADATA_KEY);
        String value = pair.requiredString("MetadataValue", Constraint.METADATA_VALUE);
        SchemaVersion updated = context.change(() -> {
            SchemaVersion version = lookup.version(request);
            if (version.metadata().stream().anyMatch(m -> m.key().equals(key) && m.value().equals(value))) {
                throw RegistryException.alreadyExists("Metadata already exists. MetadataKey: " + key
                        + ", MetadataValue: " + value);
            }
            if (version.metadata().size() >= context.limits().metadataPerVersion()) {
                throw RegistryException.limitExceeded("Schema version " + version.id() + " already has the maximum"
                        + " of " + context.limits().metadataPerVersion() + " metadata key/value pairs");
            }
            List<Metadata> metadata = new ArrayList<>(version.metadata());
            metadata.add(new Metadata(key, value, context.now()));
            SchemaVersion changed = version.withMetadata(metadata);
            context.write(List.of(RegistryState.put(changed)));
            return changed;
        });
        return answer(updated, key, value);
    }

    private Out remove(GlueRequest request) {
        GlueRequest pair = request.requiredStructure("MetadataKeyValue");
        String key = pair.requiredString("MetadataKey", Constraint.METADATA_KEY);
        String value = pair.requiredString("MetadataValue", Constraint.METADATA_VALUE);
        SchemaVersion updated = context.change(() -> {
            SchemaVersion version = lookup.version(request);
            List<Metadata> metadata = new ArrayList<>(version.metadata());
            if (!metadata.removeIf(m -> m.key().equals(key) && m.value().equals(value))) {
                throw RegistryException.notFound("Metadata is not found. MetadataKey: " + key + ", MetadataValue: "
                        + value);
            }
            SchemaVersion changed = version.withMetadata(metadata);
            context.write(List.of(RegistryState.put(changed)));
            return changed;
        });
        return answer(updated, key, value);
    }

    private Out answer(SchemaVersion version, String key, String value) {
        RegisteredSchema schema = lookup.schemaOf(version);
        return Out.object()
                .put("SchemaArn", context.arns().schema(schema.registryName(), schema.name()))
                .put("SchemaName", schema.name())
                .put("RegistryName", schema.registryName())
                .put("LatestVersion", version.versionNumber() == schema.latestVersion())
                .put("VersionNumber", version.versionNumber())
                .put("SchemaVersionId", version.id().toString())
                .put("MetadataKey", key)
                .put("MetadataValue", value);
    }

    /**
     * The version's metadata by key, filtered by MetadataList (a pair with no value matches every value of its
     * key). Per key, the newest value is MetadataValue and the others are OtherMetadataValueList.
     */
    private Out query(GlueRequest request) {
        request.number("MaxResults", 1, 50);
        request.string("NextToken", Constraint.TOKEN);
        List<GlueRequest> filters = request.structures("MetadataList");
        List<String[]> wanted = new ArrayList<>();
        for (GlueRequest filter : filters) {
            wanted.add(new String[] {filter.requiredString("MetadataKey", Constraint.METADATA_KEY),
                    filter.string("MetadataValue", Constraint.METADATA_VALUE)});
        }
        SchemaVersion version = lookup.version(request);
        Map<String, List<Metadata>> byKey = new LinkedHashMap<>();
        version.metadata().stream()
                .filter(m -> wanted.isEmpty() || wanted.stream().anyMatch(w -> w[0].equals(m.key())
                        && (w[1] == null || w[1].equals(m.value()))))
                .sorted(Comparator.comparing(Metadata::createdTime).reversed())
                .forEach(m -> byKey.computeIfAbsent(m.key(), k -> new ArrayList<>()).add(m));
        Out infos = Out.object();
        byKey.forEach((key, values) -> infos.put(key, Out.object()
                .put("MetadataValue", values.get(0).value())
                .put("CreatedTime", values.get(0).createdTime())
                .put("OtherMetadataValueList", values.subList(1, values.size()).stream().map(m -> Out.object()
                        .put("MetadataValue", m.value())
                        .put("CreatedTime", m.createdTime())).toList())));
        return Out.object()
                .put("MetadataInfoMap", infos)
                .put("SchemaVersionId", version.id().toString());
    }
}
