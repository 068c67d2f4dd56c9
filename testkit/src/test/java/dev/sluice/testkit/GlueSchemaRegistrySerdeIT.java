package dev.sluice.testkit;

import com.amazonaws.services.schemaregistry.deserializers.GlueSchemaRegistryKafkaDeserializer;
import com.amazonaws.services.schemaregistry.serializers.GlueSchemaRegistryKafkaSerializer;
import com.amazonaws.services.schemaregistry.utils.AWSSchemaRegistryConstants;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.SchemaId;
import software.amazon.awssdk.services.glue.model.SchemaVersionListItem;
import software.amazon.awssdk.services.glue.model.SchemaVersionStatus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * AWS's own GSR serde, unchanged but for its endpoint: a producer with {@code GlueSchemaRegistryKafkaSerializer}
 * registers its Avro schemas in Sluice's registry as it produces, and a consumer with
 * {@code GlueSchemaRegistryKafkaDeserializer} reads the records back by the schema version ids in them.
 */
class GlueSchemaRegistrySerdeIT {

    private static final Schema V1 = new Schema.Parser().parse(SchemaRegistryIT.avro(
            "{\"name\":\"id\",\"type\":\"long\"},{\"name\":\"email\",\"type\":\"string\"}"));
    private static final Schema V2 = new Schema.Parser().parse(SchemaRegistryIT.avro(
            "{\"name\":\"id\",\"type\":\"long\"},{\"name\":\"email\",\"type\":\"string\"},"
                    + "{\"name\":\"name\",\"type\":\"string\",\"default\":\"\"}"));
    private static final Schema BREAKS_V1 = new Schema.Parser().parse(SchemaRegistryIT.avro(
            "{\"name\":\"id\",\"type\":\"string\"}"));

    private static SluiceTestEnvironment env;
    private static GlueClient glue;

    @BeforeAll
    static void start() {
        env = SluiceTestEnvironment.get();
        glue = GlueClients.forNode(env.node());
    }

    @AfterAll
    static void stop() {
        glue.close();
    }

    private static Map<String, Object> serdeConfig(String registry, String schemaName) {
        Map<String, Object> config = new HashMap<>();
        config.put(AWSSchemaRegistryConstants.AWS_ENDPOINT, env.node().apiUrl());
        config.put(AWSSchemaRegistryConstants.AWS_REGION, "us-east-1");
        config.put(AWSSchemaRegistryConstants.REGISTRY_NAME, registry);
        config.put(AWSSchemaRegistryConstants.SCHEMA_NAME, schemaName);
        config.put(AWSSchemaRegistryConstants.DATA_FORMAT, "AVRO");
        config.put(AWSSchemaRegistryConstants.SCHEMA_AUTO_REGISTRATION_SETTING, true);
        config.put(AWSSchemaRegistryConstants.COMPATIBILITY_SETTING, "BACKWARD");
        config.put(AWSSchemaRegistryConstants.AVRO_RECORD_TYPE, "GENERIC_RECORD");
        return config;
    }

    private static KafkaProducer<String, Object> producer(Map<String, Object> serde) {
        Map<String, Object> props = new HashMap<>(serde);
        props.put("bootstrap.servers", env.bootstrapServers());
        props.put("acks", "all");
        GlueSchemaRegistryKafkaSerializer serializer = new GlueSchemaRegistryKafkaSerializer(
                GlueClients.CREDENTIALS, serde);
        return new KafkaProducer<>(props, new StringSerializer(), serializer);
    }

    private static GenericRecord user(Schema schema, long id) {
        GenericRecord record = new GenericData.Record(schema);
        record.put("id", id);
        record.put("email", "user" + id + "@example.com");
        if (schema.getField("name") != null) {
            record.put("name", "User " + id);
        }
        return record;
    }

