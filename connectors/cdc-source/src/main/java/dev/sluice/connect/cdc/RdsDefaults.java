package dev.sluice.connect.cdc;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The RDS defaults, each filled in only where the config does not give the Debezium key itself, so that a user's
 * own value always wins.
 */
final class RdsDefaults {

    static final String PLUGIN_NAME = "plugin.name";
    static final String PUBLICATION_AUTOCREATE_MODE = "publication.autocreate.mode";
    static final String PUBLICATION_NAME = "publication.name";
    static final String SLOT_NAME = "slot.name";
    static final String SLOT_DROP_ON_STOP = "slot.drop.on.stop";
    static final String HEARTBEAT_INTERVAL_MS = "heartbeat.interval.ms";
    static final String HEARTBEAT_ACTION_QUERY = "heartbeat.action.query";
    static final String SSL_MODE = "database.sslmode";
    static final String POLL_INTERVAL_MS = "poll.interval.ms";

    static final String DEFAULT_HEARTBEAT_INTERVAL_MS = "10000";
    static final String DEFAULT_POLL_INTERVAL_MS = "100";
    /** PostgreSQL's NAMEDATALEN - 1: longer identifiers are truncated by the server, slot names refused. */
    static final int MAX_IDENTIFIER = 63;
    private static final String PUBLICATION_SUFFIX = "_publication";

    private RdsDefaults() {
    }

    /**
     * The Debezium config: {@code props} with each default the config does not set.
     *
     * @param name           the connector's name
     * @param heartbeatTable the table of the default heartbeat query
     */
    static Map<String, String> merge(Map<String, String> props, String name, String heartbeatTable) {
        Map<String, String> out = new HashMap<>(props);
        String identifier = identifier(name, MAX_IDENTIFIER - PUBLICATION_SUFFIX.length());
        out.putIfAbsent(PLUGIN_NAME, "pgoutput");
        out.putIfAbsent(PUBLICATION_AUTOCREATE_MODE, "filtered");
        out.putIfAbsent(PUBLICATION_NAME, identifier + PUBLICATION_SUFFIX);
        out.putIfAbsent(SLOT_NAME, identifier);
        // Debezium drops the slot whenever its task stops, rebalances and restarts included, and changes made while
        // no slot exists are lost: never by default (see RdsPostgresConnector#alterOffsets for when Sluice drops it).
        out.putIfAbsent(SLOT_DROP_ON_STOP, "false");
        out.putIfAbsent(HEARTBEAT_INTERVAL_MS, DEFAULT_HEARTBEAT_INTERVAL_MS);
        out.putIfAbsent(HEARTBEAT_ACTION_QUERY, heartbeatQuery(heartbeatTable));
        out.putIfAbsent(SSL_MODE, "require");
        // Debezium's 500 ms leaves each change up to a second behind at low rates (docs/benchmarks.md, cdc-source)
        out.putIfAbsent(POLL_INTERVAL_MS, DEFAULT_POLL_INTERVAL_MS);
        return out;
    }

    /** One row, updated at each heartbeat: a write that moves WAL on, and so the slot, while the tables are idle. */
    static String heartbeatQuery(String table) {
        return "INSERT INTO " + table + " (id, last_heartbeat) VALUES (1, now()) "
                + "ON CONFLICT (id) DO UPDATE SET last_heartbeat = EXCLUDED.last_heartbeat";
    }

    static String createHeartbeatTable(String table) {
        return "CREATE TABLE IF NOT EXISTS " + table
                + " (id integer PRIMARY KEY, last_heartbeat timestamptz NOT NULL)";
    }

    /**
     * A slot name from a connector name, by PostgreSQL's rules for slots: lower-case letters, digits and
     * underscores, at most {@code maxLength} characters. A name that had to change gets a hash of the original, so
     * that {@code orders-db} and {@code orders_db} get different slots.
     */
    static String identifier(String name, int maxLength) {
        String cleaned = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (cleaned.equals(name) && cleaned.length() <= maxLength) {
            return cleaned;
        }
        var crc = new CRC32();
        crc.update(name.getBytes(StandardCharsets.UTF_8));
        String hash = String.format("_%08x", crc.getValue());
        return cleaned.substring(0, Math.min(cleaned.length(), maxLength - hash.length())) + hash;
    }
}
