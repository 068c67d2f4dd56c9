package dev.sluice.bench;

import dev.sluice.testkit.ConnectRestClient;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/** Creates, watches and deletes discard sinks on a worker node through the Kafka Connect REST API. */
public final class DiscardSinks {

    private final Connectors connectors;

    /**
     * @param admin  sees the internal topics of each connector's Connect cluster, whose deletion marks the end of a
     *               connector's retirement
     * @param poller how often and how long to poll while waiting
     */
    public DiscardSinks(ConnectRestClient rest, Admin admin, Poller poller) {
        this.connectors = new Connectors(rest, admin, poller);
    }

    /**
     * {@code POST /connectors} for a discard sink on {@code topic}, with the converters that pass bytes through,
     * under a new name: a new consumer group, which starts at the earliest offset.
     */
    public void create(String name, String topic, int tasks) {
        connectors.create(name, Map.of(
                "connector.class", "dev.sluice.connect.discard.DiscardSinkConnector",
                "topics", topic,
                "tasks.max", Integer.toString(tasks),
                "key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter",
                "value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter"));
    }

    /** Polls {@code GET /connectors/<name>/status} until the connector and all its tasks are RUNNING. */
    public void awaitRunning(String name, int tasks) throws Exception {
        connectors.awaitRunning(name, tasks);
    }

    /** {@code DELETE /connectors/<name>}, then waits until the node has retired its Connect cluster. */
    public void deleteAndAwaitRetired(String name) throws Exception {
        connectors.deleteAndAwaitRetired(name);
    }
}
