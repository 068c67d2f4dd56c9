package dev.sluice.testkit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A worker node stopped and started again brings its connectors back RUNNING, from their committed offsets. */
class NodeRestartIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void connectorsComeBackRunningAndResumeFromTheirOffsets() {
        SluiceTestEnvironment env = SluiceTestEnvironment.get();
        ConnectRestClient api = env.connect();
        int records = 2000;
        assertThat(api.createConnector("restart-source", Map.of(
                "connector.class", "dev.sluice.connect.datagen.DatagenSourceConnector",
                "tasks.max", "2",
                "kafka.topic", "restart-topic",
                "record.size.bytes", "100",
                "records.per.second", "400",
                "max.records", String.valueOf(records),
                "key.converter", "org.apache.kafka.connect.storage.StringConverter",
                "value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter")).status())
                .isEqualTo(201);
        await().atMost(WAIT).until(() -> api.hasState("restart-source", "RUNNING", 2));
        await().atMost(WAIT).until(() -> !api.get("/connectors/restart-source/offsets")
                .body().path("offsets").isEmpty());

        env.node().stop(); // mid-way: at 400 records/s, 2000 records take 5 s
        env.node().start();

        await().atMost(WAIT).until(() -> api.hasState("restart-source", "RUNNING", 2));
        await().atMost(WAIT).until(() -> TopicReader.readAll(env.bootstrapServers(), "restart-topic").size() >= records);
        List<ConsumerRecord<byte[], byte[]>> topic = TopicReader.readAll(env.bootstrapServers(), "restart-topic");
        List<Long> keys = topic.stream()
                .map(r -> Long.parseLong(new String(r.key(), StandardCharsets.UTF_8)))
                .sorted()
                .toList();
        // a graceful stop commits the source offsets: nothing lost, nothing produced twice
        assertThat(keys).containsExactlyElementsOf(LongStream.range(0, records).boxed().toList());

        assertThat(api.delete("/connectors/restart-source").status()).isEqualTo(204);
    }
}
