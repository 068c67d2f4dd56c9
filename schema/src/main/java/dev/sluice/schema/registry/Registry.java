package dev.sluice.schema.registry;

import java.util.Map;

/** A registry: a named container of schemas. Times are ISO-8601 instants, as Glue returns them. */
public record Registry(String name, String description, String status, String createdTime, String updatedTime,
                       Map<String, String> tags) {

    public Registry {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    public Registry withDescription(String newDescription, String now) {
        return new Registry(name, newDescription, status, createdTime, now, tags);
    }

    public Registry withTags(Map<String, String> newTags) {
        return new Registry(name, description, status, createdTime, updatedTime, newTags);
    }
}
