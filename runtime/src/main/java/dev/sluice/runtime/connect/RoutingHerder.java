package dev.sluice.runtime.connect;

import dev.sluice.runtime.logging.LogbackLoggers;
import org.apache.kafka.connect.errors.NotFoundException;
import org.apache.kafka.connect.runtime.ConnectMetrics;
import org.apache.kafka.connect.runtime.ConnectorConfig;
import org.apache.kafka.connect.runtime.Herder;
import org.apache.kafka.connect.runtime.HerderRequest;
import org.apache.kafka.connect.runtime.RestartRequest;
import org.apache.kafka.connect.runtime.TargetState;
import org.apache.kafka.connect.runtime.isolation.Plugins;
import org.apache.kafka.connect.runtime.rest.InternalRequestSignature;
import org.apache.kafka.connect.runtime.rest.entities.ActiveTopicsInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfos;
import org.apache.kafka.connect.runtime.rest.entities.ConfigKeyInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorOffsets;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.runtime.rest.entities.LoggerLevel;
import org.apache.kafka.connect.runtime.rest.entities.Message;
import org.apache.kafka.connect.runtime.rest.entities.TaskInfo;
import org.apache.kafka.connect.runtime.rest.errors.BadRequestException;
import org.apache.kafka.connect.runtime.rest.errors.ConnectRestException;
import org.apache.kafka.connect.storage.StatusBackingStore;
import org.apache.kafka.connect.util.Callback;
import org.apache.kafka.connect.util.ConnectorTaskId;
import org.apache.maven.artifact.versioning.VersionRange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The one {@link Herder} that Kafka Connect's own REST resources see. Each connector has a Connect cluster (a
 * {@code DistributedHerder}) of its own; this herder sends every call about a connector to that connector's herder,
 * creates the cluster when a connector is created, and retires it when the connector is deleted. A connector whose
 * workers run on other nodes of the fleet only is served by one of them: its calls go there ({@link RemoteHerder}),
 * unless they came from another node already, which gets a 409 to retry rather than a ping-pong between nodes.
 *
 * <p>Calls about a connector that does not exist get Kafka Connect's own "not found" answers: asynchronous ones
 * directly, the others from the node's {@link ValidationHerder}, whose config store is empty.
 */
public final class RoutingHerder implements Herder {

    private static final Logger log = LoggerFactory.getLogger(RoutingHerder.class);

    /**
     * A connector setting of Sluice's own: when true, deleting the connector keeps its Connect cluster's internal
     * topics, and a connector created later under the same name resumes from their configs and offsets.
     */
    public static final String RETAIN_TOPICS_CONFIG = "sluice.retain.internal.topics";

    /**
     * A connector setting of Sluice's own, for connectors created through Kafka Connect's API: how many Connect
     * workers its cluster has over the fleet (MSK Connect's {@code workerCount}), one a node while there are enough
     * nodes; 1 when unset. Changing it in the config moves the connector to that many workers.
     */
    public static final String WORKERS_CONFIG = "sluice.workers";
    private static final int MAX_WORKERS = 10;

    private final ConnectorClusters clusters;
    private final ValidationHerder validation;
    private final LogbackLoggers loggers;
    private final ExecutorService creator;
    private final SecretRedactor redactor;

    private final TaskRestarter restarter;
    private final java.util.function.Function<String, Herder> remoteNodes;
    /** Well under the 90 s that the REST layer and the MSK Connect API wait for a delete. */
    private final OffsetRelease offsetRelease = new OffsetRelease(Duration.ofSeconds(45));

    /**
     * @param remoteNodes the herder that serves a connector's calls on another node, given that node's API URL
     */
    public RoutingHerder(ConnectorClusters clusters, ValidationHerder validation, LogbackLoggers loggers,
                         ExecutorService creator, TaskRestarter restarter,
                         java.util.function.Function<String, Herder> remoteNodes) {
        this.restarter = restarter;
        this.remoteNodes = remoteNodes;
        this.clusters = clusters;
        this.validation = validation;
        this.loggers = loggers;
        this.creator = creator;
        this.redactor = new SecretRedactor(plugin -> validation.herder().connectorPluginConfig(plugin));
    }

    // -- what leaves through the API carries no secret: PASSWORD-typed values are hidden

    /** A connector config with its PASSWORD-typed values hidden, for the node's other APIs. */
    public Map<String, String> redact(Map<String, String> config) {
        return redactor.redact(config);
    }

