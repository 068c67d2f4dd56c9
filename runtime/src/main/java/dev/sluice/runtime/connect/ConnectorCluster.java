package dev.sluice.runtime.connect;

import org.apache.kafka.connect.runtime.distributed.DistributedHerder;

/** The Kafka Connect cluster (here: this node's worker of it) that runs one connector. */
public record ConnectorCluster(ConnectorClusterId id, DistributedHerder herder) {

    public String connectorName() {
        return id.connectorName();
    }
}
