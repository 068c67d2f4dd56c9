package dev.sluice.runtime.broker;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;

class EmbeddedKafkaClusterIT {

    private static final String TOPIC = "orders";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    static Path dataDir;

    private static EmbeddedKafkaCluster cluster;

    @BeforeAll
    static void startCluster() {
        quietKafkaLogs();
        cluster = newCluster();
        cluster.start();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void recordsAckedByAllReplicasAreReadBackAfterARestartOnTheSameDirectory() throws Exception {
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
            assertThat(admin.describeCluster().nodes().get(30, SECONDS)).hasSize(3);
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 3))).all().get(30, SECONDS);
        }
        var sent = IntStream.range(0, 30).mapToObj(i -> "order-" + i).toList();
        produce(TOPIC, sent);
        assertThat(consume(sent.size())).containsExactlyInAnyOrderElementsOf(sent);

        var clusterId = cluster.clusterId();
        cluster.close();
        cluster = newCluster();
        cluster.start();

        assertThat(cluster.clusterId()).isEqualTo(clusterId);
        assertThat(consume(sent.size())).containsExactlyInAnyOrderElementsOf(sent);
    }

    @Test
    void aTopicCreatedOnFirstUseIsReplicatedToAllThreeBrokers() throws Exception {
        var topic = "created-on-first-use";
        produce(topic, List.of("hello"));

        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
            var description = admin.describeTopics(List.of(topic)).allTopicNames().get(30, SECONDS).get(topic);
            assertThat(description.partitions())
                    .allSatisfy(partition -> assertThat(partition.replicas()).hasSize(3));
        }
    }

    private static EmbeddedKafkaCluster newCluster() {
        return EmbeddedKafkaCluster.builder(dataDir).brokers(3).freePorts().build();
    }

    private static void produce(String topic, List<String> values) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (var producer = new KafkaProducer<String, String>(config)) {
            var acks = new ArrayList<Future<RecordMetadata>>();
            values.forEach(value -> acks.add(producer.send(new ProducerRecord<>(topic, value, value))));
            for (var ack : acks) {
                ack.get(30, SECONDS);
            }
        }
    }

    /** Reads the topic from the beginning in a new consumer group until {@code expected} records arrived. */
    private static List<String> consume(int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        var received = new ArrayList<String>();
        try (var consumer = new KafkaConsumer<String, String>(config)) {
            consumer.subscribe(List.of(TOPIC));
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> received.add(record.value()));
                return received.size() >= expected;
            });
        }
        return received;
    }

    /** Logback logs everything at DEBUG without a logback-test.xml; four Kafka nodes would flood the output. */
    private static void quietKafkaLogs() {
        for (var name : List.of("kafka", "org.apache.kafka", "state.change.logger")) {
            ((Logger) LoggerFactory.getLogger(name)).setLevel(Level.WARN);
        }
    }
}
