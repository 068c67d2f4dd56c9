package dev.sluice.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.runtime.broker.Ports;
import dev.sluice.runtime.dev.LocalDynamoDbServer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The DynamoDB sink on a worker node against the DynamoDB stand-in (dynalite): the items a user finds in the table,
 * their attributes and types, upserts and deletes, a replay that changes nothing, the dead-letter queue, and an
 * outage of the stand-in.
 */
class DynamoDbSinkIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static SluiceTestEnvironment env;
    private static DynamoDbClient dynamo;
    private static TopicWriter writer;
    private static ConnectRestClient connect;

    @BeforeAll
    static void start() {
        env = SluiceTestEnvironment.get();
        dynamo = client(env.dynamoDb().endpoint());
        writer = new TopicWriter(env.bootstrapServers());
        connect = env.connect();
    }

    @AfterAll
    static void stop() {
        writer.close();
        dynamo.close();
    }

    private static DynamoDbClient client(String endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private static Map<String, String> sinkConfig(String topic, String endpoint, Map<String, String> overrides) {
        Map<String, String> config = new HashMap<>(Map.of(
                "connector.class", "dev.sluice.connect.dynamodb.DynamoDbSinkConnector",
                "tasks.max", "1",
                "topics", topic,
                "aws.dynamodb.region", "us-east-1",
                "aws.dynamodb.endpoint", endpoint,
                "aws.access.key.id", "test",
                "aws.secret.access.key", "test-secret",
                "key.converter", "org.apache.kafka.connect.storage.StringConverter",
                "value.converter", "org.apache.kafka.connect.storage.StringConverter"));
        config.put("aws.dynamodb.pk.hash", "key:id");
        config.put("aws.dynamodb.pk.sort", "");
        config.putAll(overrides);
        return config;
    }

    private static void createTable(DynamoDbClient client, String table, String hashKey) {
        client.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName(hashKey).attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName(hashKey).keyType(KeyType.HASH)));
    }

    private static void send(String topic, String key, String json) {
        writer.send(new ProducerRecord<>(topic, 0, key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                json == null ? null : json.getBytes(StandardCharsets.UTF_8)));
    }

    private static Map<String, Map<String, AttributeValue>> scan(DynamoDbClient client, String table, String key) {
        return client.scanPaginator(b -> b.tableName(table)).items().stream()
                .collect(Collectors.toMap(item -> item.get(key).s(), item -> item, (a, b) -> a, TreeMap::new));
    }

    private static String order(int i, String status) {
        return "{\"status\":\"" + status + "\",\"amount\":" + i + ".99,\"paid\":" + (i % 2 == 0)
                + ",\"customer\":{\"name\":\"c-" + i + "\",\"vip\":null},\"lines\":[" + i + ",\"x\"],\"note\":null}";
    }

    @Test
    void jsonRecordsBecomeTypedItemsUpsertedAndDeletedByTheirKey() {
        String topic = "ddb-orders";
        createTable(dynamo, topic, "id");
        writer.createTopic(topic, 1);
        for (int i = 0; i < 10; i++) {
            send(topic, "order-" + i, order(i, "new"));
        }
        send(topic, "order-3", order(3, "shipped"));   // an upsert
        send(topic, "order-5", null);                  // a tombstone deletes the item
        assertThat(connect.createConnector("ddb-orders-sink", sinkConfig(topic, env.dynamoDb().endpoint(),
                Map.of())).status()).isEqualTo(201);

        await().atMost(WAIT).until(() -> committedOffset("ddb-orders-sink") == 12L);
        var items = scan(dynamo, topic, "id");
        assertThat(items.keySet()).containsExactlyInAnyOrder("order-0", "order-1", "order-2", "order-3", "order-4",
                "order-6", "order-7", "order-8", "order-9");
        var three = items.get("order-3");
        assertThat(three.get("status").s()).isEqualTo("shipped");
        assertThat(three.get("amount").n()).isEqualTo("3.99");                  // exactly, as N
        assertThat(three.get("paid").bool()).isFalse();
        assertThat(three.get("customer").m().get("name").s()).isEqualTo("c-3");  // nested map, M
        assertThat(three.get("customer").m().get("vip").nul()).isTrue();
        assertThat(three.get("lines").l()).extracting(AttributeValue::n).containsExactly("3", null);
        assertThat(three.get("lines").l().get(1).s()).isEqualTo("x");             // a list, L
        assertThat(three.get("note").nul()).isTrue();                             // NULL
        assertThat(connect.delete("/connectors/ddb-orders-sink").status()).isEqualTo(204);
    }

    @Test
    void kafkaCoordinatesAsKeysWithATableCreatedOnDemand() {
        String topic = "ddb-log";
        writer.createTopic(topic, 1);
        for (int i = 0; i < 30; i++) {
            send(topic, null, "{\"n\":" + i + "}");
        }
        assertThat(connect.createConnector("ddb-log-sink", sinkConfig(topic, env.dynamoDb().endpoint(), Map.of(
                "aws.dynamodb.pk.hash", "partition", "aws.dynamodb.pk.sort", "offset",
                "table.name.format", "events-${topic}", "auto.create", "true"))).status()).isEqualTo(201);

        await().atMost(WAIT).until(() -> committedOffset("ddb-log-sink") == 30L);
        var table = dynamo.describeTable(b -> b.tableName("events-ddb-log")).table();
        assertThat(table.keySchema()).extracting(k -> k.attributeName() + ":" + k.keyTypeAsString())
                .containsExactly("partition:HASH", "offset:RANGE");
        var items = dynamo.scanPaginator(b -> b.tableName("events-ddb-log")).items().stream()
                .sorted(Comparator.comparing(item -> Long.parseLong(item.get("offset").n()))).toList();
        assertThat(items).hasSize(30);
        for (int i = 0; i < 30; i++) {
            assertThat(items.get(i).get("partition").n()).isEqualTo("0");
            assertThat(items.get(i).get("offset").n()).isEqualTo(String.valueOf(i));
            assertThat(items.get(i).get("n").n()).isEqualTo(String.valueOf(i));
        }
        assertThat(connect.delete("/connectors/ddb-log-sink").status()).isEqualTo(204);
    }

    @Test
    void aReplayWithOffsetOrderingLeavesTheTableIdentical() {
        String topic = "ddb-replay";
        createTable(dynamo, topic, "id");
        writer.createTopic(topic, 1);
        for (int i = 0; i < 60; i++) {
            send(topic, "item-" + (i % 7), "{\"version\":" + i + "}");
        }
        assertThat(connect.createConnector("ddb-replay-sink", sinkConfig(topic, env.dynamoDb().endpoint(), Map.of(
                "ordering.mode", "offset", "batch.size", "5"))).status()).isEqualTo(201);
        await().atMost(WAIT).until(() -> committedOffset("ddb-replay-sink") == 60L);
        var before = scan(dynamo, topic, "id");
        // each key holds its newest version: item-k was last written by record 53..59
        assertThat(before).hasSize(7);
        before.forEach((id, item) -> assertThat(Integer.parseInt(item.get("version").n()) % 7)
                .isEqualTo(Integer.parseInt(id.substring("item-".length()))));
        assertThat(before.values()).allSatisfy(item -> assertThat(Integer.parseInt(item.get("version").n()))
                .isGreaterThanOrEqualTo(53));

        assertThat(connect.put("/connectors/ddb-replay-sink/stop", null).status()).isEqualTo(204);
        await().atMost(WAIT).until(() -> connect.hasState("ddb-replay-sink", "STOPPED", 0));
        assertThat(connect.delete("/connectors/ddb-replay-sink/offsets").status()).isEqualTo(200);
        assertThat(connect.put("/connectors/ddb-replay-sink/resume", null).status()).isEqualTo(202);
        await().atMost(WAIT).until(() -> committedOffset("ddb-replay-sink") == 60L);
        assertThat(scan(dynamo, topic, "id")).isEqualTo(before);
        assertThat(connect.delete("/connectors/ddb-replay-sink").status()).isEqualTo(204);
    }

    @Test
    void recordsWithoutTheirKeyGoToTheDeadLetterQueue() {
        String topic = "ddb-dlq-source";
        createTable(dynamo, topic, "id");
        writer.createTopic(topic, 1);
        for (int i = 0; i < 10; i++) {
            send(topic, i % 4 == 1 ? null : "k-" + i, "{\"n\":" + i + "}");
        }
        assertThat(connect.createConnector("ddb-dlq-sink", sinkConfig(topic, env.dynamoDb().endpoint(), Map.of(
                "errors.tolerance", "all", "errors.deadletterqueue.topic.name", "ddb-dlq",
                "errors.deadletterqueue.topic.replication.factor", "1",
                "errors.deadletterqueue.context.headers.enable", "true"))).status()).isEqualTo(201);

        // records 1, 5 and 9 have no key
        await().atMost(WAIT).until(() -> TopicReader.readAll(env.bootstrapServers(), "ddb-dlq").size() == 3);
        var dead = TopicReader.readAll(env.bootstrapServers(), "ddb-dlq");
        assertThat(dead).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                .containsExactly("{\"n\":1}", "{\"n\":5}", "{\"n\":9}");
        assertThat(dead.get(0).headers().lastHeader("__connect.errors.exception.message")).isNotNull();
        await().atMost(WAIT).until(() -> committedOffset("ddb-dlq-sink") == 10L);
        assertThat(scan(dynamo, topic, "id")).hasSize(7);
        assertThat(connect.delete("/connectors/ddb-dlq-sink").status()).isEqualTo(204);
    }

    @Test
    void aMissingTableIsRefusedAtCreateNamingIt() {
        var reply = connect.createConnector("ddb-no-table", sinkConfig("ddb-nowhere", env.dynamoDb().endpoint(),
                Map.of()));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("message")).contains("ddb-nowhere").contains("auto.create");
    }

    @Test
    void aThirtySecondOutageOfTheStandInLosesNothing() throws Exception {
        // a stand-in of its own, with its tables on disk, so that they outlive the outage
        Path data = env.workDir().resolve("dynamodb-outage");
        LocalDynamoDbServer server = new LocalDynamoDbServer(Ports.freePorts("127.0.0.1", 1).get(0), data,
                LocalDynamoDbServer.defaultInstallDir(), env.workDir().resolve("dynamodb-outage.log"));
        server.start();
        try (DynamoDbClient own = client(server.endpoint())) {
            String topic = "ddb-outage";
            createTable(own, topic, "id");
            writer.createTopic(topic, 1);
            for (int i = 0; i < 100; i++) {
                send(topic, "o-" + i, "{\"n\":" + i + "}");
            }
            assertThat(connect.createConnector("ddb-outage-sink", sinkConfig(topic, server.endpoint(), Map.of(
                    "retry.backoff.ms", "200"))).status()).isEqualTo(201);
            await().atMost(WAIT).until(() -> committedOffset("ddb-outage-sink") == 100L);

            server.close();
            try {
                for (int i = 100; i < 200; i++) {
                    send(topic, "o-" + i, "{\"n\":" + i + "}");
                }
                await().during(Duration.ofSeconds(30)).atMost(Duration.ofSeconds(45))
                        .until(() -> connect.hasState("ddb-outage-sink", "RUNNING", 1));
            } finally {
                server.start();
            }
            await().atMost(WAIT).until(() -> committedOffset("ddb-outage-sink") == 200L);
            var items = scan(own, topic, "id");
            assertThat(items).hasSize(200);
            items.forEach((id, item) -> assertThat(item.get("n").n()).isEqualTo(id.substring(2)));
            assertThat(connect.delete("/connectors/ddb-outage-sink").status()).isEqualTo(204);
        } finally {
            server.close();
        }
    }

    /** The connector's committed offset of partition 0, -1 while there is none. */
    private static long committedOffset(String connector) {
        JsonNode offsets = connect.get("/connectors/" + connector + "/offsets").body().path("offsets");
        for (JsonNode offset : offsets) {
            if (offset.path("partition").path("kafka_partition").asInt() == 0) {
                return offset.path("offset").path("kafka_offset").asLong();
            }
        }
        return -1;
    }
}
