package dev.sluice.connect.cdc.mysql;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The RDS defaults of the MySQL connector, each filled in only where the config does not give the Debezium key itself,
 * so that a user's own value always wins.
 */
final class RdsMySqlDefaults {

    static final String SERVER_ID = "database.server.id";
    static final String SSL_MODE = "database.ssl.mode";
    static final String SNAPSHOT_LOCKING_MODE = "snapshot.locking.mode";
    static final String HEARTBEAT_INTERVAL_MS = "heartbeat.interval.ms";
    static final String SCHEMA_HISTORY = "schema.history.internal";
    static final String HISTORY_TOPIC = "schema.history.internal.kafka.topic";
    static final String HISTORY_BOOTSTRAP = "schema.history.internal.kafka.bootstrap.servers";

    static final String KAFKA_SCHEMA_HISTORY = "io.debezium.storage.kafka.history.KafkaSchemaHistory";
    static final String DEFAULT_SSL_MODE = "required";
    static final String DEFAULT_LOCKING_MODE = "minimal";
    static final String DEFAULT_HEARTBEAT_INTERVAL_MS = "10000";
    static final String HISTORY_TOPIC_SUFFIX = ".schema-history";

    /**
     * Server ids are drawn from [{@value #SERVER_ID_MIN}, {@value #SERVER_ID_MIN} + {@value #SERVER_ID_SPAN}): clear
     * of the small numbers people give their own servers, and leaving room below MySQL's limit (2^32 - 1) for
     * Debezium's {@code database.server.id.offset} (10,000 by default), which it adds during some snapshots.
     */
    static final long SERVER_ID_MIN = 100_000L;
    static final long SERVER_ID_SPAN = 4_000_000_000L;
    /** Kafka's longest topic name. */
    private static final int MAX_TOPIC = 249;

    private RdsMySqlDefaults() {
    }

    /**
     * The Debezium config: {@code props} with each default the config does not set.
     *
     * @param name the connector's name, which the server id and the schema history topic are derived from
     */
    static Map<String, String> merge(Map<String, String> props, String name) {
        Map<String, String> out = new HashMap<>(props);
        out.putIfAbsent(SERVER_ID, Long.toString(serverId(name)));
        out.putIfAbsent(SSL_MODE, DEFAULT_SSL_MODE);
        // RDS refuses FLUSH TABLES WITH READ LOCK; under 'minimal' Debezium then takes read locks on the captured
        // tables for the snapshot's duration, which keeps the snapshot consistent with the binlog position
        out.putIfAbsent(SNAPSHOT_LOCKING_MODE, DEFAULT_LOCKING_MODE);
        out.putIfAbsent(HEARTBEAT_INTERVAL_MS, DEFAULT_HEARTBEAT_INTERVAL_MS);
        out.putIfAbsent(SCHEMA_HISTORY, KAFKA_SCHEMA_HISTORY);
        if (usesKafkaHistory(out)) {
            out.putIfAbsent(HISTORY_TOPIC, historyTopic(name));
        }
        return out;
    }

    static boolean usesKafkaHistory(Map<String, String> props) {
        return KAFKA_SCHEMA_HISTORY.equals(props.getOrDefault(SCHEMA_HISTORY, KAFKA_SCHEMA_HISTORY).trim());
    }

    /**
     * The binlog client's server id, from the connector's name: the same name always gets the same id, and two
     * connectors on one database (which must not share an id, or the server drops one's binlog stream) get different
     * ones, bar a one-in-four-billion collision.
     */
    static long serverId(String name) {
        var crc = new CRC32();
        crc.update(name.getBytes(StandardCharsets.UTF_8));
        return SERVER_ID_MIN + crc.getValue() % SERVER_ID_SPAN;
    }

    /** {@code <name>.schema-history}, the name made a legal Kafka topic name ({@code [a-zA-Z0-9._-]}, 249 at most). */
    static String historyTopic(String name) {
        String cleaned = name.replaceAll("[^a-zA-Z0-9._-]", "_");
        int room = MAX_TOPIC - HISTORY_TOPIC_SUFFIX.length();
        return cleaned.substring(0, Math.min(cleaned.length(), room)) + HISTORY_TOPIC_SUFFIX;
    }
}
