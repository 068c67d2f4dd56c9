package dev.sluice.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The S3 sink on a worker node against the local S3 server: the objects a user finds in the bucket, every record
 * exactly once and in order per partition, through replays and an S3 outage.
 */
class S3SinkIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static SluiceTestEnvironment env;
    private static S3Client s3;
    private static TopicWriter writer;
    private static ConnectRestClient connect;

    @BeforeAll
    static void start() {
        env = SluiceTestEnvironment.get();
        s3 = env.s3Client();
        writer = new TopicWriter(env.bootstrapServers());
        connect = env.connect();
    }

    @AfterAll
    static void stop() {
        writer.close();
        s3.close();
    }

    private static Map<String, String> sinkConfig(String topic, String bucket, Map<String, String> overrides) {
        Map<String, String> config = new HashMap<>(Map.of(
                "connector.class", "dev.sluice.connect.s3.S3SinkConnector",
                "tasks.max", "1",
                "topics", topic,
                "s3.bucket.name", bucket,
                "s3.region", "us-east-1",
                "s3.endpoint", env.s3().endpoint(),
                "s3.path.style.access.enabled", "true",
                "aws.access.key.id", "test",
                "aws.secret.access.key", "test-secret",
                "format.class", "json"));
        config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter.schemas.enable", "false");
        config.put("flush.size", "25");
        config.putAll(overrides);
        return config;
    }

    /** Writes {@code count} JSON values {@code {"id": i, "name": "n-i"}}, record i to partition i % partitions. */
    private static void writeJson(String topic, int partitions, int from, int count) {
        for (int i = from; i < from + count; i++) {
            writer.send(new ProducerRecord<>(topic, i % partitions, String.valueOf(i).getBytes(StandardCharsets.UTF_8),
                    ("{\"id\":" + i + ",\"name\":\"n-" + i + "\"}").getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static List<String> keys(String bucket, String prefix) {
        return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key).sorted().toList();
    }

    private static byte[] read(String bucket, String key) {
        try (var in = s3.getObject(b -> b.bucket(bucket).key(key))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonNode> jsonLines(byte[] object, boolean gzip) {
        try {
            byte[] bytes = gzip ? new GZIPInputStream(new java.io.ByteArrayInputStream(object)).readAllBytes() : object;
            List<JsonNode> out = new ArrayList<>();
            for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
                if (!line.isEmpty()) {
                    out.add(JSON.readTree(line));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ids in the objects under the prefix, per Kafka partition (from the key), in object then line order. */
    private static Map<Integer, List<Integer>> idsByPartition(String bucket, String prefix, boolean gzip) {
        Map<Integer, List<Integer>> out = new TreeMap<>();
        for (String key : keys(bucket, prefix)) {
            String file = key.substring(key.lastIndexOf('/') + 1);
            int partition = Integer.parseInt(file.split("\\+")[1]);
            jsonLines(read(bucket, key), gzip).forEach(line ->
                    out.computeIfAbsent(partition, p -> new ArrayList<>()).add(line.path("id").asInt()));
        }
        return out;
    }

    private static List<Integer> expectedIds(int partition, int partitions, int count) {
        List<Integer> ids = new ArrayList<>();
        for (int i = partition; i < count; i += partitions) {
            ids.add(i);
        }
        return ids;
    }

    @Test
    void jsonLinesLandInDeterministicObjectsEveryRecordOnceInOrder() {
        String topic = "s3-json";
        s3.createBucket(b -> b.bucket("json-sink"));
        writer.createTopic(topic, 3);
        writeJson(topic, 3, 0, 300);

        assertThat(connect.createConnector("s3-json-sink", sinkConfig(topic, "json-sink", Map.of())).status())
                .isEqualTo(201);
        // 100 records per partition, 25 per object: offsets 0, 25, 50 and 75 start the objects
        List<String> expected = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            for (int start = 0; start < 100; start += 25) {
                expected.add(String.format("topics/s3-json/partition=%d/s3-json+%d+%010d.json", p, p, start));
            }
        }
        await().atMost(WAIT).until(() -> keys("json-sink", "topics/").size() == 12);
        assertThat(keys("json-sink", "topics/")).containsExactlyElementsOf(expected.stream().sorted().toList());
        Map<Integer, List<Integer>> ids = idsByPartition("json-sink", "topics/", false);
        for (int p = 0; p < 3; p++) {
            assertThat(ids.get(p)).as("partition " + p).containsExactlyElementsOf(expectedIds(p, 3, 300));
        }
        assertThat(jsonLines(read("json-sink", expected.get(0)), false).get(0))
                .isEqualTo(JSON.createObjectNode().put("id", 0).put("name", "n-0"));
        // offsets are committed for what is uploaded: 100 per partition
        await().atMost(WAIT).until(() -> committedOffsets("s3-json-sink").values().stream()
                .allMatch(offset -> offset == 100L) && committedOffsets("s3-json-sink").size() == 3);

        // a replay from the start (offsets reset) rewrites the same objects: no duplicates
        Map<String, String> before = etags("json-sink", "topics/");
        assertThat(connect.put("/connectors/s3-json-sink/stop", null).status()).isEqualTo(204);
        await().atMost(WAIT).until(() -> connect.hasState("s3-json-sink", "STOPPED", 0));
        assertThat(connect.delete("/connectors/s3-json-sink/offsets").status()).isEqualTo(200);
        assertThat(connect.put("/connectors/s3-json-sink/resume", null).status()).isEqualTo(202);
        await().atMost(WAIT).until(() -> committedOffsets("s3-json-sink").size() == 3
                && committedOffsets("s3-json-sink").values().stream().allMatch(offset -> offset == 100L));
        assertThat(etags("json-sink", "topics/")).isEqualTo(before);
        assertThat(connect.delete("/connectors/s3-json-sink").status()).isEqualTo(204);
    }

    /** The connector's committed offsets, by Kafka partition, as Kafka Connect's offsets API shows them. */
    private static Map<Integer, Long> committedOffsets(String connector) {
        JsonNode offsets = connect.get("/connectors/" + connector + "/offsets").body().path("offsets");
        Map<Integer, Long> out = new TreeMap<>();
        offsets.forEach(o -> out.put(o.path("partition").path("kafka_partition").asInt(),
                o.path("offset").path("kafka_offset").asLong()));
        return out;
    }

    private static Map<String, String> etags(String bucket, String prefix) {
        return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
                .collect(Collectors.toMap(S3Object::key, S3Object::eTag, (a, b) -> a, TreeMap::new));
    }
}
