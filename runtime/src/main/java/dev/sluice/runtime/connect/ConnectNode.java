package dev.sluice.runtime.connect;

import dev.sluice.runtime.config.AwsSettings;
import dev.sluice.runtime.config.ConnectSettings;
import dev.sluice.runtime.config.KafkaSettings;
import dev.sluice.runtime.logging.LogbackLoggers;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.runtime.Worker;
import org.apache.kafka.connect.runtime.distributed.DistributedConfig;
import org.apache.kafka.connect.runtime.isolation.Plugins;
import org.apache.kafka.connect.runtime.rest.RestClient;
import org.apache.kafka.connect.runtime.rest.RestServerConfig;
import org.apache.kafka.connect.storage.MemoryOffsetBackingStore;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The Kafka Connect side of a worker node, assembled: the plugins (scanned once, shared by every worker), the
 * validation herder, the per-connector clusters and the routing herder that the REST API sees.
 */
public record ConnectNode(
        Plugins plugins,
        ValidationHerder validation,
        ConnectorClusters clusters,
        ConnectorClusterFactory factory,
        RoutingHerder herder,
        TaskRestarter restarter,
        RestServerConfig restConfig,
        RestClient restClient) {

    /**
     * @param placement where each connector's workers run: {@link WorkerPlacement#alone()} for a node on its own, the
     *                  fleet's placement otherwise
     */
    public static ConnectNode assemble(KafkaSettings kafka, ConnectSettings connect, AwsSettings aws,
                                       String advertisedUrl, Admin admin, WorkerPlacement placement) {
        WorkerProperties workerProperties = new WorkerProperties(kafka, connect);
        Plugins plugins = new Plugins(workerProperties.forValidation());
        // Config classes (converters, policies) may live on the plugin path: load them through Connect's loader.
        plugins.compareAndSwapWithDelegatingLoader();
        workerProperties = workerProperties.withConfigProviders(BuiltInConfigProviders.declare(aws, plugins));
        Map<String, String> validationProps = workerProperties.forValidation();

        DistributedConfig validationConfig = new DistributedConfig(validationProps);
        RestClient restClient = new RestClient(validationConfig);
        var otherNodes = remoteNodes(RemoteHerder.newHttpClient());
        ConnectorClusterFactory factory = new ConnectorClusterFactory(plugins, workerProperties, advertisedUrl,
                restClient, otherNodes);

        MemoryOffsetBackingStore noOffsets = new MemoryOffsetBackingStore() {
            @Override
            public Set<Map<String, Object>> connectorPartitions(String connectorName) {
                return Set.of();
            }
        };
        var policy = factory.overridePolicy(validationConfig);
        Worker validationWorker = new Worker(factory.workerId(), Time.SYSTEM, plugins, validationConfig,
                noOffsets, policy);
        ValidationHerder validation = new ValidationHerder(validationWorker, validationConfig.kafkaClusterId(),
                policy);

        Map<String, Object> clientProps = new HashMap<>(kafka.clientProperties());
        clientProps.put("bootstrap.servers", kafka.bootstrapServers());
        ConnectorRegistry registry = new ConnectorRegistry(connect.registryTopic(), clientProps);
        ConnectorClusters clusters = new ConnectorClusters(registry, factory, admin, placement);

        ExecutorService creator = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "sluice-connector-creator");
            t.setDaemon(true);
            return t;
        });
        TaskRestarter restarter = new TaskRestarter(clusters, connect.taskRestartAttempts(),
                connect.taskRestartBackoff().toJavaDuration());
        RoutingHerder herder = new RoutingHerder(clusters, validation, new LogbackLoggers(Time.SYSTEM), creator,
                restarter, otherNodes);
        RestServerConfig restConfig = RestServerConfig.forPublic(validationConfig.getInt(
                DistributedConfig.REBALANCE_TIMEOUT_MS_CONFIG), validationProps);
        return new ConnectNode(plugins, validation, clusters, factory, herder, restarter, restConfig, restClient);
    }

    /** The herder that makes calls on another node, one for each node's URL, all sharing one HTTP client. */
    private static java.util.function.Function<String, org.apache.kafka.connect.runtime.Herder> remoteNodes(
            java.net.http.HttpClient http) {
        Map<String, org.apache.kafka.connect.runtime.Herder> byUrl = new java.util.concurrent.ConcurrentHashMap<>();
        return nodeUrl -> byUrl.computeIfAbsent(nodeUrl, url -> new RemoteHerder(http, url));
    }
}
