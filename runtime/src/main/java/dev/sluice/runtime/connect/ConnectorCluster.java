package dev.sluice.runtime.connect;

import org.apache.kafka.connect.runtime.Herder;

/**
 * The Kafka Connect cluster that runs one connector, as far as this node takes part in it: its workers here of the
 * cluster's {@code id.workers()} (the others run on other nodes of the fleet), seen as one herder.
 */
public record ConnectorCluster(ConnectorClusterId id, ClusterHerder workers) {

    public String connectorName() {
        return id.connectorName();
    }

    public Herder herder() {
        return workers;
    }

    /** How many of the cluster's workers run on this node. */
    public int workersHere() {
        return workers.workerCount();
    }

    /** The same workers, as part of the cluster {@code resized} (its total of workers changed). */
    ConnectorCluster as(ConnectorClusterId resized) {
        return new ConnectorCluster(resized, workers);
    }
}
