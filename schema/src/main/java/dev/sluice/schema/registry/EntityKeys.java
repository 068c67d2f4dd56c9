package dev.sluice.schema.registry;

import java.util.UUID;

/**
 * The keys of the registry's entities in the log. Glue's names allow neither '/' nor ':', so the keys cannot
 * collide.
 */
public final class EntityKeys {

    static final String REGISTRY = "registry:";
    static final String SCHEMA = "schema:";
    static final String VERSION = "version:";

    private EntityKeys() {
    }

    public static String registry(String name) {
        return REGISTRY + name;
    }

    public static String schema(String registryName, String schemaName) {
        return SCHEMA + registryName + "/" + schemaName;
    }

    public static String version(UUID id) {
        return VERSION + id;
    }
}
