package dev.sluice.runtime.mskconnect.workerconfig;

import java.util.List;
import java.util.Set;

/**
 * What Amazon MSK Connect accepts in a worker configuration, as its documentation lists it.
 *
 * <p>Source: Amazon MSK Developer Guide, "Supported worker configuration properties" (and, for the default,
 * "Default worker configuration", both under "Understand MSK Connect workers"). The {@code producer.} and
 * {@code consumer.} lists are the current page's; earlier revisions of the page lacked
 * {@code producer.linger.ms}, {@code producer.partitioner.class} and {@code consumer.max.poll.interval.ms}.
 * The list of unsupported properties is unchanged across the revisions we read.
 *
 * <p>The page says: the converters are required; only the listed {@code producer.} and {@code consumer.}
 * properties are supported; every other property is supported except the listed ones. Entries on that list
 * that end in a dot are prefixes, the rest exact keys, and we match them that way: {@code listeners} forbids
 * only that key, while {@code listeners.https.} forbids its family. Keys are case-sensitive, as in Kafka.
 */
final class SupportedWorkerProperties {

    static final List<String> REQUIRED = List.of("key.converter", "value.converter");

    static final String PRODUCER_PREFIX = "producer.";
    static final String CONSUMER_PREFIX = "consumer.";

    static final Set<String> PRODUCER = Set.of(
            "producer.acks",
            "producer.batch.size",
            "producer.buffer.memory",
            "producer.compression.type",
            "producer.enable.idempotence",
            "producer.key.serializer",
            "producer.linger.ms",
            "producer.max.request.size",
            "producer.metadata.max.age.ms",
            "producer.metadata.max.idle.ms",
            "producer.partitioner.class",
            "producer.reconnect.backoff.max.ms",
            "producer.reconnect.backoff.ms",
            "producer.request.timeout.ms",
            "producer.retry.backoff.ms",
            "producer.value.serializer");

    static final Set<String> CONSUMER = Set.of(
            "consumer.allow.auto.create.topics",
            "consumer.auto.offset.reset",
            "consumer.check.crcs",
            "consumer.fetch.max.bytes",
            "consumer.fetch.max.wait.ms",
            "consumer.fetch.min.bytes",
            "consumer.heartbeat.interval.ms",
            "consumer.key.deserializer",
            "consumer.max.partition.fetch.bytes",
            "consumer.max.poll.interval.ms",
            "consumer.max.poll.records",
            "consumer.metadata.max.age.ms",
            "consumer.partition.assignment.strategy",
            "consumer.reconnect.backoff.max.ms",
            "consumer.reconnect.backoff.ms",
            "consumer.request.timeout.ms",
            "consumer.retry.backoff.ms",
            "consumer.session.timeout.ms",
            "consumer.value.deserializer");

    /** Unsupported families: the listed entries that end in a dot. */
    static final List<String> UNSUPPORTED_PREFIXES = List.of(
            "access.control.",
            "admin.",
            "admin.listeners.https.",
            "client.",
            "connect.",
            "inter.worker.",
            "internal.",
            "listeners.https.",
            "metrics.",
            "metrics.context.",
            "rest.",
            "sasl.",
            "security.",
            "socket.",
            "ssl.",
            "topic.tracking.",
            "worker.");

    /** Unsupported single keys: the listed entries that do not end in a dot. */
    static final Set<String> UNSUPPORTED_KEYS = Set.of(
            "bootstrap.servers",
            "config.storage.topic",
            "connections.max.idle.ms",
            "connector.client.config.override.policy",
            "group.id",
            "listeners",
            "metric.reporters",
            "plugin.path",
            "receive.buffer.bytes",
            "response.http.headers.config",
            "scheduled.rebalance.max.delay.ms",
            "send.buffer.bytes",
            "status.storage.topic");

    private SupportedWorkerProperties() {
    }

    /** Whether the list of unsupported properties names {@code key}, exactly or by one of its prefixes. */
    static boolean isUnsupported(String key) {
        return UNSUPPORTED_KEYS.contains(key) || UNSUPPORTED_PREFIXES.stream().anyMatch(key::startsWith);
    }
}
