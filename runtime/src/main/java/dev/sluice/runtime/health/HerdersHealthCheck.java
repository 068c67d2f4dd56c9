package dev.sluice.runtime.health;

import com.codahale.metrics.health.HealthCheck;
import dev.sluice.runtime.connect.ConnectorCluster;
import dev.sluice.runtime.connect.ConnectorClusters;

import java.util.List;

/** Healthy when the worker of every connector's Connect cluster has joined its group and is serving. */
public final class HerdersHealthCheck extends HealthCheck {

    private final ConnectorClusters clusters;

    public HerdersHealthCheck(ConnectorClusters clusters) {
        this.clusters = clusters;
    }

    @Override
    protected Result check() {
        var all = clusters.all();
        List<String> notReady = all.stream()
                .filter(c -> !c.herder().isReady())
                .map(ConnectorCluster::connectorName)
                .sorted()
                .toList();
        if (notReady.isEmpty()) {
            return Result.healthy("%d Connect cluster(s) running", all.size());
        }
        return Result.unhealthy("Connect clusters not running yet: %s", notReady);
    }
}
