package dev.sluice.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/** What the CDC integration tests of every engine read: a table's topic as Debezium's JSON change records. */
final class CdcTopics implements AutoCloseable {

    /**
     * The connector settings every CDC test uses: keys and values as plain JSON (no schema), and topics of one
     * partition on the single test broker.
     */
    static final Map<String, String> PLAIN_JSON_TOPICS = Map.of(
            "key.converter", "org.apache.kafka.connect.json.JsonConverter",
            "key.converter.schemas.enable", "false",
            "value.converter", "org.apache.kafka.connect.json.JsonConverter",
            "value.converter.schemas.enable", "false",
            "topic.creation.default.partitions", "1",
            "topic.creation.default.replication.factor", "1");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String bootstrapServers;
    private final Admin admin;

    CdcTopics(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers));
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
        for (ConsumerRecord<byte[], byte[]> record : TopicReader.readAll(bootstrapServers, topic)) {
            out.add(new Change(record.offset(), parse(record.key()), parse(record.value())));
        }
        return out;
    }

    /** The ids of the rows a topic's change records carry after the change (tombstones left out). */
    List<Integer> afterIds(String topic) {
        return changes(topic).stream().filter(c -> c.value() != null)
                .map(c -> c.value().path("after").path("id").asInt()).toList();
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

        /** The change's position in the WAL: the LSN Debezium puts in {@code source.lsn} (PostgreSQL). */
        long lsn() {
            return value.path("source").path("lsn").asLong(-1);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
