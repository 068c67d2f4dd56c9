package dev.sluice.runtime.connect;

import io.dropwizard.lifecycle.Managed;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.connect.runtime.Herder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The Connect clusters this node runs, one per connector. Creates a cluster (its group, its internal topics) when a
 * connector is created, records it in the {@link ConnectorRegistry}, brings every recorded cluster back when the
 * node starts, and removes a cluster with its topics once its connector is deleted.
 */
public final class ConnectorClusters implements Managed {

    private static final Logger log = LoggerFactory.getLogger(ConnectorClusters.class);

    private final ConnectorRegistry registry;
    private final ConnectorClusterFactory factory;
    private final Admin admin;
    private final Map<String, ConnectorCluster> clusters = new ConcurrentHashMap<>();
    /** Cluster ids whose internal topics deleted connectors kept, by connector name. */
    private final Map<String, String> retained = new ConcurrentHashMap<>();
    private final ExecutorService retirer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sluice-cluster-retirer");
        t.setDaemon(true);
        return t;
    });

    public ConnectorClusters(ConnectorRegistry registry, ConnectorClusterFactory factory, Admin admin) {
        this.registry = registry;
        this.factory = factory;
        this.admin = admin;
    }

    @Override
    public void start() {
        registry.ensureTopic(admin);
        retained.putAll(registry.readRetained());
        Map<String, ConnectorClusterId> known = registry.readAll();
        log.info("Starting the Connect clusters of {} connector(s): {}", known.size(), known.keySet());
        known.values().forEach(id -> startCluster(factory.create(id)));
    }

    @Override
    public void stop() {
        // Herders stop their tasks gracefully (commit offsets); stop them side by side, not one after another.
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        for (ConnectorCluster cluster : clusters.values()) {
            stops.add(CompletableFuture.runAsync(() -> stopHerder(cluster.herder())));
        }
        CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).join();
        clusters.clear();
        retirer.shutdown();
        try {
            if (!retirer.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("Connect clusters of deleted connectors were still being removed at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        registry.close();
    }

    /** Every problem with a connector config, for a cluster with these worker overrides and so its plugins. */
    public List<String> validate(Map<String, String> config, Map<String, String> workerOverrides) {
        return factory.validateConnectorConfig(config, workerOverrides);
    }

    public Optional<ConnectorCluster> get(String connectorName) {
        return Optional.ofNullable(clusters.get(connectorName));
    }

    public Collection<ConnectorCluster> all() {
        return List.copyOf(clusters.values());
    }

    /**
     * Runs {@code action} on the cluster of {@code connectorName}, creating and starting that cluster first if there
     * is none. Serialised per node, so two creations of one name reach the same herder, in order.
     */
    public synchronized void withClusterCreatingIfAbsent(String connectorName, Consumer<ConnectorCluster> action) {
        ConnectorCluster cluster = clusters.get(connectorName);
        if (cluster == null) {
            cluster = createAndStart(ConnectorClusterId.newFor(connectorName));
        }
        action.accept(cluster);
    }

    /**
     * Creates and starts the cluster {@code id} describes, with its own worker settings, then runs {@code action}
     * on it; the name must be free.
     *
     * @throws IllegalStateException if a connector of that name exists
     */
    public synchronized void withNewCluster(ConnectorClusterId id, Consumer<ConnectorCluster> action) {
        if (clusters.containsKey(id.connectorName())) {
            throw new IllegalStateException("Connector " + id.connectorName() + " already exists");
        }
        action.accept(createAndStart(id));
    }

    private ConnectorCluster createAndStart(ConnectorClusterId requested) {
        ConnectorClusterId id = requested;
        String kept = retained.remove(requested.connectorName());
        if (kept != null) {
            // a connector of this name was deleted with its topics kept: pick up its configs and offsets
            id = new ConnectorClusterId(requested.connectorName(), kept, requested.workerOverrides(),
                    requested.workers());
            registry.forgetRetained(requested.connectorName());
        }
        log.info("Creating Connect cluster {} for connector {}", id.groupId(), id.connectorName());
        ConnectorCluster cluster = factory.create(id);
        registry.put(id);
        startCluster(cluster);
        return cluster;
    }

    /**
     * Gives a connector's Connect cluster {@code workers} workers on this node: its workers stop (committing their
     * offsets) and the new set starts on the same group and internal topics, so config and offsets carry over.
     */
    public synchronized void resize(String connectorName, int workers) {
        ConnectorCluster cluster = clusters.get(connectorName);
        if (cluster == null || cluster.id().workers() == workers) {
            return;
        }
        ConnectorClusterId old = cluster.id();
        ConnectorClusterId resized = new ConnectorClusterId(old.connectorName(), old.id(), old.workerOverrides(),
                workers);
        log.info("Resizing Connect cluster {} from {} to {} worker(s)", old.groupId(), old.workers(), workers);
        stopHerder(cluster.herder());
        clusters.remove(connectorName, cluster);
        registry.put(resized);
        startCluster(factory.create(resized));
    }

    /**
     * Forgets the cluster of a deleted connector at once (so the name can be used again), then stops its worker and
     * deletes its internal topics in the background.
     */
    public synchronized void retire(ConnectorCluster cluster) {
        retire(cluster, false);
    }

    /**
     * As {@link #retire(ConnectorCluster)}; with {@code keepTopics}, the internal topics stay, and the next connector
     * created under the same name uses them, with the configs and offsets they hold.
     */
    public synchronized void retire(ConnectorCluster cluster, boolean keepTopics) {
        if (!clusters.remove(cluster.connectorName(), cluster)) {
            return;
        }
        registry.remove(cluster.connectorName());
        if (keepTopics) {
            registry.retain(cluster.id());
            retained.put(cluster.connectorName(), cluster.id().id());
            log.info("Keeping the internal topics of deleted connector {} for its successor",
                    cluster.connectorName());
            retirer.submit(() -> stopHerder(cluster.herder()));
            return;
        }
        retirer.submit(() -> {
            stopHerder(cluster.herder());
            ConnectorClusterId id = cluster.id();
            try {
                admin.deleteTopics(List.of(id.configTopic(), id.offsetsTopic(), id.statusTopic()))
                        .all().get(30, TimeUnit.SECONDS);
                log.info("Removed Connect cluster {} of deleted connector {}", id.groupId(), id.connectorName());
            } catch (Exception e) {
                log.warn("Could not delete the internal topics of {}; delete {}, {} and {} by hand", id.groupId(),
                        id.configTopic(), id.offsetsTopic(), id.statusTopic(), e);
            }
        });
    }

    private void startCluster(ConnectorCluster cluster) {
        cluster.herder().start();
        clusters.put(cluster.connectorName(), cluster);
    }

    private static void stopHerder(Herder herder) {
        try {
            herder.stop();
        } catch (RuntimeException e) {
            log.warn("A Connect herder did not stop cleanly", e);
        }
    }
}
