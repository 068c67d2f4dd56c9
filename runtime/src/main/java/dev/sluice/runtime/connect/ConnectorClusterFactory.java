package dev.sluice.runtime.connect;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.connector.Connector;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigOverridePolicy;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.json.JsonConverterConfig;
import org.apache.kafka.connect.runtime.ConnectorConfig;
import org.apache.kafka.connect.runtime.Worker;
import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.runtime.distributed.DistributedConfig;
import org.apache.kafka.connect.runtime.distributed.DistributedHerder;
import org.apache.kafka.connect.runtime.isolation.LoaderSwap;
import org.apache.kafka.connect.runtime.isolation.Plugins;
import org.apache.kafka.connect.runtime.rest.RestClient;
import org.apache.kafka.connect.storage.KafkaConfigBackingStore;
import org.apache.kafka.connect.storage.KafkaOffsetBackingStore;
import org.apache.kafka.connect.storage.KafkaStatusBackingStore;
import org.apache.kafka.connect.util.ConnectUtils;
import org.apache.kafka.connect.util.SharedTopicAdmin;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.apache.kafka.clients.CommonClientConfigs.CLIENT_ID_CONFIG;

/**
 * Wires one connector's Connect cluster exactly as Kafka's own {@code ConnectDistributed} does (Worker, Kafka-backed
 * config/offset/status stores, DistributedHerder), minus the REST server: the node serves one REST API for all.
 */
public final class ConnectorClusterFactory {

    private final Plugins plugins;
    private final WorkerProperties workerProperties;
    private final String workerId;
    private final String advertisedUrl;
    private final RestClient restClient;
    private final Map<String, Plugins> pluginsByPath = new ConcurrentHashMap<>();
    private volatile PluginPaths pluginPaths = PluginPaths.asGiven();
    private final java.util.function.Function<String, org.apache.kafka.connect.runtime.Herder> otherNodes;

    /**
     * @param otherNodes the herder that makes a call on another node of the fleet, given its URL: where a cluster's
     *                   calls go when its leader is a worker there
     */
    public ConnectorClusterFactory(Plugins plugins, WorkerProperties workerProperties, String advertisedUrl,
                                   RestClient restClient,
                                   java.util.function.Function<String, org.apache.kafka.connect.runtime.Herder>
                                           otherNodes) {
        this.otherNodes = otherNodes;
        this.plugins = plugins;
        this.workerProperties = workerProperties;
        this.advertisedUrl = advertisedUrl;
        this.restClient = restClient;
        this.workerId = workerIdOf(advertisedUrl);
    }

    /** Where custom plugins are on this node (the control plane's copies), from now on; set once, at start. */
    public void usePluginPaths(PluginPaths paths) {
        this.pluginPaths = paths;
    }

    /** This node's {@code workersHere} workers of the cluster {@code id}, not started. */
    public ConnectorCluster create(ConnectorClusterId id, int workersHere) {
        List<DistributedHerder> workers = new java.util.ArrayList<>();
        for (int i = 1; i <= workersHere; i++) {
            workers.add(createWorker(id, i));
        }
        return new ConnectorCluster(id, new ClusterHerder(workers, advertisedUrl, otherNodes));
    }

    /**
     * Gives the node's part of a running cluster {@code workersHere} workers, starting or stopping only the
     * difference (the last-added first), so that the workers that stay keep their tasks running.
     */
    void resize(ConnectorCluster cluster, int workersHere) {
        ClusterHerder workers = cluster.workers();
        while (workers.workerCount() < workersHere) {
            workers.add(createWorker(cluster.id(), workers.workerCount() + 1));
        }
        while (workers.workerCount() > workersHere) {
            workers.removeLast();
        }
    }

    /** The node's {@code index}-th worker of the cluster: the node's id, then {@code #2}, {@code #3}... */
    private DistributedHerder createWorker(ConnectorClusterId id, int index) {
        return index == 1 ? createWorker(id, workerId, id.groupId())
                : createWorker(id, workerId + "#" + index, id.groupId() + "-w" + index);
    }

