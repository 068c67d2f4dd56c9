package dev.sluice.runtime.broker;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kafka properties of the embedded cluster's nodes: replication sized to the number of brokers, quick start-up,
 * and few threads, since a dev laptop runs the whole cluster, the workers and the AWS stand-ins on two cores.
 */
final class EmbeddedNodeProperties {

    private static final int MIB = 1024 * 1024;

    private EmbeddedNodeProperties() {
    }

    static Map<String, String> controller(int brokers, Duration startTimeout) {
        var props = common(brokers, startTimeout);
        // Since Kafka 4.x the controller decides the replication factor of topics created without one
        // (auto-created topics included); setting it on brokers is deprecated.
        props.put("default.replication.factor", Integer.toString(replicationFactor(brokers)));
        return props;
    }

    static Map<String, String> broker(int brokers, Duration startTimeout, Map<String, String> overrides) {
        int replicationFactor = replicationFactor(brokers);
        var props = common(brokers, startTimeout);
        props.put("auto.create.topics.enable", "true");
        for (var internalTopic : List.of("offsets.topic", "transaction.state.log", "share.coordinator.state.topic")) {
            props.put(internalTopic + ".replication.factor", Integer.toString(replicationFactor));
            props.put(internalTopic + ".num.partitions", "10");
        }
        props.put("transaction.state.log.min.isr", Integer.toString(minInSyncReplicas(brokers)));
        props.put("share.coordinator.state.topic.min.isr", Integer.toString(minInSyncReplicas(brokers)));
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("group.coordinator.threads", "1");
        props.put("num.replica.fetchers", "1");
        props.put("log.cleaner.threads", "1");
        // The cleaner allocates its whole dedupe buffer up front: 128 MiB per broker by default.
        props.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * MIB));
        props.put("log.segment.bytes", Integer.toString(64 * MIB));
        props.put("log.index.size.max.bytes", Integer.toString(MIB));
        // A broker is unfenced on a heartbeat; beating faster shortens start-up.
        props.put("broker.heartbeat.interval.ms", "500");
        props.putAll(overrides);
        return props;
    }

    private static Map<String, String> common(int brokers, Duration startTimeout) {
        var props = new LinkedHashMap<String, String>();
        // Brokers check it on acks=all writes, the controller when it elects leaders.
        props.put("min.insync.replicas", Integer.toString(minInSyncReplicas(brokers)));
        props.put("num.network.threads", "2");
        props.put("num.io.threads", "2");
        props.put("background.threads", "2");
        props.put("num.recovery.threads.per.data.dir", "1");
        // A node stuck in start-up fails by itself, so the cluster never leaves one starting behind it.
        props.put("server.max.startup.time.ms", Long.toString(startTimeout.toMillis()));
        return props;
    }

    static int replicationFactor(int brokers) {
        return Math.min(3, brokers);
    }

    static int minInSyncReplicas(int brokers) {
        return brokers >= 3 ? 2 : 1;
    }
}
