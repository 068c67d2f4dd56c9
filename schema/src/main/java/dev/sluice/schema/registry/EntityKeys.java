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
    /**
     * The highest global id ever given (the Confluent-compatible API's schema ids): never deleted, so that after the
     * records of deleted versions are compacted away no id is given twice.
     */
    static final String GLOBAL_ID_MARK = "meta:global-id";

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