    private ConnectorInfo redacted(ConnectorInfo info) {
        return info == null ? null
                : new ConnectorInfo(info.name(), redactor.redact(info.config()), info.tasks(), info.type());
    }

    private Callback<ConnectorInfo> redactingInfo(Callback<ConnectorInfo> callback) {
        return callback.chainStaging((error, info) -> callback.onCompletion(error, redacted(info)));
    }

    private Callback<Created<ConnectorInfo>> redactingCreated(Callback<Created<ConnectorInfo>> callback) {
        return callback.chainStaging((error, created) -> callback.onCompletion(error, created == null ? null
                : new Created<>(created.created(), redacted(created.result()))));
    }

    /**
     * Runs {@code call} with the herder of the connector's cluster (here or on the node that runs it), or completes
     * {@code callback} with Kafka Connect's 404 when there is no such connector, or a 409 while it cannot be served.
     */
    private void withHerder(String connName, Callback<?> callback, Consumer<Herder> call) {
        var local = clusters.get(connName);
        if (local.isPresent()) {
            call.accept(local.get().herder());
            return;
        }
        Herder placed;
        try {
            placed = placedHerder(connName).orElse(null);
        } catch (ConnectRestException e) {
            callback.onCompletion(e, null);
            return;
        }
        if (placed == null) {
            callback.onCompletion(new NotFoundException("Connector " + connName + " not found"), null);
        } else {
            call.accept(placed);
        }
    }

    /**
     * The herder of the connector's cluster (here or on the node that runs it), or the validation herder when no
     * such connector exists.
     *
     * @throws ConnectRestException 409 while the connector cannot be served (see {@link #placedHerder})
     */
    private Herder route(String connName) {
        return clusters.get(connName).<Herder>map(ConnectorCluster::herder)
                .or(() -> placedHerder(connName))
                .orElse(validation.herder());
    }

    /**
     * For a connector of the fleet that has no workers here at this moment: the local herder once a placement under
     * way has started them, or, when they run on other nodes only, the herder that calls one of those; empty when
     * there is no such connector.
     *
     * @throws ConnectRestException 409 when the request came from another node, or when the placement puts the
     *                              connector's workers here and they could not be started
     */
    private Optional<Herder> placedHerder(String connName) {
        if (clusters.known(connName).isEmpty()) {
            return Optional.empty();
        }
        Optional<String> node = clusters.nodeFor(connName);
        if (node.isEmpty()) {
            Optional<ConnectorCluster> local = clusters.placed(connName);
            if (local.isPresent()) {
                return Optional.of(local.get().herder());
            }
        }
        if (node.isEmpty() || ForwardedRequests.current()) {
            throw new ConnectRestException(409, "The workers of connector " + connName
                    + " are being placed on the fleet's nodes (a node came, went, or the connector is new); "
                    + "retry in a few seconds");
        }
        return Optional.of(remoteNodes.apply(node.get()));
    }

    // -- lifecycle: the clusters and the validation herder are Dropwizard-managed objects of their own

    @Override
    public void start() {
    }

    @Override
    public void stop() {
        offsetRelease.close();
    }

    @Override
    public boolean isReady() {
        return clusters.all().stream().allMatch(c -> c.herder().isReady());
    }

    @Override
    public void healthCheck(Callback<Void> callback) {
        Collection<ConnectorCluster> all = clusters.all();
        if (all.isEmpty()) {
            callback.onCompletion(null, null);
            return;
        }
        AtomicInteger pending = new AtomicInteger(all.size());
        for (ConnectorCluster cluster : all) {
            cluster.herder().healthCheck((error, ignored) -> {
                if (error != null) {
                    if (pending.getAndSet(-1) > 0) {
                        callback.onCompletion(error, null);
                    }
                } else if (pending.decrementAndGet() == 0) {
                    callback.onCompletion(null, null);
                }
            });
        }
    }

    // -- connectors

    @Override
    public void connectors(Callback<Collection<String>> callback) {
        callback.onCompletion(null, connectors());
    }

    @Override
    public Collection<String> connectors() {
        return new TreeSet<>(clusters.known().keySet());
    }

    @Override
    public void connectorInfo(String connName, Callback<ConnectorInfo> callback) {
        withHerder(connName, callback, h -> h.connectorInfo(connName, redactingInfo(callback)));
    }

    @Override
    public ConnectorInfo connectorInfo(String connName) {
        return redacted(route(connName).connectorInfo(connName));
    }

