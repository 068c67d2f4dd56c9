package dev.sluice.runtime.connect;

import io.dropwizard.lifecycle.Managed;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.connect.runtime.Herder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The Connect clusters of the fleet's connectors, one per connector, as far as this node runs them. Creates a
 * cluster (its group, its internal topics) when a connector is created and records it in the
 * {@link ConnectorRegistry}, which every node follows; runs on this node the workers that the
 * {@link WorkerPlacement} gives it, again whenever a connector or a node comes or goes; and removes a cluster with its
 * topics once its connector is deleted.
 */
public final class ConnectorClusters implements Managed {

    private static final Logger log = LoggerFactory.getLogger(ConnectorClusters.class);
    /** How long a starting node waits to see the fleet before it runs every connector's workers itself. */
    private static final Duration FLEET_WAIT = Duration.ofSeconds(15);
    /** How soon workers that could not start (a custom plugin not fetched yet, say) are tried again. */
    private static final Duration RETRY = Duration.ofSeconds(10);

    private final ConnectorRegistry registry;
    private final ConnectorClusterFactory factory;
    private final Admin admin;
    private final WorkerPlacement placement;
    /** This node's part of each cluster it takes part in, by connector name. */
    private final Map<String, ConnectorCluster> clusters = new ConcurrentHashMap<>();
    /** Connectors this node is creating: placed once their config is written ({@link #created}). */
    private final Set<String> creating = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean placementRequested = new AtomicBoolean();
    private volatile boolean started;
    private volatile boolean placeUnsettled;
    private final ScheduledExecutorService placer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sluice-placement");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService retirer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sluice-cluster-retirer");
        t.setDaemon(true);
        return t;
    });

    public ConnectorClusters(ConnectorRegistry registry, ConnectorClusterFactory factory, Admin admin,
                             WorkerPlacement placement) {
        this.registry = registry;
        this.factory = factory;
        this.admin = admin;
        this.placement = placement;
    }

    @Override
    public void start() {
        registry.start(admin, this::requestPlacement);
        placement.onChange(this::requestPlacement);
        started = true;
        Map<String, ConnectorClusterId> known = registry.readAll();
        log.info("The fleet has {} connector(s): {}", known.size(), known.keySet());
        if (!placement.settled()) {
            placer.schedule(() -> {
                if (!placement.settled()) {
                    log.warn("This node has not seen the fleet after {} s: running every connector's workers here "
                            + "until it does", FLEET_WAIT.toSeconds());
                    placeUnsettled = true;
                    place();
                }
            }, FLEET_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }
        requestPlacement();
    }

    @Override
    public void stop() {
        started = false;
        placer.shutdownNow();
        try {
            placer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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

    /** This node's part of the connector's cluster, if it runs any of its workers. */
    public Optional<ConnectorCluster> get(String connectorName) {
        return Optional.ofNullable(clusters.get(connectorName));
    }

    /** The clusters this node runs workers of. */
    public Collection<ConnectorCluster> all() {
        return List.copyOf(clusters.values());
    }

    /** Every connector of the fleet and its cluster, wherever its workers run, in order of creation. */
    public Map<String, ConnectorClusterId> known() {
        return registry.readAll();
    }

    public Optional<ConnectorClusterId> known(String connectorName) {
        return registry.get(connectorName);
    }

    /**
     * This node's part of the connector's cluster once the placement is applied: waits for a placement under way
     * (a resize, a node that came or went) and applies any pending one first.
     */
    public synchronized Optional<ConnectorCluster> placed(String connectorName) {
        place();
        return get(connectorName);
    }

    /** The API URL of another node that runs the connector's workers, when it is known and this node runs none. */
    public Optional<String> nodeFor(String connectorName) {
        return known(connectorName).flatMap(id -> placement.nodeFor(connectorName, id.workers()));
    }

    /**
     * Runs {@code action} on the cluster of {@code connectorName}, creating and starting that cluster first if there
     * is none. Serialised per node, so two creations of one name reach the same herder, in order. The caller says
     * when the connector's config is written ({@link #created}).
     */
    public synchronized void withClusterCreatingIfAbsent(String connectorName, int workers,
                                                         Consumer<ConnectorCluster> action) {
        ConnectorCluster cluster = clusters.get(connectorName);
        if (cluster == null) {
            cluster = createAndStart(ConnectorClusterId.newFor(connectorName, Map.of(), workers));
        }
        withCreation(cluster, action);
    }

    /**
     * Creates and starts the cluster {@code id} describes, with its own worker settings, then runs {@code action}
     * on it; the name must be free. The caller says when the connector's config is written ({@link #created}).
     *
     * @throws IllegalStateException if a connector of that name exists
     */
    public synchronized void withNewCluster(ConnectorClusterId id, Consumer<ConnectorCluster> action) {
        if (clusters.containsKey(id.connectorName()) || registry.get(id.connectorName()).isPresent()) {
            throw new IllegalStateException("Connector " + id.connectorName() + " already exists");
        }
        withCreation(createAndStart(id), action);
    }

    /** Runs the creating {@code action}; if it fails at once, the creation is over. */
    private void withCreation(ConnectorCluster cluster, Consumer<ConnectorCluster> action) {
        try {
            action.accept(cluster);
        } catch (RuntimeException e) {
            created(cluster.connectorName());
            throw e;
        }
    }

    /**
     * Says that the creation of {@code connectorName} is over (its config written, or refused): its workers go where
     * the placement puts them from now on. The node that creates a connector runs a worker of it until then, even
     * if the placement puts them all elsewhere, so that the config is written at once.
     */
    public void created(String connectorName) {
        if (creating.remove(connectorName)) {
            requestPlacement();
        }
    }

    private ConnectorCluster createAndStart(ConnectorClusterId requested) {
        ConnectorClusterId id = requested;
        String kept = registry.readRetained().get(requested.connectorName());
        if (kept != null) {
            // a connector of this name was deleted with its topics kept: pick up its configs and offsets
            id = new ConnectorClusterId(requested.connectorName(), kept, requested.workerOverrides(),
                    requested.workers());
            registry.forgetRetained(requested.connectorName());
        }
        int here = Math.max(1, placement.workersHere(id.connectorName(), id.workers()));
        log.info("Creating Connect cluster {} for connector {}, {} of its {} worker(s) here", id.groupId(),
                id.connectorName(), here, id.workers());
        ConnectorCluster cluster = factory.create(id, here);
        creating.add(id.connectorName());
        try {
            registry.put(id);
            startCluster(cluster);
        } catch (RuntimeException e) {
            creating.remove(id.connectorName());
            throw e;
        }
        return cluster;
    }

    /**
     * Gives a connector's Connect cluster {@code workers} workers in all: recorded in the registry, after which
     * every node runs its share again (this one before returning); the cluster's group and internal topics stay,
     * so config and offsets carry over.
     */
    public synchronized void resize(String connectorName, int workers) {
        ConnectorClusterId old = registry.get(connectorName).orElse(null);
        if (old == null || old.workers() == workers) {
            return;
        }
        log.info("Resizing Connect cluster {} from {} to {} worker(s)", old.groupId(), old.workers(), workers);
        registry.put(new ConnectorClusterId(old.connectorName(), old.id(), old.workerOverrides(), workers));
        place();
    }

    /** Whether this node makes the fleet-wide decisions for the connector ({@link WorkerPlacement#leadsHere}). */
    public boolean leads(String connectorName) {
        return known(connectorName).map(id -> placement.leadsHere(connectorName, id.workers())).orElse(false);
    }

    /** How many workers each connector of the fleet asks for, by name. */
    public Map<String, Integer> requestedWorkers() {
        Map<String, Integer> out = new LinkedHashMap<>();
        registry.readAll().forEach((name, id) -> out.put(name, id.workers()));
        return out;
    }

    private void retryLater() {
        try {
            placer.schedule(this::requestPlacement, RETRY.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // stopping
        }
    }

    private void requestPlacement() {
        if (started && placementRequested.compareAndSet(false, true)) {
            try {
                placer.execute(() -> {
                    placementRequested.set(false);
                    place();
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // stopping
            }
        }
    }

    /**
     * Runs on this node what the placement gives it of each connector's workers, and stops what it no longer
     * gives it (connectors deleted on other nodes included).
     */
    private synchronized void place() {
        if (!started || (!placement.settled() && !placeUnsettled)) {
            return;
        }
        Map<String, ConnectorClusterId> known = registry.readAll();
        for (ConnectorClusterId id : known.values()) {
            String name = id.connectorName();
            if (creating.contains(name)) {
                continue;
            }
            int here = placement.workersHere(name, id.workers());
            ConnectorCluster local = clusters.get(name);
            int before = local == null ? 0 : local.workersHere();
            boolean sameCluster = local != null && local.id().id().equals(id.id())
                    && local.id().workerOverrides().equals(id.workerOverrides());
            if (before == here && (local == null || sameCluster)) {
                if (local != null) {
                    clusters.put(name, local.as(id));
                }
                continue;
            }
            log.info("Placing connector {}: {} worker(s) here, {} before", placement.explain(name, id.workers()),
                    here, before);
            if (sameCluster && here > 0) {
                try {
                    factory.resize(local, here);
                } catch (RuntimeException e) {
                    log.error("Could not resize this node's part of connector {}; trying again in {} s", name,
                            RETRY.toSeconds(), e);
                    retryLater();
                }
                clusters.put(name, local.as(id));
                continue;
            }
            if (local != null) {
                clusters.remove(name, local);
                stopHerder(local.herder());
            }
            if (here > 0) {
                try {
                    startCluster(factory.create(id, here));
                } catch (RuntimeException e) {
                    log.error("Could not start this node's worker(s) of connector {}; trying again in {} s", name,
                            RETRY.toSeconds(), e);
                    retryLater();
                }
            }
        }
        for (ConnectorCluster local : List.copyOf(clusters.values())) {
            String name = local.connectorName();
            if (!known.containsKey(name) && !creating.contains(name)) {
                log.info("Connector {} was deleted on another node: stopping its worker(s) here", name);
                clusters.remove(name, local);
                retirer.submit(() -> stopHerder(local.herder()));
            }
        }
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
        creating.remove(cluster.connectorName());
        registry.remove(cluster.connectorName());
        if (keepTopics) {
            registry.retain(cluster.id());
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
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException) {
                    // the node that served the delete as the cluster's leader removed them first
                    log.info("Connect cluster {} of deleted connector {} is removed", id.groupId(),
                            id.connectorName());
                } else {
                    log.warn("Could not delete the internal topics of {}; delete {}, {} and {} by hand",
                            id.groupId(), id.configTopic(), id.offsetsTopic(), id.statusTopic(), e.getCause());
                }
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
