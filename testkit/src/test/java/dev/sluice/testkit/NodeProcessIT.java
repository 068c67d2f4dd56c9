package dev.sluice.testkit;

import dev.sluice.runtime.broker.Ports;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.kafkaconnect.KafkaConnectClient;
import software.amazon.awssdk.services.kafkaconnect.model.ConnectorState;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The node as a process of its own: how it fails at start, and how it comes back from {@code kill -9} with the
 * connectors of both APIs.
 */
class NodeProcessIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void kafkaUnreachableAtStartEndsTheProcessWithinThirtySeconds() throws Exception {
        SluiceTestEnvironment env = SluiceTestEnvironment.get();
        List<Integer> ports = Ports.freePorts("127.0.0.1", 3);
        Path dir = env.workDir().resolve("unreachable");
        java.nio.file.Files.createDirectories(dir);
        Path config = NodeProcess.writeConfig(dir.resolve("node.yml"), "127.0.0.1:" + ports.get(2), "5s",
                ports.get(0), ports.get(1), SluiceTestEnvironment.pluginPath(), env.s3().endpoint(), "unreachable");
        try (NodeProcess node = new NodeProcess(config, dir.resolve("node.log"))) {
            long started = System.nanoTime();
            node.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> !node.isAlive());
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
            assertThat(node.exitCode()).isNotZero();
            assertThat(node.output()).contains("sluice: Kafka at 127.0.0.1:" + ports.get(2) + " did not answer");
        }
    }

    @Test
    void aPortInUseEndsTheProcessWithOneLineNamingThePort() throws Exception {
        SluiceTestEnvironment env = SluiceTestEnvironment.get();
        int taken = java.net.URI.create(env.node().apiUrl()).getPort();
        Path dir = env.workDir().resolve("port-in-use");
        java.nio.file.Files.createDirectories(dir);
        Path config = NodeProcess.writeConfig(dir.resolve("node.yml"), env.bootstrapServers(), "5s",
                taken, Ports.freePorts("127.0.0.1", 1).get(0), SluiceTestEnvironment.pluginPath(),
                env.s3().endpoint(), "port_in_use");
        try (NodeProcess node = new NodeProcess(config, dir.resolve("node.log"))) {
            node.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> !node.isAlive());
            assertThat(node.exitCode()).isNotZero();
            assertThat(node.output()).contains("sluice: port " + taken + " is already in use");
            assertThat(node.output()).doesNotContain("\tat ");
        }
    }

    @Test
    void afterKillNineConnectorsComeBackRunningWithTheirOffsetsAndNothingIsLost() throws Exception {
        SluiceTestEnvironment env = SluiceTestEnvironment.get();
        List<Integer> ports = Ports.freePorts("127.0.0.1", 2);
        Path dir = env.workDir().resolve("kill-nine");
        java.nio.file.Files.createDirectories(dir);
        Path config = NodeProcess.writeConfig(dir.resolve("node.yml"), env.bootstrapServers(), "20s",
                ports.get(0), ports.get(1), SluiceTestEnvironment.pluginPath(), env.s3().endpoint(), "kill_nine");
        ConnectRestClient api = new ConnectRestClient("http://127.0.0.1:" + ports.get(0));
        int records = 3000;
        try (NodeProcess node = new NodeProcess(config, dir.resolve("node.log"));
             KafkaConnectClient msk = MskConnectClients.forUrl("http://127.0.0.1:" + ports.get(0))) {
            node.start();
            await().atMost(WAIT).ignoreExceptions().until(() -> api.get("/").status() == 200);
            assertThat(api.createConnector("kill-source", Map.of(
                    "connector.class", "dev.sluice.connect.datagen.DatagenSourceConnector",
                    "tasks.max", "1",
                    "kafka.topic", "kill-topic",
                    "record.size.bytes", "100",
                    "records.per.second", "500",
                    "max.records", String.valueOf(records),
                    "key.converter", "org.apache.kafka.connect.storage.StringConverter",
                    "value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter")).status())
                    .isEqualTo(201);
            await().atMost(WAIT).until(() -> api.hasState("kill-source", "RUNNING", 1));
            await().atMost(WAIT).until(() -> !api.get("/connectors/kill-source/offsets")
                    .body().path("offsets").isEmpty());
            String mskArn = MskConnectClients.createDatagenConnector(env, msk, 1, "kill-msk");
            await().atMost(WAIT).until(() -> msk.describeConnector(b -> b.connectorArn(mskArn))
                    .connectorState() == ConnectorState.RUNNING);

            node.kill();
            node.start();

            await().atMost(WAIT).ignoreExceptions().until(() -> api.hasState("kill-source", "RUNNING", 1));
            // the MSK Connect connector, with its custom plugin and worker configuration, is back too
            await().atMost(WAIT).ignoreExceptions().until(() -> msk.describeConnector(b -> b.connectorArn(mskArn))
                    .connectorState() == ConnectorState.RUNNING);
            int before = TopicReader.readAll(env.bootstrapServers(), "kill-msk-topic").size();
            await().atMost(WAIT).until(() -> TopicReader.readAll(env.bootstrapServers(), "kill-msk-topic").size()
                    > before);
            msk.deleteConnector(b -> b.connectorArn(mskArn));
            await().atMost(WAIT).until(() -> keysOf(env).size() == records);
            // kill -9 commits nothing: records after the last committed offset are produced again (at least
            // once), but every record is there and the source resumed from its offset, not from the start
            List<ConsumerRecord<byte[], byte[]>> topic = TopicReader.readAll(env.bootstrapServers(), "kill-topic");
            assertThat(keysOf(env)).containsExactlyElementsOf(LongStream.range(0, records).boxed().toList());
            assertThat(topic.size()).isLessThan(2 * records);
            assertThat(api.delete("/connectors/kill-source").status()).isEqualTo(204);
        }
    }

    @Test
    void anS3SinkKilledMidRunWritesEachOffsetIntoExactlyOneObject() throws Exception {
        SluiceTestEnvironment env = SluiceTestEnvironment.get();
        List<Integer> ports = Ports.freePorts("127.0.0.1", 2);
        Path dir = env.workDir().resolve("kill-nine-s3");
        java.nio.file.Files.createDirectories(dir);
        Path config = NodeProcess.writeConfig(dir.resolve("node.yml"), env.bootstrapServers(), "20s",
                ports.get(0), ports.get(1), SluiceTestEnvironment.pluginPath(), env.s3().endpoint(), "kill_nine_s3");
        ConnectRestClient api = new ConnectRestClient("http://127.0.0.1:" + ports.get(0));
        String topic = "kill-s3-topic";
        try (NodeProcess node = new NodeProcess(config, dir.resolve("node.log"));
             TopicWriter topicWriter = new TopicWriter(env.bootstrapServers());
             S3Client s3 = env.s3Client()) {
            s3.createBucket(b -> b.bucket("kill-nine-sink"));
            topicWriter.createTopic(topic, 1);
            for (int i = 0; i < 3000; i++) {
                topicWriter.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, 0, null,
                        ("{\"id\":" + i + "}").getBytes(StandardCharsets.UTF_8)));
            }
            node.start();
            await().atMost(WAIT).ignoreExceptions().until(() -> api.get("/").status() == 200);
            assertThat(api.createConnector("kill-s3-sink", Map.of(
                    "connector.class", "dev.sluice.connect.s3.S3SinkConnector",
                    "topics", topic,
                    "s3.bucket.name", "kill-nine-sink", "s3.endpoint", env.s3().endpoint(),
                    "aws.access.key.id", "test", "aws.secret.access.key", "test-secret",
                    "format.class", "json", "flush.size", "100",
                    "value.converter", "org.apache.kafka.connect.json.JsonConverter",
                    "value.converter.schemas.enable", "false")).status()).isEqualTo(201);
            // killed as soon as the first objects are up: the rest, and what was not committed, comes after restart
            await().atMost(WAIT).until(() -> objectKeys(s3).size() >= 2);
            node.kill();
            node.start();

            await().atMost(WAIT).ignoreExceptions().until(() -> objectKeys(s3).size() == 30);
            List<Integer> ids = new java.util.ArrayList<>();
            for (String key : objectKeys(s3)) {
                String text = new String(s3.getObjectAsBytes(b -> b.bucket("kill-nine-sink").key(key)).asByteArray(),
                        StandardCharsets.UTF_8);
                text.lines().forEach(line -> ids.add(Integer.parseInt(line.replaceAll("\\D", ""))));
            }
            assertThat(ids).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 3000).boxed().toList());
            assertThat(api.delete("/connectors/kill-s3-sink").status()).isEqualTo(204);
        }
    }

    private static List<String> objectKeys(S3Client s3) {
        return s3.listObjectsV2Paginator(b -> b.bucket("kill-nine-sink")).contents().stream()
                .map(software.amazon.awssdk.services.s3.model.S3Object::key).sorted().toList();
    }

    private static Set<Long> keysOf(SluiceTestEnvironment env) {
        Set<Long> keys = new TreeSet<>();
        for (ConsumerRecord<byte[], byte[]> r : TopicReader.readAll(env.bootstrapServers(), "kill-topic")) {
            keys.add(Long.parseLong(new String(r.key(), StandardCharsets.UTF_8)));
        }
        return keys;
    }
}
