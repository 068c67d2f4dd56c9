package dev.sluice.runtime.connect;

import org.apache.kafka.connect.runtime.Herder;

/**
 * The Kafka Connect cluster that runs one connector, as far as this node takes part in it: its {@code workersHere}
 * workers of the cluster's {@code id.workers()} (the others run on other nodes of the fleet).
 */
public record ConnectorCluster(ConnectorClusterId id, int workersHere, Herder herder) {

    public String connectorName() {
        return id.connectorName();
    }
}
