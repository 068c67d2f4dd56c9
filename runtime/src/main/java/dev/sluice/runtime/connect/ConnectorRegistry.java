package dev.sluice.runtime.connect;

import dev.sluice.runtime.state.CompactedTopicStore;
import org.apache.kafka.clients.admin.Admin;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which connectors exist and which Connect cluster runs each: a compacted topic keyed by connector name, whose
 * value is the cluster id (a tombstone once the connector is deleted). It outlives every node, so a restarted
 * node finds its connectors, their internal topics, and so their configs and offsets.
 */
public final class ConnectorRegistry implements AutoCloseable {

    private final CompactedTopicStore store;

    public ConnectorRegistry(String topic, Map<String, Object> clientProps) {
        this.store = new CompactedTopicStore(topic, clientProps);
    }

    public void ensureTopic(Admin admin) {
        store.ensureTopic(admin);
    }

    /** Connector name to cluster, in order of creation. */
    public Map<String, ConnectorClusterId> readAll() {
        Map<String, ConnectorClusterId> out = new LinkedHashMap<>();
        store.readAll().forEach((name, id) -> out.put(name, new ConnectorClusterId(name, id)));
        return out;
    }

    public void put(ConnectorClusterId cluster) {
        store.put(cluster.connectorName(), cluster.id());
    }

    public void remove(String connectorName) {
        store.remove(connectorName);
    }

    @Override
    public void close() {
        store.close();
    }
}
