package dev.sluice.runtime.connect;

import dev.sluice.runtime.config.ConnectSettings;
import dev.sluice.runtime.config.KafkaSettings;
import dev.sluice.runtime.metrics.KafkaMetricsReporter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds the Kafka Connect worker properties of the node and of each connector's Connect cluster. */
public final class WorkerProperties {

    /** Prefixes under which Connect passes settings to the clients of connectors. */
    private static final List<String> CLIENT_PREFIXES = List.of("", "producer.", "consumer.", "admin.");

    private final KafkaSettings kafka;
    private final ConnectSettings connect;
    private final BuiltInConfigProviders.Declaration configProviders;

    public WorkerProperties(KafkaSettings kafka, ConnectSettings connect) {
        this(kafka, connect, BuiltInConfigProviders.Declaration.none());
    }

    /** @param configProviders the config providers every worker declares */
    WorkerProperties(KafkaSettings kafka, ConnectSettings connect,
                     BuiltInConfigProviders.Declaration configProviders) {
        this.kafka = kafka;
        this.connect = connect;
        this.configProviders = configProviders;
    }

    /** These settings, with the config providers declared. */
    WorkerProperties withConfigProviders(BuiltInConfigProviders.Declaration declared) {
        return new WorkerProperties(kafka, connect, declared);
    }

    /**
     * Settings every worker of this node shares: Kafka, plugins, config providers, and the operator's worker
     * properties.
     */
    public Map<String, String> common() {
        Map<String, String> props = new HashMap<>();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        for (String prefix : CLIENT_PREFIXES) {
            kafka.clientProperties().forEach((k, v) -> props.put(prefix + k, v));
        }
        if (!connect.pluginPath().isEmpty()) {
            props.put("plugin.path", String.join(",", connect.pluginPath()));
        }
        // Find plugins through their ServiceLoader manifests, not by scanning every class of the node's large
        // classpath (seconds per start). Plugins without manifests need plugin.discovery=hybrid_warn in
        // connect.workerProperties, or Kafka's `connect-plugin-path sync-manifests` run once over them.
        props.put("plugin.discovery", "service_load");
        props.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        // One connector per Connect cluster: offsets and status need no spread over many partitions.
        props.put("offset.storage.partitions", "1");
        props.put("status.storage.partitions", "1");
        props.put("config.storage.replication.factor", "-1");
        props.put("offset.storage.replication.factor", "-1");
        props.put("status.storage.replication.factor", "-1");
        // A connector's cluster has one worker per node: tasks of a worker that is gone are reassigned at once
        // instead of waiting five minutes for it to come back.
        props.put("scheduled.rebalance.max.delay.ms", "0");
        // A sink task's consumer on a node that died holds its partitions for the consumer group's session
        // timeout (45 s by default), and the group's eager rebalance stops every partition until then: 10 s, as
        // the Connect group's own, so that a dead node's tasks resume on the others within seconds.
        props.put("consumer.session.timeout.ms", "10000");
        // Kafka Connect's recommended interval (its default is 60 s): offsets reach Kafka soon after records do.
        props.put("offset.flush.interval.ms", "10000");
        props.put("metric.reporters", KafkaMetricsReporter.class.getName());
        props.putAll(configProviders.workerProperties());
        props.putAll(connect.workerProperties());
        return props;
    }

    /** Settings of the Connect cluster that runs one connector: its own group and internal topics. */
    public Map<String, String> forCluster(ConnectorClusterId id) {
        Map<String, String> props = withOverrides(id.workerOverrides());
        props.put("group.id", id.groupId());
        props.put("config.storage.topic", id.configTopic());
        props.put("offset.storage.topic", id.offsetsTopic());
        props.put("status.storage.topic", id.statusTopic());
        props.put("client.id", id.groupId());
        props.put(KafkaMetricsReporter.CONNECTOR_TAG_CONFIG, id.connectorName());
        return props;
    }

    /**
     * The shared settings with a cluster's worker overrides (an MSK Connect worker configuration, custom plugins). A
     * plugin path of its own also gets the declared config providers' plugin, so that its workers can load them.
     */
    public Map<String, String> withOverrides(Map<String, String> overrides) {
        Map<String, String> props = common();
        props.putAll(overrides);
        if (overrides.containsKey("plugin.path")) {
            configProviders.pluginPath().ifPresent(path -> props.merge("plugin.path", path,
                    (own, providers) -> own.isBlank() ? providers : own + "," + providers));
        }
        return props;
    }

    /** Settings of the node's validation worker, which checks configs and lists plugins but runs nothing. */
    public Map<String, String> forValidation() {
        Map<String, String> props = common();
        props.put("group.id", "__sluice_validation");
        props.put("config.storage.topic", "__sluice_validation_configs");
        props.put("offset.storage.topic", "__sluice_validation_offsets");
        props.put("status.storage.topic", "__sluice_validation_status");
        props.remove("metric.reporters");
        return props;
    }
}