    @Override
    public void connectorConfig(String connName, Callback<Map<String, String>> callback) {
        withHerder(connName, callback, h -> h.connectorConfig(connName,
                callback.chainStaging((error, config) -> callback.onCompletion(error, redactor.redact(config)))));
    }

    @Override
    public void putConnectorConfig(String connName, Map<String, String> config, boolean allowReplace,
                                   Callback<Created<ConnectorInfo>> callback) {
        putConnectorConfig(connName, config, null, allowReplace, callback);
    }

    @Override
    public void putConnectorConfig(String connName, Map<String, String> config, TargetState targetState,
                                   boolean allowReplace, Callback<Created<ConnectorInfo>> reply) {
        Callback<Created<ConnectorInfo>> callback = redactingCreated(UnresolvedReferences.reportedAsBadRequest(reply));
        int workers;
        try {
            workers = workersOf(config);
        } catch (BadRequestException e) {
            callback.onCompletion(e, null);
            return;
        }
        if (clusters.get(connName).isPresent() || clusters.known(connName).isPresent()) {
            withHerder(connName, callback, h -> h.putConnectorConfig(connName, config, targetState, allowReplace,
                    callback.chainStaging((error, updated) -> {
                        if (error != null || !config.containsKey(WORKERS_CONFIG)) {
                            callback.onCompletion(error, updated);
                            return;
                        }
                        // not on the herder's own thread, which a resize may stop
                        creator.execute(() -> {
                            try {
                                clusters.resize(connName, workers);
                            } catch (RuntimeException e) {
                                callback.onCompletion(e, null);
                                return;
                            }
                            callback.onCompletion(null, updated);
                        });
                    })));
            return;
        }
        if (config.get(ConnectorConfig.CONNECTOR_CLASS_CONFIG) == null) {
            // Connect's own message here would echo the whole config, secrets included.
            callback.onCompletion(new BadRequestException("Connector config of " + connName
                    + " contains no connector type: set connector.class"), null);
            return;
        }
        // Validate before anything exists, so that an invalid config leaves no half-created cluster behind.
        validation.checkNewConnectorConfig(config, callback, () -> creator.execute(() -> {
            try {
                clusters.withClusterCreatingIfAbsent(connName, workers, cluster -> cluster.herder()
                        .putConnectorConfig(connName, config, targetState, allowReplace,
                                callback.chainStaging((error, created) -> {
                                    clusters.created(connName);
                                    callback.onCompletion(error, created);
                                })));
            } catch (RuntimeException e) {
                callback.onCompletion(e, null);
            }
        }));
    }

    /**
     * Creates a connector in a Connect cluster with worker settings of its own (the MSK Connect API's connectors:
     * worker configuration, Kafka cluster, custom plugins). The connector's config is validated by that cluster,
     * whose plugins may be the connector's own; if it is refused, the cluster is removed again, so nothing
     * half-created remains.
     */
    public void createConnector(String connName, Map<String, String> config, Map<String, String> workerOverrides,
                                int workers, Callback<Created<ConnectorInfo>> reply) {
        Callback<Created<ConnectorInfo>> callback = redactingCreated(UnresolvedReferences.reportedAsBadRequest(reply));
        creator.execute(() -> {
            try {
                clusters.withNewCluster(ConnectorClusterId.newFor(connName, workerOverrides, workers), cluster ->
                        cluster.herder().putConnectorConfig(connName, config, null, false,
                                callback.chainStaging((error, created) -> {
                                    if (error != null) {
                                        clusters.retire(cluster);
                                    }
                                    clusters.created(connName);
                                    callback.onCompletion(error, created);
                                })));
            } catch (RuntimeException e) {
                callback.onCompletion(e, null);
            }
        });
    }

