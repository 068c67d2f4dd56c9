package dev.sluice.runtime.connect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.runtime.state.CompactedTopicStore;
import org.apache.kafka.clients.admin.Admin;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which connectors exist and which Connect cluster runs each: a compacted topic keyed by connector name, whose
 * value is the cluster id (a tombstone once the connector is deleted). It outlives every node, so a restarted
 * node finds its connectors, their internal topics, and so their configs and offsets; every node of a fleet follows
 * it, so a connector created on one is known to all at once.
 */
public final class ConnectorRegistry implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Key prefix of retained clusters; no connector name can start so, as it is not a valid name start. */
    private static final String RETAINED = "\u0000retained:";

    private final CompactedTopicStore store;
    /** The connectors as followed from the topic, parsed once, in order of creation; guarded by itself. */
    private final Map<String, ConnectorClusterId> connectors = new LinkedHashMap<>();
    private final Map<String, String> retained = new java.util.concurrent.ConcurrentHashMap<>();

    public ConnectorRegistry(String topic, Map<String, Object> clientProps) {
        this.store = new CompactedTopicStore(topic, clientProps);
    }

    /** Creates the topic if needed and reads it; {@code onChange} then runs after each change, on the log's thread. */
    public void start(Admin admin, Runnable onChange) {
        store.ensureTopic(admin);
        store.start();
        store.follow((key, value) -> {
            apply(key, value);
            onChange.run();
        });
    }

    private void apply(String key, String value) {
        if (key.startsWith(RETAINED)) {
            String name = key.substring(RETAINED.length());
            if (value == null) {
                retained.remove(name);
            } else {
                retained.put(name, value);
            }
            return;
        }
        synchronized (connectors) {
            if (value == null) {
                connectors.remove(key);
            } else {
                connectors.put(key, parse(key, value));
            }
        }
    }

    /** Connector name to cluster, in order of creation. */
    public Map<String, ConnectorClusterId> readAll() {
        synchronized (connectors) {
            return new LinkedHashMap<>(connectors);
        }
    }

    /** The cluster of one connector, if it exists. */
    public java.util.Optional<ConnectorClusterId> get(String connectorName) {
        synchronized (connectors) {
            return java.util.Optional.ofNullable(connectors.get(connectorName));
        }
    }

    /** Connector name to the cluster id whose internal topics a deleted connector left for its successor. */
    public Map<String, String> readRetained() {
        return Map.copyOf(retained);
    }

    /** Records that a deleted connector's internal topics were kept, for a connector of the same name to use. */
    public void retain(ConnectorClusterId cluster) {
        store.put(RETAINED + cluster.connectorName(), cluster.id());
    }

    public void forgetRetained(String connectorName) {
        store.remove(RETAINED + connectorName);
    }

    /** The cluster id alone, or {@code {"id", "workerOverrides", "workers"}} when the cluster has more to it. */
    public void put(ConnectorClusterId cluster) {
        String value = cluster.id();
        if (!cluster.workerOverrides().isEmpty() || cluster.workers() > 1) {
            try {
                value = JSON.writeValueAsString(new Entry(cluster.id(), cluster.workerOverrides(), cluster.workers()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Could not record " + cluster, e);
            }
        }
        store.put(cluster.connectorName(), value);
    }

    private static ConnectorClusterId parse(String name, String value) {
        if (!value.startsWith("{")) {
            return new ConnectorClusterId(name, value);
        }
        try {
            Entry entry = JSON.readValue(value, Entry.class);
            return new ConnectorClusterId(name, entry.id(), entry.workerOverrides(), entry.workers());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable registry entry of connector " + name + ": " + value, e);
        }
    }

    private record Entry(String id, Map<String, String> workerOverrides, int workers) {
    }

    public void remove(String connectorName) {
        store.remove(connectorName);
    }

    @Override
    public void close() {
        store.close();
    }
}
