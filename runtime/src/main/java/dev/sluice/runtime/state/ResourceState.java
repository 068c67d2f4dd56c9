package dev.sluice.runtime.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The control plane's resources (worker configurations, custom plugins, connectors, operations) as JSON documents
 * keyed by ARN, held in memory as this node follows a {@link KeyValueLog}: a change is written to the log and
 * acknowledged once followed back, so every node of a fleet holds the same documents, in the order they were written.
 */
public final class ResourceState {

    private final KeyValueLog log;
    private final ObjectMapper json;
    private final ConcurrentSkipListMap<String, String> documents = new ConcurrentSkipListMap<>();

    public ResourceState(KeyValueLog log, ObjectMapper json) {
        this.log = log;
        this.json = json;
    }

    /** Loads every resource from the log and follows later changes, whichever node makes them; call once. */
    public void load() {
        log.follow((key, doc) -> {
            if (doc == null) {
                documents.remove(key);
            } else {
                documents.put(key, doc);
            }
        });
    }

    public <V> Optional<V> get(String key, Class<V> type) {
        return Optional.ofNullable(documents.get(key)).map(doc -> read(doc, type));
    }

    /** Every resource whose key starts with {@code prefix}, in key order (ARN order, which paging relies on). */
    public <V> List<V> list(String prefix, Class<V> type) {
        return documents.tailMap(prefix, true).entrySet().stream()
                .takeWhile(e -> e.getKey().startsWith(prefix))
                .map(e -> read(e.getValue(), type))
                .toList();
    }

    public synchronized void put(String key, Object value) {
        String doc;
        try {
            doc = json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Could not write " + key, e);
        }
        log.put(key, doc);
    }

    public synchronized void remove(String key) {
        log.remove(key);
    }

    private <V> V read(String doc, Class<V> type) {
        try {
            return json.readValue(doc, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Unreadable state document: " + doc, e);
        }
    }

    /** A log in memory, for tests of what stands on this state. */
    public static KeyValueLog inMemory() {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        List<java.util.function.BiConsumer<String, String>> listeners = new java.util.ArrayList<>();
        return new KeyValueLog() {
            @Override
            public synchronized void follow(java.util.function.BiConsumer<String, String> listener) {
                map.forEach(listener);
                listeners.add(listener);
            }

            @Override
            public synchronized void put(String key, String value) {
                map.put(key, value);
                listeners.forEach(l -> l.accept(key, value));
            }

            @Override
            public synchronized void remove(String key) {
                map.remove(key);
                listeners.forEach(l -> l.accept(key, null));
            }
        };
    }
}