    private static List<GenericRecord> readBack(String topic, Map<String, Object> serde) {
        GlueSchemaRegistryKafkaDeserializer deserializer =
                new GlueSchemaRegistryKafkaDeserializer(GlueClients.CREDENTIALS, serde);
        List<GenericRecord> out = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : TopicReader.readAll(env.bootstrapServers(), topic)) {
            out.add((GenericRecord) deserializer.deserialize(topic, record.value()));
        }
        deserializer.close();
        return out;
    }

    @Test
    void recordsRoundTripThroughTheRegistryAsTheirSchemaEvolves() throws Exception {
        String registry = "serde-" + UUID.randomUUID().toString().substring(0, 8);
        glue.createRegistry(r -> r.registryName(registry));
        String topic = registry + "-users";
        Map<String, Object> serde = serdeConfig(registry, "users");

        List<GenericRecord> sent = new ArrayList<>();
        try (KafkaProducer<String, Object> producer = producer(serde)) {
            for (long id = 1; id <= 50; id++) {
                GenericRecord user = user(id <= 25 ? V1 : V2, id);
                sent.add(user);
                producer.send(new ProducerRecord<>(topic, "k" + id, user)).get();
            }
        }

        List<GenericRecord> received = readBack(topic, serde);
        assertThat(received).hasSize(50);
        assertThat(received).extracting(Object::toString).containsExactlyElementsOf(
                sent.stream().map(Object::toString).toList());
        assertThat(received.get(0).getSchema()).isEqualTo(V1);
        assertThat(received.get(49).getSchema()).isEqualTo(V2);

        // The serializer created the schema and registered both versions, in order, under the configured mode.
        SchemaId schemaId = SchemaId.builder().registryName(registry).schemaName("users").build();
        assertThat(glue.getSchema(r -> r.schemaId(schemaId)).compatibilityAsString()).isEqualTo("BACKWARD");
        List<SchemaVersionListItem> versions = glue.listSchemaVersions(r -> r.schemaId(schemaId)).schemas();
        assertThat(versions).extracting(SchemaVersionListItem::versionNumber).containsExactly(1L, 2L);
        assertThat(glue.getSchemaVersion(r -> r.schemaVersionId(versions.get(1).schemaVersionId()))
                .schemaDefinition()).isEqualTo(V2.toString());
    }

    @Test
    void protobufRecordsRoundTripThroughTheRegistry() {
        String registry = "serde-formats-" + UUID.randomUUID().toString().substring(0, 8);
        glue.createRegistry(r -> r.registryName(registry));

        // (The serde's JSON format is not tried here: its schema generator is built for Scala 2.12, and this JVM
        // runs the bundled broker on Kafka's Scala 2.13. JSON definitions are covered through the Glue client.)
        Map<String, Object> proto = serdeConfig(registry, "proto-orders");
        proto.put(AWSSchemaRegistryConstants.DATA_FORMAT, "PROTOBUF");
        proto.put(AWSSchemaRegistryConstants.PROTOBUF_MESSAGE_TYPE, "DYNAMIC_MESSAGE");
        com.google.protobuf.DynamicMessage order = order(7L, "first");
        byte[] protoBytes = new GlueSchemaRegistryKafkaSerializer(GlueClients.CREDENTIALS, proto)
                .serialize("t", order);
        var protoBack = (com.google.protobuf.DynamicMessage) new GlueSchemaRegistryKafkaDeserializer(
                GlueClients.CREDENTIALS, proto).deserialize("t", protoBytes);
        assertThat(protoBack.getField(protoBack.getDescriptorForType().findFieldByName("id"))).isEqualTo(7L);
        assertThat(protoBack.getField(protoBack.getDescriptorForType().findFieldByName("note"))).isEqualTo("first");

        // The definition the serde printed (with Wire) passed the registry's Protobuf syntax check.
        assertThat(glue.getSchemaVersion(r -> r.schemaId(id -> id.registryName(registry).schemaName("proto-orders"))
                .schemaVersionNumber(n -> n.latestVersion(true))).schemaDefinition()).contains("message Order");
    }

    /** An Order message (shop.Order: int64 id = 1; string note = 2), built from a descriptor at run time. */
    private static com.google.protobuf.DynamicMessage order(long id, String note) {
        try {
            var file = com.google.protobuf.DescriptorProtos.FileDescriptorProto.newBuilder()
                    .setName("order.proto").setSyntax("proto3").setPackage("shop")
                    .addMessageType(com.google.protobuf.DescriptorProtos.DescriptorProto.newBuilder().setName("Order")
                            .addField(field("id", 1,
                                    com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type.TYPE_INT64))
                            .addField(field("note", 2,
                                    com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type.TYPE_STRING)))
                    .build();
            var descriptor = com.google.protobuf.Descriptors.FileDescriptor
                    .buildFrom(file, new com.google.protobuf.Descriptors.FileDescriptor[0])
                    .findMessageTypeByName("Order");
            return com.google.protobuf.DynamicMessage.newBuilder(descriptor)
                    .setField(descriptor.findFieldByName("id"), id)
                    .setField(descriptor.findFieldByName("note"), note)
                    .build();
        } catch (com.google.protobuf.Descriptors.DescriptorValidationException e) {
            throw new AssertionError(e);
        }
    }

    private static com.google.protobuf.DescriptorProtos.FieldDescriptorProto field(String name, int number,
            com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type type) {
        return com.google.protobuf.DescriptorProtos.FieldDescriptorProto.newBuilder().setName(name).setNumber(number)
                .setType(type)
                .setLabel(com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label.LABEL_OPTIONAL).build();
    }

    @Test
    void aProducerWhoseSchemaTheModeForbidsIsRefused() throws Exception {
        String registry = "serde-bad-" + UUID.randomUUID().toString().substring(0, 8);
        glue.createRegistry(r -> r.registryName(registry));
        String topic = registry + "-users";
        Map<String, Object> serde = serdeConfig(registry, "users");

        try (KafkaProducer<String, Object> producer = producer(serde)) {
            producer.send(new ProducerRecord<>(topic, "k", user(V1, 1))).get();
            GenericRecord breaking = new GenericData.Record(BREAKS_V1);
            breaking.put("id", "not a long");
            // the registry keeps the version as FAILURE, as Glue does; AWS's serializer then gives up on it
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(topic, "k", breaking)))
                    .hasStackTraceContaining("is in FAILURE status");
        }
        assertThat(glue.listSchemaVersions(r -> r.schemaId(id -> id.registryName(registry).schemaName("users")))
                .schemas()).extracting(v -> v.status()).containsExactly(SchemaVersionStatus.AVAILABLE,
                        SchemaVersionStatus.FAILURE);
        assertThat(glue.getSchema(r -> r.schemaId(id -> id.registryName(registry).schemaName("users")))
                .latestSchemaVersion()).isEqualTo(1L);
    }
}
