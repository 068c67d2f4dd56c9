package dev.sluice.schema.glue;

import dev.sluice.schema.RegistryException;
import dev.sluice.schema.registry.Arns;
import dev.sluice.schema.registry.RegisteredSchema;
import dev.sluice.schema.registry.Registry;
import dev.sluice.schema.registry.RegistryState;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** TagResource, UntagResource, GetTags, for registries and schemas by ARN. */
final class TagOperations {

    private static final int MAX_TAGS = 50;

    private final RegistryContext context;

    TagOperations(RegistryContext context) {
        this.context = context;
    }

    void register(GlueApi api) {
        api.operation("TagResource", this::tag);
        api.operation("UntagResource", this::untag);
        api.operation("GetTags", this::get);
    }

    private Out tag(GlueRequest request) {
        String arn = request.requiredString("ResourceArn", Constraint.ARN);
        if (!request.has("TagsToAdd")) {
            throw request.missing("TagsToAdd");
        }
        Map<String, String> add = request.tags("TagsToAdd");
        context.change(() -> {
            Map<String, String> tags = new LinkedHashMap<>(tagsOf(arn));
            tags.putAll(add);
            if (tags.size() > MAX_TAGS) {
                throw RegistryException.invalidInput("A resource has at most " + MAX_TAGS + " tags; " + arn
                        + " would have " + tags.size());
            }
            write(arn, tags);
            return null;
        });
        return Out.object();
    }

    private Out untag(GlueRequest request) {
        String arn = request.requiredString("ResourceArn", Constraint.ARN);
        if (!request.has("TagsToRemove")) {
            throw request.missing("TagsToRemove");
        }
        List<String> remove = request.strings("TagsToRemove", Constraint.TAG_KEY, MAX_TAGS);
        context.change(() -> {
            Map<String, String> tags = new LinkedHashMap<>(tagsOf(arn));
            remove.forEach(tags::remove);
            write(arn, tags);
            return null;
        });
        return Out.object();
    }

    private Out get(GlueRequest request) {
        return Out.object().put("Tags", tagsOf(request.requiredString("ResourceArn", Constraint.ARN)));
    }

    private Map<String, String> tagsOf(String arn) {
        Arns.Parsed parsed = parse(arn);
        if (parsed.schemaName() == null) {
            return registry(parsed, arn).tags();
        }
        return schema(parsed, arn).tags();
    }

    private void write(String arn, Map<String, String> tags) {
        Arns.Parsed parsed = parse(arn);
        Object changed = parsed.schemaName() == null ? registry(parsed, arn).withTags(tags)
                : schema(parsed, arn).withTags(tags);
        context.write(List.of(RegistryState.put(changed)));
    }

    private Arns.Parsed parse(String arn) {
        return context.arns().parse(arn).orElseThrow(() -> RegistryException.invalidInput(
                "ResourceArn is not the ARN of a registry or schema of this registry's region and account: " + arn));
    }

    private Registry registry(Arns.Parsed parsed, String arn) {
        return context.state().registry(parsed.registryName()).orElseThrow(() -> RegistryException.notFound(
                "Registry is not found. ResourceArn: " + arn));
    }

    private RegisteredSchema schema(Arns.Parsed parsed, String arn) {
        return context.state().schema(parsed.registryName(), parsed.schemaName()).orElseThrow(() ->
                RegistryException.notFound(Lookup.SCHEMA_NOT_FOUND + " ResourceArn: " + arn));
    }
}
