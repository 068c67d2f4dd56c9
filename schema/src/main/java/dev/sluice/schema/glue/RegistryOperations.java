package dev.sluice.schema.glue;

import dev.sluice.schema.RegistryException;
import dev.sluice.schema.registry.EntityKeys;
import dev.sluice.schema.registry.RegisteredSchema;
import dev.sluice.schema.registry.Registry;
import dev.sluice.schema.registry.RegistryState;
import dev.sluice.schema.store.Change;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** CreateRegistry, GetRegistry, ListRegistries, UpdateRegistry, DeleteRegistry. */
final class RegistryOperations {

    private final RegistryContext context;
    private final Lookup lookup;

    RegistryOperations(RegistryContext context) {
        this.context = context;
        this.lookup = new Lookup(context);
    }

    void register(GlueApi api) {
        api.operation("CreateRegistry", this::create);
        api.operation("GetRegistry", this::get);
        api.operation("ListRegistries", this::list);
        api.operation("UpdateRegistry", this::update);
        api.operation("DeleteRegistry", this::delete);
    }

    private Out create(GlueRequest request) {
        String name = request.requiredString("RegistryName", Constraint.NAME);
        String description = request.string("Description", Constraint.DESCRIPTION);
        Map<String, String> tags = request.tags("Tags");
        Registry registry = context.change(() -> {
            if (context.state().registry(name).isPresent()) {
                throw RegistryException.alreadyExists("Registry already exists. RegistryName: " + name);
            }
            if (context.state().registries().size() >= context.limits().registries()) {
                throw RegistryException.limitExceeded("The account already has the maximum of "
                        + context.limits().registries() + " registries");
            }
            Registry created = newRegistry(name, description, tags);
            context.write(List.of(RegistryState.put(created)));
            return created;
        });
        return Out.object()
                .put("RegistryArn", context.arns().registry(name))
                .put("RegistryName", name)
                .put("Description", registry.description())
                .put("Tags", registry.tags());
    }

    Registry newRegistry(String name, String description, Map<String, String> tags) {
        String now = context.now();
        return new Registry(name, description, "AVAILABLE", now, now, tags);
    }

    private Out get(GlueRequest request) {
        return describe(lookup.registry(request.requiredStructure("RegistryId")));
    }

    private Out describe(Registry registry) {
        return Out.object()
                .put("RegistryName", registry.name())
                .put("RegistryArn", context.arns().registry(registry.name()))
                .put("Description", registry.description())
                .put("Status", registry.status())
                .put("CreatedTime", registry.createdTime())
                .put("UpdatedTime", registry.updatedTime());
    }

    private Out list(GlueRequest request) {
        Long max = request.number("MaxResults", 1, 100);
        String token = request.string("NextToken", Constraint.TOKEN);
        List<Registry> all = context.state().registries().stream()
                .sorted(Comparator.comparing(Registry::name)).toList();
        var page = Paging.page(all, Registry::name, max, 25, token);
        return Out.object()
                .put("Registries", page.items().stream().map(this::describe).toList())
                .put("NextToken", page.nextToken());
    }

    private Out update(GlueRequest request) {
        GlueRequest registryId = request.requiredStructure("RegistryId");
        String description = request.string("Description", Constraint.DESCRIPTION);
        if (description == null) {
            throw request.missing("Description");
        }
        Registry updated = context.change(() -> {
            Registry registry = lookup.registry(registryId);
            Registry changed = registry.withDescription(description, context.now());
            context.write(List.of(RegistryState.put(changed)));
            return changed;
        });
        return Out.object()
                .put("RegistryName", updated.name())
                .put("RegistryArn", context.arns().registry(updated.name()));
    }

    /** Removes the registry with all its schemas and their versions, in one write. */
    private Out delete(GlueRequest request) {
        GlueRequest registryId = request.requiredStructure("RegistryId");
        Registry deleted = context.change(() -> {
            Registry registry = lookup.registry(registryId);
            List<Change> changes = new ArrayList<>();
            for (RegisteredSchema schema : context.state().schemas(registry.name())) {
                changes.addAll(SchemaOperations.removal(context.state(), schema));
            }
            changes.add(Change.remove(EntityKeys.registry(registry.name())));
            context.write(changes);
            return registry;
        });
        return Out.object()
                .put("RegistryName", deleted.name())
                .put("RegistryArn", context.arns().registry(deleted.name()))
                .put("Status", "DELETING");
    }
}
