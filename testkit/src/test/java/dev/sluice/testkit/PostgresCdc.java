package dev.sluice.testkit;

import dev.sluice.runtime.dev.LocalPostgresServer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the CDC integration tests share: an {@code RdsPostgresConnector} config against the PostgreSQL stand-in, SQL
 * on it, and its topics' records ({@link CdcTopics}).
 */
final class PostgresCdc implements AutoCloseable {

    static final String CONNECTOR_CLASS = "dev.sluice.connect.cdc.RdsPostgresConnector";

    private final SluiceTestEnvironment env;
    private final LocalPostgresServer postgres;
    private final CdcTopics topics;

    PostgresCdc(SluiceTestEnvironment env) {
        this.env = env;
        this.postgres = env.postgres();
        this.topics = new CdcTopics(env.bootstrapServers());
    }

    /** A config capturing {@code table} into {@code <prefix>.<table>}, JSON keys and values without schemas. */
    Map<String, String> config(String table, String prefix, Map<String, String> overrides) {
        Map<String, String> config = new HashMap<>(Map.of(
                "connector.class", CONNECTOR_CLASS,
                "database.hostname", postgres.host(),
                "database.port", String.valueOf(postgres.port()),
                "database.user", postgres.user(),
                "database.password", postgres.password(),
                "database.dbname", postgres.database(),
                // the stand-in has no TLS; RDS's default here is require
                "database.sslmode", "disable",
                "topic.prefix", prefix,
                "table.include.list", table));
        config.putAll(CdcTopics.PLAIN_JSON_TOPICS);
        config.putAll(overrides);
        return config;
    }

    void sql(String... statements) {
        try (Connection connection = postgres.connect(); Statement sql = connection.createStatement()) {
            for (String statement : statements) {
                sql.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row of {@code query} with {@code params}, as a string; null when no row. */
    String queryString(String query, Object... params) {
        try (Connection connection = postgres.connect(); PreparedStatement sql = connection.prepareStatement(query)) {
            for (int i = 0; i < params.length; i++) {
                sql.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = sql.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ids of {@code table}, in id order. */
    List<Integer> ids(String table) {
        try (Connection connection = postgres.connect(); Statement sql = connection.createStatement();
             ResultSet rs = sql.executeQuery("SELECT id FROM " + table + " ORDER BY id")) {
            List<Integer> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getInt(1));
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean slotExists(String slot) {
        return queryString("SELECT slot_name FROM pg_replication_slots WHERE slot_name = ?", slot) != null;
    }

    /** True while a connector reads the slot (its WAL sender is attached). */
    boolean slotActive(String slot) {
        return "t".equals(queryString("SELECT active FROM pg_replication_slots WHERE slot_name = ?", slot));
    }

    /** Drops the slot if it is left over; for clean-up after a failed test, so it holds no WAL for the others. */
    void dropSlotIfLeft(String slot) {
        if (slotExists(slot)) {
            sql("SELECT pg_drop_replication_slot('" + slot + "')");
        }
    }

    /** A topic's records as (key, value) JSON; see {@link CdcTopics#changes}. */
    List<CdcTopics.Change> changes(String topic) {
        return topics.changes(topic);
    }

    /** The ids of the rows a topic's change records carry; see {@link CdcTopics#afterIds}. */
    List<Integer> afterIds(String topic) {
        return topics.afterIds(topic);
    }

    @Override
    public void close() {
        topics.close();
    }
}
