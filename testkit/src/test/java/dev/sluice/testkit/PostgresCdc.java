package dev.sluice.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.runtime.dev.LocalPostgresServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * What the CDC integration tests share: an {@code RdsPostgresConnector} config against the PostgreSQL stand-in, SQL
 * on it, and a topic's records as JSON.
 */
final class PostgresCdc implements AutoCloseable {

    static final String CONNECTOR_CLASS = "dev.sluice.connect.cdc.RdsPostgresConnector";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SluiceTestEnvironment env;
    private final LocalPostgresServer postgres;
    private final Admin admin;

    PostgresCdc(SluiceTestEnvironment env) {
        this.env = env;
        this.postgres = env.postgres();
        this.admin = Admin.create(Map.of("bootstrap.servers", env.bootstrapServers()));
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
        config.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("key.converter.schemas.enable", "false");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter.schemas.enable", "false");
        config.put("topic.creation.default.partitions", "1");
        config.put("topic.creation.default.replication.factor", "1");
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

    /** A topic's records as (key, value) JSON; a null value is a tombstone. Empty while the topic does not exist. */
    List<Change> changes(String topic) {
        try {
            if (!admin.listTopics().names().get().contains(topic)) {
                return List.of();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        List<Change> out = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : TopicReader.readAll(env.bootstrapServers(), topic)) {
            out.add(new Change(record.offset(), parse(record.key()), parse(record.value())));
        }
        return out;
    }

    static JsonNode parse(byte[] bytes) {
        try {
            return bytes == null ? null : JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One record of a table's topic, in Debezium's envelope. */
    record Change(long offset, JsonNode key, JsonNode value) {
        String op() {
            return value == null ? "tombstone" : value.path("op").asText();
        }

        int id() {
            return key.path("id").asInt();
        }

        /** The change's position in the WAL: the LSN Debezium puts in {@code source.lsn}. */
        long lsn() {
            return value.path("source").path("lsn").asLong(-1);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
