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

    /** A schema'd JSON value (JsonConverter with schemas) of a struct {id, region, note}. */
    private static byte[] orderJson(int id, String region) {
        String schema = "{\"type\":\"struct\",\"name\":\"Order\",\"fields\":["
                + "{\"field\":\"id\",\"type\":\"int64\"},"
                + "{\"field\":\"region\",\"type\":\"string\",\"optional\":true},"
                + "{\"field\":\"note\",\"type\":\"string\",\"optional\":true}]}";
        String payload = "{\"id\":" + id + ",\"region\":" + (region == null ? "null" : "\"" + region + "\"")
                + ",\"note\":\"order " + id + "\"}";
        return ("{\"schema\":" + schema + ",\"payload\":" + payload + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, String> schemaful(Map<String, String> config) {
        Map<String, String> out = new HashMap<>(config);
        out.put("value.converter.schemas.enable", "true");
        return out;
    }

    @Test
    void avroObjectsPerFieldValueHoldEveryRecordOnce() throws Exception {
        String topic = "s3-avro";
        s3.createBucket(b -> b.bucket("avro-sink"));
        writer.createTopic(topic, 2);
        for (int i = 0; i < 80; i++) {
            writer.send(new ProducerRecord<>(topic, i % 2, null, orderJson(i, i % 3 == 0 ? "eu" : "us")));
        }
        assertThat(connect.createConnector("s3-avro-sink", schemaful(sinkConfig(topic, "avro-sink", Map.of(
                "format.class", "avro", "avro.codec", "snappy",
                "partitioner.class", "field", "partition.field.name", "region",
                "flush.size", "10")))).status()).isEqualTo(201);

        // 40 records per partition, uploaded 10 at a time: offsets up to 40 committed once all are in objects
        await().atMost(WAIT).until(() -> committedOffsets("s3-avro-sink").size() == 2
                && committedOffsets("s3-avro-sink").values().stream().allMatch(offset -> offset == 40L));
        Map<String, List<Long>> idsByRegionAndPartition = new TreeMap<>();
        for (String key : keys("avro-sink", "topics/")) {
            assertThat(key).matches("topics/s3-avro/region=(eu|us)/s3-avro\\+[01]\\+\\d{10}\\.avro");
            String region = key.split("/")[2].substring("region=".length());
            String partition = key.substring(key.lastIndexOf('/') + 1).split("\\+")[1];
            try (var reader = new org.apache.avro.file.DataFileReader<org.apache.avro.generic.GenericRecord>(
                    new org.apache.avro.file.SeekableByteArrayInput(read("avro-sink", key)),
                    new org.apache.avro.generic.GenericDatumReader<>())) {
                assertThat(reader.getMetaString("avro.codec")).isEqualTo("snappy");
                for (var record : reader) {
                    assertThat(record.get("region").toString()).isEqualTo(region);
                    assertThat(record.get("note").toString()).isEqualTo("order " + record.get("id"));
                    idsByRegionAndPartition.computeIfAbsent(region + "/" + partition, k -> new ArrayList<>())
                            .add((Long) record.get("id"));
                }
            }
        }
        // every record once, and in offset order within each region of each partition (objects by start offset)
        for (String region : List.of("eu", "us")) {
            for (int partition = 0; partition < 2; partition++) {
                List<Long> expected = new ArrayList<>();
                for (long i = partition; i < 80; i += 2) {
                    if ((i % 3 == 0) == region.equals("eu")) {
                        expected.add(i);
                    }
                }
                assertThat(idsByRegionAndPartition.get(region + "/" + partition)).as(region + "/" + partition)
                        .containsExactlyElementsOf(expected);
            }
        }
        assertThat(connect.delete("/connectors/s3-avro-sink").status()).isEqualTo(204);
    }

    @Test
    void parquetObjectsPerHourOfRecordTime() throws Exception {
        String topic = "s3-parquet";
        s3.createBucket(b -> b.bucket("parquet-sink"));
        writer.createTopic(topic, 1);
        long tenOClock = java.time.Instant.parse("2026-11-25T10:00:00Z").toEpochMilli();
        for (int i = 0; i < 90; i++) {
            // 30 records in each of the hours 10, 11 and 12, two minutes apart
            writer.send(new ProducerRecord<>(topic, 0, tenOClock + i * 120_000L, null, orderJson(i, "eu")));
        }
        assertThat(connect.createConnector("s3-parquet-sink", schemaful(sinkConfig(topic, "parquet-sink", Map.of(
                "format.class", "parquet", "parquet.codec", "snappy",
                "partitioner.class", "hourly", "timestamp.extractor", "Record",
                "locale", "en-GB", "timezone", "UTC",
                "flush.size", "30")))).status()).isEqualTo(201);

        List<String> expected = List.of(
                "topics/s3-parquet/year=2026/month=11/day=25/hour=10/s3-parquet+0+0000000000.snappy.parquet",
                "topics/s3-parquet/year=2026/month=11/day=25/hour=11/s3-parquet+0+0000000030.snappy.parquet",
                "topics/s3-parquet/year=2026/month=11/day=25/hour=12/s3-parquet+0+0000000060.snappy.parquet");
        await().atMost(WAIT).until(() -> keys("parquet-sink", "topics/").size() == 3);
        assertThat(keys("parquet-sink", "topics/")).containsExactlyElementsOf(expected);
        List<Long> ids = new ArrayList<>();
        for (String key : expected) {
            java.nio.file.Path file = env.workDir().resolve(key.replace('/', '_'));
            java.nio.file.Files.write(file, read("parquet-sink", key));
            try (var reader = org.apache.parquet.avro.AvroParquetReader
                    .<org.apache.avro.generic.GenericRecord>builder(new org.apache.parquet.io.LocalInputFile(file),
                            new org.apache.parquet.conf.PlainParquetConfiguration()).build()) {
                for (var row = reader.read(); row != null; row = reader.read()) {
                    assertThat(row.get("region").toString()).isEqualTo("eu");
                    ids.add((Long) row.get("id"));
                }
            }
        }
        assertThat(ids).containsExactlyElementsOf(java.util.stream.LongStream.range(0, 90).boxed().toList());
        assertThat(connect.delete("/connectors/s3-parquet-sink").status()).isEqualTo(204);
    }

    @Test
    void recordsThatCannotBePartitionedGoToTheDeadLetterQueue() {
        String topic = "s3-dlq-source";
        s3.createBucket(b -> b.bucket("dlq-sink"));
        writer.createTopic(topic, 1);
        for (int i = 0; i < 30; i++) {
            writer.send(new ProducerRecord<>(topic, 0, null, orderJson(i, i % 10 == 5 ? null : "eu")));
        }
        Map<String, String> config = schemaful(sinkConfig(topic, "dlq-sink", Map.of(
                "partitioner.class", "field", "partition.field.name", "region", "flush.size", "9",
                "errors.tolerance", "all",
                "errors.deadletterqueue.topic.name", "s3-dlq",
                "errors.deadletterqueue.topic.replication.factor", "1",
                "errors.deadletterqueue.context.headers.enable", "true")));
        assertThat(connect.createConnector("s3-dlq-sink", config).status()).isEqualTo(201);

        // ids 5, 15 and 25 have no region: reported, and the other 27 fill three objects of 9
        await().atMost(WAIT).until(() -> TopicReader.readAll(env.bootstrapServers(), "s3-dlq").size() == 3);
        var dead = TopicReader.readAll(env.bootstrapServers(), "s3-dlq");
        assertThat(dead).extracting(r -> r.offset()).containsExactly(0L, 1L, 2L);
        assertThat(dead.get(0).headers().lastHeader("__connect.errors.topic").value())
                .isEqualTo(topic.getBytes(StandardCharsets.UTF_8));
        assertThat(new String(dead.get(0).headers().lastHeader("__connect.errors.exception.message").value(),
                StandardCharsets.UTF_8)).contains("region");
        await().atMost(WAIT).until(() -> keys("dlq-sink", "topics/").size() == 3);
        List<Integer> ids = idsByPartition("dlq-sink", "topics/", false).get(0);
        assertThat(ids).hasSize(27).doesNotContain(5, 15, 25);
        await().atMost(WAIT).until(() -> committedOffsets("s3-dlq-sink").getOrDefault(0, 0L) == 30L);
        assertThat(connect.delete("/connectors/s3-dlq-sink").status()).isEqualTo(204);
    }

    @Test
    void aMissingBucketIsRefusedAtCreateNamingTheKey() {
        var reply = connect.createConnector("s3-no-bucket", sinkConfig("s3-nowhere", "no-such-bucket", Map.of()));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("message")).contains("s3.bucket.name").contains("no-such-bucket");
        assertThat(connect.get("/connectors/s3-no-bucket/status").status()).isEqualTo(404);
    }

    @Test
    void anS3OutageOfThirtySecondsLosesAndDuplicatesNothing() {
        String topic = "s3-outage";
        s3.createBucket(b -> b.bucket("outage-sink"));
        writer.createTopic(topic, 2);
        writeJson(topic, 2, 0, 200);
        assertThat(connect.createConnector("s3-outage-sink", sinkConfig(topic, "outage-sink", Map.of(
                "flush.size", "50", "s3.retry.backoff.ms", "500"))).status()).isEqualTo(201);
        await().atMost(WAIT).until(() -> keys("outage-sink", "topics/").size() == 4);

        env.s3().close();
        try {
            writeJson(topic, 2, 200, 200);
            // the task keeps retrying with back-off for the whole outage, and stays RUNNING
            await().during(Duration.ofSeconds(30)).atMost(Duration.ofSeconds(45))
                    .until(() -> connect.hasState("s3-outage-sink", "RUNNING", 1));
        } finally {
            env.s3().start();
        }
        await().atMost(WAIT).until(() -> keys("outage-sink", "topics/").size() == 8);
        Map<Integer, List<Integer>> ids = idsByPartition("outage-sink", "topics/", false);
        for (int p = 0; p < 2; p++) {
            assertThat(ids.get(p)).as("partition " + p).containsExactlyElementsOf(expectedIds(p, 2, 400));
        }
        assertThat(connect.delete("/connectors/s3-outage-sink").status()).isEqualTo(204);
    }

    @Test
    void anObjectOverThePartSizeIsUploadedInPartsByteForByte() throws Exception {
        String topic = "s3-multipart";
        s3.createBucket(b -> b.bucket("multipart-sink"));
        writer.createTopic(topic, 1);
        java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 100; i++) {
            byte[] value = new byte[64 * 1024];
            random.nextBytes(value);
            writer.send(new ProducerRecord<>(topic, 0, null, value));
            expected.write(value);
            expected.write('\n');
        }
        Map<String, String> config = sinkConfig(topic, "multipart-sink", Map.of(
                "format.class", "bytes", "flush.size", "100", "s3.part.size", String.valueOf(5 * 1024 * 1024),
                "value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter"));
        assertThat(connect.createConnector("s3-multipart-sink", config).status()).isEqualTo(201);

        String key = "topics/s3-multipart/partition=0/s3-multipart+0+0000000000.bin";
        await().atMost(WAIT).until(() -> keys("multipart-sink", "topics/").contains(key));
        assertThat(read("multipart-sink", key)).isEqualTo(expected.toByteArray());
        // 6.4 MiB in parts of 5 MiB: S3 names a multipart object's ETag after its part count
        assertThat(etags("multipart-sink", "topics/").get(key)).endsWith("-2\"");
        assertThat(connect.delete("/connectors/s3-multipart-sink").status()).isEqualTo(204);
    }

    @Test
    void compressedJsonLinesReadBackWithTheirCodec() throws Exception {
        String topic = "s3-zstd";
        s3.createBucket(b -> b.bucket("zstd-sink"));
        writer.createTopic(topic, 1);
        writeJson(topic, 1, 0, 50);
        assertThat(connect.createConnector("s3-zstd-sink", sinkConfig(topic, "zstd-sink", Map.of(
                "s3.compression.type", "zstd", "flush.size", "50"))).status()).isEqualTo(201);

        String key = "topics/s3-zstd/partition=0/s3-zstd+0+0000000000.json.zst";
        await().atMost(WAIT).until(() -> keys("zstd-sink", "topics/").contains(key));
        byte[] json;
        try (var in = new com.github.luben.zstd.ZstdInputStream(new java.io.ByteArrayInputStream(read("zstd-sink",
                key)))) {
            json = in.readAllBytes();
        }
        assertThat(jsonLines(json, false)).extracting(line -> line.path("id").asInt())
                .containsExactlyElementsOf(expectedIds(0, 1, 50));
        assertThat(connect.delete("/connectors/s3-zstd-sink").status()).isEqualTo(204);
    }

    @Test
    void aNewerSchemaVersionStartsANewAvroObject() throws Exception {
        String topic = "s3-evolve";
        s3.createBucket(b -> b.bucket("evolve-sink"));
        writer.createTopic(topic, 1);
        for (int i = 0; i < 30; i++) {
            String schema = i < 12
                    ? "{\"type\":\"struct\",\"name\":\"Item\",\"version\":1,\"fields\":["
                            + "{\"field\":\"id\",\"type\":\"int64\"}]}"
                    : "{\"type\":\"struct\",\"name\":\"Item\",\"version\":2,\"fields\":["
                            + "{\"field\":\"id\",\"type\":\"int64\"},"
                            + "{\"field\":\"colour\",\"type\":\"string\",\"optional\":true}]}";
            String payload = i < 12 ? "{\"id\":" + i + "}" : "{\"id\":" + i + ",\"colour\":\"red\"}";
            writer.send(new ProducerRecord<>(topic, 0, null, ("{\"schema\":" + schema + ",\"payload\":" + payload
                    + "}").getBytes(StandardCharsets.UTF_8)));
        }
        assertThat(connect.createConnector("s3-evolve-sink", schemaful(sinkConfig(topic, "evolve-sink", Map.of(
                "format.class", "avro", "schema.compatibility", "BACKWARD", "flush.size", "9")))).status())
                .isEqualTo(201);

        // objects of 9, cut short where version 2 begins (offset 12): 0-8, 9-11, 12-20, 21-29
        List<String> expected = java.util.stream.Stream.of(0, 9, 12, 21)
                .map(start -> String.format("topics/s3-evolve/partition=0/s3-evolve+0+%010d.avro", start)).toList();
        await().atMost(WAIT).until(() -> keys("evolve-sink", "topics/").size() == 4);
        assertThat(keys("evolve-sink", "topics/")).containsExactlyElementsOf(expected);
        try (var reader = new org.apache.avro.file.DataFileReader<org.apache.avro.generic.GenericRecord>(
                new org.apache.avro.file.SeekableByteArrayInput(read("evolve-sink", expected.get(2))),
                new org.apache.avro.generic.GenericDatumReader<>())) {
            assertThat(reader.getSchema().getField("colour")).isNotNull();
            assertThat(reader.next().get("colour").toString()).isEqualTo("red");
        }
        assertThat(connect.delete("/connectors/s3-evolve-sink").status()).isEqualTo(204);
    }

    @Test
    void keysAreStoredBesideTheirValuesOneLinePerRecord() {
        String topic = "s3-keys";
        s3.createBucket(b -> b.bucket("keys-sink"));
        writer.createTopic(topic, 1);
        writeJson(topic, 1, 0, 20);
        assertThat(connect.createConnector("s3-keys-sink", sinkConfig(topic, "keys-sink", Map.of(
                "store.kafka.keys", "true", "keys.format.class", "json", "flush.size", "10",
                "key.converter", "org.apache.kafka.connect.json.JsonConverter",
                "key.converter.schemas.enable", "false"))).status()).isEqualTo(201);

        String prefix = "topics/s3-keys/partition=0/s3-keys+0+";
        List<String> expected = List.of(prefix + "0000000000.json", prefix + "0000000000.keys.json",
                prefix + "0000000010.json", prefix + "0000000010.keys.json");
        await().atMost(WAIT).until(() -> keys("keys-sink", "topics/").size() == 4);
        assertThat(keys("keys-sink", "topics/")).containsExactlyElementsOf(expected);
        for (String start : List.of("0000000000", "0000000010")) {
            List<JsonNode> values = jsonLines(read("keys-sink", prefix + start + ".json"), false);
            List<JsonNode> keys = jsonLines(read("keys-sink", prefix + start + ".keys.json"), false);
            // the producer keyed record i with the string "i", which JsonConverter reads as the number i
            assertThat(keys).extracting(JsonNode::asInt)
                    .containsExactlyElementsOf(values.stream().map(v -> v.path("id").asInt()).toList());
        }
        assertThat(connect.delete("/connectors/s3-keys-sink").status()).isEqualTo(204);
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