    private DistributedHerder createWorker(ConnectorClusterId id, String workerId, String clientId) {
        Map<String, String> props = workerProperties.forCluster(id);
        props.put("client.id", clientId);
        props.computeIfPresent("plugin.path", (key, path) -> pluginPaths.local(path));
        Plugins plugins = pluginsFor(props);
        DistributedConfig config;
        // the config resolves its own ${provider:...} references with the declared config providers, which it loads
        // through the context class loader: the plugins' loader, as Kafka Connect's own start-up has it
        try (LoaderSwap swap = plugins.withClassLoader(plugins.delegatingLoader())) {
            config = new DistributedConfig(props);
        }
        String kafkaClusterId = config.kafkaClusterId();
        String clientIdBase = ConnectUtils.clientIdBase(config);

        Map<String, Object> adminProps = new HashMap<>(config.originals());
        ConnectUtils.addMetricsContextProperties(adminProps, config, kafkaClusterId);
        adminProps.put(CLIENT_ID_CONFIG, clientIdBase + "shared-admin");
        SharedTopicAdmin sharedAdmin = new SharedTopicAdmin(adminProps);

        KafkaOffsetBackingStore offsetStore = new KafkaOffsetBackingStore(sharedAdmin, () -> clientIdBase,
                plugins.newInternalConverter(true, JsonConverter.class.getName(),
                        Map.of(JsonConverterConfig.SCHEMAS_ENABLE_CONFIG, "false")));
        offsetStore.configure(config);

        ConnectorClientConfigOverridePolicy policy = plugins.newPlugin(
                config.getString(WorkerConfig.CONNECTOR_CLIENT_POLICY_CLASS_CONFIG), config,
                ConnectorClientConfigOverridePolicy.class);
        Worker worker = new Worker(workerId, Time.SYSTEM, plugins, config, offsetStore, policy);
        var internalConverter = worker.getInternalValueConverter();
        KafkaStatusBackingStore statusStore =
                new KafkaStatusBackingStore(Time.SYSTEM, internalConverter, sharedAdmin, clientIdBase);
        statusStore.configure(config);
        KafkaConfigBackingStore configStore = new KafkaConfigBackingStore(
                internalConverter, config, worker.configTransformer(), sharedAdmin, clientIdBase);

        return new DistributedHerder(config, Time.SYSTEM, worker, kafkaClusterId,
                statusStore, configStore, advertisedUrl, restClient, policy, List.of(), sharedAdmin) {
            /**
             * The herder's threads are made on start and inherit its context class loader, through which Connect
             * loads the classes a connector config names (transforms, predicates, converters): the cluster's
             * delegating loader, as ConnectDistributed's main thread has, so that a plugin's own transforms (such
             * as Debezium's ExtractNewRecordState) are found, not only those on the node's classpath.
             */
            @Override
            public void start() {
                try (LoaderSwap swap = plugins.withClassLoader(plugins.delegatingLoader())) {
                    super.start();
                }
            }
        };
    }

    /**
     * Every problem Kafka Connect would find with a connector config, for a cluster with these worker overrides
     * (so with its plugins): the common connector settings, then the connector's own {@code validate}.
     */
    public List<String> validateConnectorConfig(Map<String, String> config, Map<String, String> overrides) {
        Map<String, String> props = workerProperties.withOverrides(overrides);
        props.computeIfPresent("plugin.path", (key, path) -> pluginPaths.local(path));
        Plugins clusterPlugins = pluginsFor(props);
        List<String> problems = new java.util.ArrayList<>();
        Map<String, String> resolved;
        try {
            resolved = ConfigReferences.resolve(clusterPlugins, props, config);
        } catch (ConfigException | ConnectException e) {
            problems.add("The connector config cannot be resolved: " + e.getMessage());
            return problems;
        }
        for (ConfigValue value : ConnectorConfig.configDef().validate(resolved)) {
            if (!value.name().startsWith("transforms") && !value.name().startsWith("predicates")) {
                problems.addAll(value.errorMessages());
            }
        }
        String connectorClass = config.get(ConnectorConfig.CONNECTOR_CLASS_CONFIG);
        try (LoaderSwap swap = clusterPlugins.withClassLoader(clusterPlugins.connectorLoader(connectorClass, null))) {
            Connector connector = clusterPlugins.newConnector(connectorClass);
            for (ConfigValue value : connector.validate(resolved).configValues()) {
                problems.addAll(value.errorMessages());
            }
        } catch (RuntimeException e) {
            problems.add(e.getMessage());
        }
        return problems;
    }

    /**
     * The node's plugins, or, for a cluster with a plugin path of its own (an MSK Connect connector's custom
     * plugins), plugins scanned from that path; shared by clusters with the same path.
     */
    private Plugins pluginsFor(Map<String, String> props) {
        String path = props.get("plugin.path");
        if (path == null || path.equals(workerProperties.common().get("plugin.path"))) {
            return plugins;
        }
        return pluginsByPath.computeIfAbsent(path, p -> new Plugins(props));
    }

    ConnectorClientConfigOverridePolicy overridePolicy(WorkerConfig config) {
        return plugins.newPlugin(config.getString(WorkerConfig.CONNECTOR_CLIENT_POLICY_CLASS_CONFIG),
                config, ConnectorClientConfigOverridePolicy.class);
    }

    public String workerId() {
        return workerId;
    }

    static String workerIdOf(String advertisedUrl) {
        var uri = java.net.URI.create(advertisedUrl);
        return uri.getHost() + ":" + uri.getPort();
    }
}
