package dev.sluice.schema.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.sluice.schema.store.Change;
import dev.sluice.schema.store.StateSink;

import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The registry as this node knows it: every registry, schema and version, built by applying the log's changes in
 * order. Reads are lock-free; changes come from one thread (the store's).
 */
public final class RegistryState implements StateSink {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final NavigableMap<String, Registry> registries = new ConcurrentSkipListMap<>();
    private final NavigableMap<String, RegisteredSchema> schemas = new ConcurrentSkipListMap<>();
    private final Map<UUID, SchemaVersion> versions = new ConcurrentHashMap<>();
    private final Map<String, NavigableMap<Long, UUID>> versionsBySchema = new ConcurrentHashMap<>();
    private final Map<Long, UUID> versionsByGlobalId = new ConcurrentHashMap<>();
    private final AtomicLong highestGlobalId = new AtomicLong();

    @Override
    public void apply(Change change) {
        String key = change.key();
        String doc = change.document();
        if (key.startsWith(EntityKeys.REGISTRY)) {
            String name = key.substring(EntityKeys.REGISTRY.length());
            if (doc == null) {
                registries.remove(name);
            } else {
                registries.put(name, read(doc, Registry.class));
            }
        } else if (key.startsWith(EntityKeys.SCHEMA)) {
            String id = key.substring(EntityKeys.SCHEMA.length());
            if (doc == null) {
                schemas.remove(id);
            } else {
                schemas.put(id, read(doc, RegisteredSchema.class));
            }
        } else if (key.equals(EntityKeys.GLOBAL_ID_MARK)) {
            if (doc != null) {
                highestGlobalId.accumulateAndGet(Long.parseLong(doc.trim()), Math::max);
            }
        } else if (key.startsWith(EntityKeys.VERSION)) {
            UUID id = UUID.fromString(key.substring(EntityKeys.VERSION.length()));
            SchemaVersion previous = doc == null ? versions.remove(id) : versions.put(id, read(doc, SchemaVersion.class));
            if (previous != null) {
                versionsByGlobalId.remove(previous.globalId(), id);
                var numbers = versionsBySchema.get(schemaId(previous.registryName(), previous.schemaName()));
                if (numbers != null) {
                    numbers.remove(previous.versionNumber(), id);
                }
            }
            if (doc != null) {
                SchemaVersion version = versions.get(id);
                versionsBySchema.computeIfAbsent(schemaId(version.registryName(), version.schemaName()),
                        k -> new ConcurrentSkipListMap<>()).put(version.versionNumber(), id);
                versionsByGlobalId.put(version.globalId(), id);
                highestGlobalId.accumulateAndGet(version.globalId(), Math::max);
            }
        }
    }

    public Optional<Registry> registry(String name) {
        return Optional.ofNullable(registries.get(name));
    }

    public Collection<Registry> registries() {
        return registries.values();
    }

    public Optional<RegisteredSchema> schema(String registryName, String schemaName) {
        return Optional.ofNullable(schemas.get(schemaId(registryName, schemaName)));
    }

    /** The schemas of one registry, by name. */
    public List<RegisteredSchema> schemas(String registryName) {
        String prefix = registryName + "/";
        return schemas.tailMap(prefix, true).entrySet().stream()
                .takeWhile(e -> e.getKey().startsWith(prefix))
                .map(Map.Entry::getValue)
                .toList();
    }

    public int schemaCount() {
        return schemas.size();
    }

    public Optional<SchemaVersion> version(UUID id) {
        return Optional.ofNullable(versions.get(id));
    }

    public Optional<SchemaVersion> version(RegisteredSchema schema, long number) {
        return Optional.ofNullable(numbers(schema).get(number)).map(versions::get);
    }

    /** A version by its global id (the Confluent-compatible API's schema id). */
    public Optional<SchemaVersion> version(long globalId) {
        return Optional.ofNullable(versionsByGlobalId.get(globalId)).map(versions::get);
    }

    /**
     * The highest global id ever given, from the log's mark (which compaction keeps) and its versions: the next
     * version takes the one after it.
     */
    public long highestGlobalId() {
        return highestGlobalId.get();
    }

    /** The versions of a schema, oldest first. */
    public List<SchemaVersion> versions(RegisteredSchema schema) {
        return numbers(schema).values().stream().map(versions::get).filter(v -> v != null).toList();
    }

    private NavigableMap<Long, UUID> numbers(RegisteredSchema schema) {
        return versionsBySchema.getOrDefault(schemaId(schema.registryName(), schema.name()),
                new ConcurrentSkipListMap<>());
    }

    private static String schemaId(String registryName, String schemaName) {
        return registryName + "/" + schemaName;
    }

    /**
     * {@code changes}, with the global id mark raised to the highest global id among the versions they store, if
     * they store any: written in the same transaction, the mark outlives the versions' own records.
     */
    public static List<Change> withGlobalIdMark(List<Change> changes) {
        long highest = changes.stream()
                .filter(c -> c.key().startsWith(EntityKeys.VERSION) && c.document() != null)
                .mapToLong(c -> read(c.document(), SchemaVersion.class).globalId())
                .max().orElse(-1);
        if (highest < 0) {
            return changes;
        }
        List<Change> out = new java.util.ArrayList<>(changes);
        out.add(new Change(EntityKeys.GLOBAL_ID_MARK, Long.toString(highest)));
        return out;
    }

    /** The change that stores an entity (a registry, schema or version) as it is now. */
    public static Change put(Object entity) {
        String key;
        if (entity instanceof Registry r) {
            key = EntityKeys.registry(r.name());
        } else if (entity instanceof RegisteredSchema s) {
            key = EntityKeys.schema(s.registryName(), s.name());
        } else if (entity instanceof SchemaVersion v) {
            key = EntityKeys.version(v.id());
        } else {
            throw new IllegalArgumentException("Not an entity of the registry: " + entity);
        }
        try {
            return new Change(key, JSON.writeValueAsString(entity));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Could not write " + key, e);
        }
    }

    private static <T> T read(String doc, Class<T> type) {
        try {
            return JSON.readValue(doc, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Unreadable registry document: " + doc, e);
        }
    }
}
