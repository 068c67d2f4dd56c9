package dev.sluice.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Records flow from the datagen source through Kafka to the discard sink: none lost, none duplicated. */
class DataFlowIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static ConnectRestClient api;

    @BeforeAll
    static void start() {
        api = SluiceTestEnvironment.get().connect();
    }

    @Test
    void everyGeneratedRecordReachesTheSinkExactlyOnceAndItsOffsetIsCommitted() throws Exception {
        int records = 3000;
        assertThat(api.createConnector("flow-source", Map.of(
                "connector.class", "dev.sluice.connect.datagen.DatagenSourceConnector",
                "tasks.max", "3",
                "kafka.topic", "flow",
                "record.size.bytes", "256",
                "records.per.second", "0",
                "max.records", String.valueOf(records),
                "key.converter", "org.apache.kafka.connect.storage.StringConverter",
                "value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter")).status())
                .isEqualTo(201);
        assertThat(api.createConnector("flow-sink", Map.of(
                "connector.class", "dev.sluice.connect.discard.DiscardSinkConnector",
                "tasks.max", "1",
                "topics", "flow",
                "key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter",
                "value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter")).status())
                .isEqualTo(201);

        await().atMost(WAIT).until(() -> discarded("flow-sink") == records);
        await().atMost(WAIT).until(() -> committedSinkOffset("flow-sink") == records);

        List<ConsumerRecord<byte[], byte[]>> topic = TopicReader.readAll(
                SluiceTestEnvironment.get().bootstrapServers(), "flow");
        Set<Long> keys = topic.stream()
                .map(r -> Long.parseLong(new String(r.key(), StandardCharsets.UTF_8)))
                .collect(Collectors.toSet());
        assertThat(topic).hasSize(records);
        assertThat(keys).containsExactlyInAnyOrderElementsOf(
                LongStream.range(0, records).boxed().toList());
        assertThat(topic).allSatisfy(r -> assertThat(r.value()).hasSize(256));

        assertThat(api.delete("/connectors/flow-source").status()).isEqualTo(204);
        assertThat(api.delete("/connectors/flow-sink").status()).isEqualTo(204);
    }

    /** Records the discard sink's tasks counted, read from their MBeans (the plugin lives in this JVM). */
    static long discarded(String connector) throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        long total = 0;
        for (ObjectName name : server.queryNames(
                new ObjectName("dev.sluice.connect.discard:type=DiscardSink,connector=" + connector + ",*"), null)) {
            total += (Long) server.getAttribute(name, "RecordCount");
        }
        return total;
    }

    private static long committedSinkOffset(String connector) {
        long sum = 0;
        for (JsonNode offset : api.get("/connectors/" + connector + "/offsets").body().path("offsets")) {
            sum += offset.path("offset").path("kafka_offset").asLong();
        }
        return sum;
    }
}
