package dev.sluice.testkit;

import com.amazonaws.services.schemaregistry.deserializers.GlueSchemaRegistryKafkaDeserializer;
import com.amazonaws.services.schemaregistry.serializers.GlueSchemaRegistryKafkaSerializer;
import com.amazonaws.services.schemaregistry.utils.AWSSchemaRegistryConstants;
import dev.sluice.connect.schema.GlueSchemaRegistryAvroConverter;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Sluice's Glue Schema Registry converter: Connect data to and from AWS's GSR wire format through AWS's serde, and
 * schemas enforced on a sink: records produced by AWS's GSR serializer reach S3 as Parquet, resolved to the
 * connector's reader schema, and a record whose schema is unknown or incompatible goes to the dead-letter queue
 * with the reason in a header.
 */
class GlueSchemaRegistryConverterIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String V1 = SchemaRegistryIT.avro(
            "{\"name\":\"id\",\"type\":\"long\"},{\"name\":\"email\",\"type\":\"string\"}");
    private static final String V2 = SchemaRegistryIT.avro(
            "{\"name\":\"id\",\"type\":\"long\"},{\"name\":\"email\",\"type\":\"string\"},"
                    + "{\"name\":\"name\",\"type\":\"string\",\"default\":\"\"}");
    private static final String ID_AS_STRING = SchemaRegistryIT.avro("{\"name\":\"id\",\"type\":\"string\"}");

    private static SluiceTestEnvironment env;
    private static GlueClient glue;
    private static S3Client s3;

    @BeforeAll
    static void start() {
        env = SluiceTestEnvironment.get();
        glue = GlueClients.forNode(env.node());
        s3 = env.s3Client();
    }

    @AfterAll
    static void stop() {
        glue.close();
        s3.close();
    }

    private static Map<String, Object> serde(String registry, String schemaName) {
        Map<String, Object> config = new HashMap<>();
        config.put(AWSSchemaRegistryConstants.AWS_ENDPOINT, env.node().apiUrl());
        config.put(AWSSchemaRegistryConstants.AWS_REGION, "us-east-1");
        config.put(AWSSchemaRegistryConstants.REGISTRY_NAME, registry);
        config.put(AWSSchemaRegistryConstants.SCHEMA_NAME, schemaName);
        config.put(AWSSchemaRegistryConstants.SCHEMA_AUTO_REGISTRATION_SETTING, "true");
        config.put(AWSSchemaRegistryConstants.DATA_FORMAT, "AVRO");
        config.put(AWSSchemaRegistryConstants.AVRO_RECORD_TYPE, "GENERIC_RECORD");
        return config;
    }

    private static GenericRecord record(String definition, Object id) {
        Schema schema = new Schema.Parser().parse(definition);
        GenericRecord record = new GenericData.Record(schema);
        record.put("id", id);
        if (schema.getField("email") != null) {
            record.put("email", "user" + id + "@example.com");
        }
        if (schema.getField("name") != null) {
            record.put("name", "User " + id);
        }
        return record;
    }

    /** GSR's wire format (header version 3, no compression, a version id) around a version id nobody registered. */
    private static byte[] unknownVersion() {
        UUID id = UUID.randomUUID();
        return ByteBuffer.allocate(18 + 2).put((byte) 3).put((byte) 0).putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits()).put((byte) 2).put((byte) 0).array();
    }

    @Test
    void connectDataRoundTripsThroughAwssSerdeFormat() {
        String registry = "conv-" + UUID.randomUUID().toString().substring(0, 8);
        glue.createRegistry(r -> r.registryName(registry));
        Map<String, Object> config = new HashMap<>(serde(registry, "users"));
        config.put("aws.access.key.id", "sluice");
        config.put("aws.secret.access.key", "sluice-local");
        GlueSchemaRegistryAvroConverter converter = new GlueSchemaRegistryAvroConverter();
        converter.configure(config, false);
        var schema = SchemaBuilder.struct().name("dev.sluice.it.User").field("id", SchemaBuilder.int64().build())
                .field("email", SchemaBuilder.string().optional().build()).build();

        byte[] written = converter.fromConnectData("t", schema, new Struct(schema).put("id", 42L).put("email", "a@b"));
        GenericRecord read = (GenericRecord) new GlueSchemaRegistryKafkaDeserializer(GlueClients.CREDENTIALS,
                serde(registry, "users")).deserialize("t", written);
        assertThat(read.get("id")).isEqualTo(42L);
        assertThat(read.get("email").toString()).isEqualTo("a@b");
        assertThat(glue.listSchemaVersions(r -> r.schemaId(id -> id.registryName(registry).schemaName("users")))
                .schemas()).hasSize(1);

        byte[] produced = new GlueSchemaRegistryKafkaSerializer(GlueClients.CREDENTIALS, serde(registry, "users2"))
                .serialize("t", record(V2, 7L));
        SchemaAndValue back = converter.toConnectData("t", produced);
        assertThat(((Struct) back.value()).getInt64("id")).isEqualTo(7L);
        assertThat(((Struct) back.value()).getString("name")).isEqualTo("User 7");

        assertThatThrownBy(() -> converter.toConnectData("t", unknownVersion()))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("unknown to the schema registry")
                .hasMessageContaining("Schema version is not found.");
        assertThatThrownBy(() -> converter.toConnectData("t", "{\"id\":1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(DataException.class);
        converter.close();
    }

    @Test
    void aSinkWritesWhatItCanReadAndSendsTheRestToTheDeadLetterQueueWithTheReason() throws Exception {
        String registry = "sink-" + UUID.randomUUID().toString().substring(0, 8);
        String topic = registry + "-users";
        String bucket = registry + "-bucket";
        glue.createRegistry(r -> r.registryName(registry));
        s3.createBucket(b -> b.bucket(bucket));
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", env.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            var v1 = new GlueSchemaRegistryKafkaSerializer(GlueClients.CREDENTIALS, serde(registry, "users"));
            var other = new GlueSchemaRegistryKafkaSerializer(GlueClients.CREDENTIALS, serde(registry, "legacy"));
            for (long id = 1; id <= 10; id++) {
                producer.send(new ProducerRecord<>(topic, 0, null, v1.serialize(topic, record(V1, id)))).get();
            }
            producer.send(new ProducerRecord<>(topic, 0, null, unknownVersion())).get();
            producer.send(new ProducerRecord<>(topic, 0, null, other.serialize(topic, record(ID_AS_STRING, "x"))))
                    .get();
            for (long id = 11; id <= 20; id++) {
                producer.send(new ProducerRecord<>(topic, 0, null, v1.serialize(topic, record(V2, id)))).get();
            }
        }

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
                "format.class", "parquet"));
        config.putAll(Map.of(
                "flush.size", "20",
                "key.converter", "org.apache.kafka.connect.storage.StringConverter",
                "value.converter", GlueSchemaRegistryAvroConverter.class.getName(),
                "value.converter.endpoint", env.node().apiUrl(),
                "value.converter.region", "us-east-1",
                "value.converter.registry.name", registry,
                "value.converter.aws.access.key.id", "sluice",
                "value.converter.aws.secret.access.key", "sluice-local",
                "value.converter.sluice.reader.schema", V2));
        config.putAll(Map.of(
                "errors.tolerance", "all",
                "errors.deadletterqueue.topic.name", topic + "-dlq",
                "errors.deadletterqueue.topic.replication.factor", "1",
                "errors.deadletterqueue.context.headers.enable", "true"));
        ConnectRestClient connect = env.connect();
        assertThat(connect.createConnector(registry + "-sink", config).status()).isEqualTo(201);

        await().atMost(WAIT).until(() -> TopicReader.readAll(env.bootstrapServers(), topic + "-dlq").size() == 2);
        List<ConsumerRecord<byte[], byte[]>> dead = TopicReader.readAll(env.bootstrapServers(), topic + "-dlq");
        assertThat(dead).extracting(r -> header(r, "__connect.errors.offset")).containsExactly("10", "11");
        assertThat(header(dead.get(0), "__connect.errors.exception.message"))
                .contains("unknown to the schema registry").contains("Schema version is not found.");
        assertThat(header(dead.get(1), "__connect.errors.exception.message"))
                .contains("incompatible with the connector's reader schema dev.sluice.it.User")
                .contains("TYPE_MISMATCH");

        await().atMost(WAIT).until(() -> !keys(bucket).isEmpty());
        List<String> rows = new ArrayList<>();
        for (String key : keys(bucket)) {
            Path file = env.workDir().resolve(bucket + "-" + key.replace('/', '_'));
            Files.write(file, s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
            try (var reader = org.apache.parquet.avro.AvroParquetReader.<GenericRecord>builder(
                    new org.apache.parquet.io.LocalInputFile(file),
                    new org.apache.parquet.conf.PlainParquetConfiguration()).build()) {
                for (GenericRecord row = reader.read(); row != null; row = reader.read()) {
                    rows.add(row.get("id") + ":" + row.get("name"));
                }
            }
        }
        List<String> expected = new ArrayList<>();
        for (long id = 1; id <= 20; id++) {
            expected.add(id + ":" + (id <= 10 ? "" : "User " + id)); // V1 records read with V2's default
        }
        assertThat(rows).containsExactlyElementsOf(expected);
        assertThat(connect.delete("/connectors/" + registry + "-sink").status()).isEqualTo(204);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static List<String> keys(String bucket) {
        return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix("topics/")).contents().stream()
                .map(S3Object::key).sorted().toList();
    }
}
