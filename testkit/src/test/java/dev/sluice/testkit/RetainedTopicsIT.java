package dev.sluice.testkit;

import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code sluice.retain.internal.topics=true}: a deleted connector's Connect cluster keeps its internal topics, and
 * a connector created again under the same name resumes from the offsets they hold, as MSK Connect users expect.
 */
class RetainedTopicsIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    private static Map<String, String> datagen(long maxRecords) {
        return Map.of(
                "connector.class", "dev.sluice.connect.datagen.DatagenSourceConnector",
                "tasks.max", "1",
                "kafka.topic", "retained-topic",
                "record.size.bytes", "32",
                "records.per.second", "0",
                "max.records", String.valueOf(maxRecords),
                "sluice.retain.internal.topics", "true",
                "key.converter", "org.apache.kafka.connect.storage.StringConverter",
                "value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    }

    @Test
    void aConnectorCreatedAgainResumesFromItsPredecessorsOffsets() throws Exception {
        SluiceTestEnvironment env = SluiceTestEnvironment.get();
        ConnectRestClient api = env.connect();
        assertThat(api.createConnector("retained", datagen(300)).status()).isEqualTo(201);
        await().atMost(WAIT).until(() -> api.get("/connectors/retained/offsets").body().path("offsets").toString()
                .contains("\"seq\":299"));
        assertThat(api.delete("/connectors/retained").status()).isEqualTo(204);

        try (Admin admin = Admin.create(Map.of("bootstrap.servers", env.bootstrapServers()))) {
            assertThat(admin.listTopics().names().get()).anyMatch(t -> t.startsWith("__sluice_offsets_retained_"));
        }

        // the successor is asked for 600 records in all: it produces the 300 its predecessor had not
        assertThat(api.createConnector("retained", datagen(600)).status()).isEqualTo(201);
        await().atMost(WAIT).until(() -> TopicReader.readAll(env.bootstrapServers(), "retained-topic").size() >= 600);
        List<Long> keys = TopicReader.readAll(env.bootstrapServers(), "retained-topic").stream()
                .map(r -> Long.parseLong(new String(r.key(), StandardCharsets.UTF_8)))
                .sorted()
                .toList();
        assertThat(keys).containsExactlyElementsOf(LongStream.range(0, 600).boxed().toList());
        assertThat(api.delete("/connectors/retained").status()).isEqualTo(204);
    }
}