    /** The connector's {@value #WORKERS_CONFIG}: 1 when unset. */
    private static int workersOf(Map<String, String> config) {
        String value = config.get(WORKERS_CONFIG);
        if (value == null) {
            return 1;
        }
        try {
            int workers = Integer.parseInt(value.trim());
            if (workers >= 1 && workers <= MAX_WORKERS) {
                return workers;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new BadRequestException(WORKERS_CONFIG + " must be a whole number from 1 to " + MAX_WORKERS
                + " (the Connect workers of the connector over the fleet), not '" + value + "'");
    }

    /** Every problem Kafka Connect would find with a connector config in a cluster with these worker overrides. */
    public List<String> validateForCluster(Map<String, String> config, Map<String, String> workerOverrides) {
        return clusters.validate(config, workerOverrides);
    }

    /** What the node's automatic restarts did for a task, if anything; with the bound on attempts. */
    public Optional<TaskRestarter.Restarts> automaticRestartsOf(ConnectorTaskId task) {
        return restarter.restartsOf(task);
    }

    public int automaticRestartAttempts() {
        return restarter.maxAttempts();
    }

    /** How many Connect workers the connector has over the fleet; 0 when there is no such connector. */
    public int workerCount(String connName) {
        return clusters.known(connName).map(ConnectorClusterId::workers).orElse(0);
    }

    /** How many of the connector's Connect workers run on this node. */
    public int workersHere(String connName) {
        return clusters.get(connName).map(ConnectorCluster::workersHere).orElse(0);
    }

    /** Whether this node makes the fleet-wide decisions for the connector, such as autoscaling it. */
    public boolean leads(String connName) {
        return clusters.leads(connName);
    }

    /** Changes how many Connect workers the connector has over the fleet (MSK Connect's workerCount). */
    public void resizeConnector(String connName, int workers) {
        clusters.resize(connName, workers);
    }

    @Override
    public void patchConnectorConfig(String connName, Map<String, String> configPatch,
                                     Callback<Created<ConnectorInfo>> callback) {
        withHerder(connName, callback, h -> h.patchConnectorConfig(connName, configPatch,
                redactingCreated(callback)));
    }

    @Override
    public void deleteConnectorConfig(String connName, Callback<Created<ConnectorInfo>> callback) {
        var cluster = clusters.get(connName);
        if (cluster.isEmpty()) {
            withHerder(connName, callback, h -> h.deleteConnectorConfig(connName, callback));
            return;
        }
        Herder herder = cluster.get().herder();
        ConnectorInfo info = herder.connectorInfo(connName);
        boolean keepTopics = info != null && "true".equalsIgnoreCase(info.config().get(RETAIN_TOPICS_CONFIG));
        Runnable delete = () -> herder.deleteConnectorConfig(connName, callback.chainStaging((error, result) -> {
            if (error == null) {
                try {
                    clusters.retire(cluster.get(), keepTopics);
                } catch (RuntimeException e) {
                    callback.onCompletion(e, null);
                    return;
                }
            }
            callback.onCompletion(error, result);
        }));
        if (keepTopics || info == null || !holdsStateForOffsets(herder, info)) {
            delete.run();
            return;
        }
        offsetRelease.release(herder, connName).whenComplete((ignored, error) -> {
            if (error != null) {
                log.error("Deleting connector {} without resetting its offsets first ({}): what it holds outside "
                        + "Kafka for them stays, such as a CDC connector's replication slot, which keeps WAL on the "
                        + "database until it is dropped (SELECT pg_drop_replication_slot('<slot>'))", connName,
                        error instanceof java.util.concurrent.TimeoutException ? "timed out" : error.getMessage());
            }
            try {
                delete.run();
            } catch (RuntimeException e) {
                callback.onCompletion(e, null);
            }
        });
    }

    private static boolean holdsStateForOffsets(Herder herder, ConnectorInfo info) {
        try {
            return OffsetRelease.holdsStateForOffsets(
                    herder.plugins().pluginClass(info.config().get(ConnectorConfig.CONNECTOR_CLASS_CONFIG)));
        } catch (ClassNotFoundException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void requestTaskReconfiguration(String connName) {
        route(connName).requestTaskReconfiguration(connName);
    }

    @Override
    public void taskConfigs(String connName, Callback<List<TaskInfo>> callback) {
        withHerder(connName, callback, h -> {
            ConnectorInfo info = h.connectorInfo(connName);
            String connectorClass = info == null ? null
                    : info.config().get(ConnectorConfig.CONNECTOR_CLASS_CONFIG);
            h.taskConfigs(connName, callback.chainStaging((error, tasks) -> callback.onCompletion(error,
                    tasks == null ? null : tasks.stream()
                            .map(t -> new TaskInfo(t.id(), redactor.redact(t.config(), connectorClass)))
                            .toList())));
        });
    }

    @Override
    public void putTaskConfigs(String connName, List<Map<String, String>> configs, Callback<Void> callback,
                               InternalRequestSignature requestSignature) {
        withHerder(connName, callback, h -> h.putTaskConfigs(connName, configs, callback, requestSignature));
    }

    @Override
    public void fenceZombieSourceTasks(String connName, Callback<Void> callback,
                                       InternalRequestSignature requestSignature) {
        withHerder(connName, callback, h -> h.fenceZombieSourceTasks(connName, callback, requestSignature));
    }

    @Override
    public ConnectorStateInfo connectorStatus(String connName) {
        return route(connName).connectorStatus(connName);
    }

    @Override
    public ActiveTopicsInfo connectorActiveTopics(String connName) {
        return route(connName).connectorActiveTopics(connName);
    }

    @Override
    public void resetConnectorActiveTopics(String connName) {
        route(connName).resetConnectorActiveTopics(connName);
    }

    @Override
    public StatusBackingStore statusBackingStore() {
        return validation.herder().statusBackingStore();
    }

    @Override
    public ConnectorStateInfo.TaskState taskStatus(ConnectorTaskId id) {
        return route(id.connector()).taskStatus(id);
    }

    // -- validation and plugins: the validation herder, which shares the node's plugins

    @Override
    public void validateConnectorConfig(Map<String, String> connectorConfig, Callback<ConfigInfos> callback) {
        validation.herder().validateConnectorConfig(connectorConfig,
                UnresolvedReferences.reportedAsBadRequest(callback));
    }

    @Override
    public void validateConnectorConfig(Map<String, String> connectorConfig, Callback<ConfigInfos> callback,
                                        boolean doLog) {
        validation.herder().validateConnectorConfig(connectorConfig,
                UnresolvedReferences.reportedAsBadRequest(callback), doLog);
    }

    @Override
    public Plugins plugins() {
        return validation.herder().plugins();
    }

    @Override
    public String kafkaClusterId() {
        return validation.herder().kafkaClusterId();
    }

    @Override
    public List<ConfigKeyInfo> connectorPluginConfig(String pluginName) {
        return validation.herder().connectorPluginConfig(pluginName);
    }

    @Override
    public List<ConfigKeyInfo> connectorPluginConfig(String pluginName, VersionRange version) {
        return validation.herder().connectorPluginConfig(pluginName, version);
    }

    // -- state changes of one connector

    @Override
    public void restartTask(ConnectorTaskId id, Callback<Void> cb) {
        withHerder(id.connector(), cb, h -> h.restartTask(id, cb));
    }

    @Override
    public void restartConnector(String connName, Callback<Void> cb) {
        withHerder(connName, cb, h -> h.restartConnector(connName, cb));
    }

    @Override
    public HerderRequest restartConnector(long delayMs, String connName, Callback<Void> cb) {
        return route(connName).restartConnector(delayMs, connName, cb);
    }

    @Override
    public void restartConnectorAndTasks(RestartRequest request, Callback<ConnectorStateInfo> cb) {
        withHerder(request.connectorName(), cb, h -> h.restartConnectorAndTasks(request, cb));
    }

    @Override
    public void stopConnector(String connector, Callback<Void> cb) {
        withHerder(connector, cb, h -> h.stopConnector(connector, cb));
    }

    @Override
    public void pauseConnector(String connector) {
        route(connector).pauseConnector(connector);
    }

    @Override
    public void resumeConnector(String connector) {
        route(connector).resumeConnector(connector);
    }

    // -- offsets

    @Override
    public void connectorOffsets(String connName, Callback<ConnectorOffsets> cb) {
        withHerder(connName, cb, h -> h.connectorOffsets(connName, cb));
    }

    @Override
    public void alterConnectorOffsets(String connName, Map<Map<String, ?>, Map<String, ?>> offsets,
                                      Callback<Message> cb) {
        withHerder(connName, cb, h -> h.alterConnectorOffsets(connName, offsets, cb));
    }

    @Override
    public void resetConnectorOffsets(String connName, Callback<Message> cb) {
        withHerder(connName, cb, h -> h.resetConnectorOffsets(connName, cb));
    }

    // -- logging: one JVM, one Logback, whatever the cluster

    @Override
    public LoggerLevel loggerLevel(String logger) {
        return loggers.level(logger);
    }

    @Override
    public Map<String, LoggerLevel> allLoggerLevels() {
        return loggers.allLevels();
    }

    @Override
    public List<String> setWorkerLoggerLevel(String namespace, String level) {
        return loggers.setLevel(namespace, level);
    }

    @Override
    public void setClusterLoggerLevel(String namespace, String level) {
        // Every Connect cluster of this node shares this JVM's loggers; other nodes are set through their own API.
        loggers.setLevel(namespace, level);
    }

    @Override
    public ConnectMetrics connectMetrics() {
        return validation.herder().connectMetrics();
    }
}
