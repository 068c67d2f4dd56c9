package dev.sluice.runtime.connect;

import org.apache.kafka.connect.runtime.Herder;

/** The Kafka Connect cluster (here: this node's workers of it) that runs one connector. */
public record ConnectorCluster(ConnectorClusterId id, Herder herder) {

    public String connectorName() {
        return id.connectorName();
    }
}
