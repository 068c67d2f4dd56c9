package dev.sluice.testkit;

import dev.sluice.runtime.broker.Ports;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The node as a process of its own: how it fails at start, and how it comes back from {@code kill -9}. */
class NodeProcessIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void kafkaUnreachableAtStartEndsTheProcessWithinThirtySeconds() throws Exception {
        SluiceTestEnvironment env = SluiceTestEnvironment.get();
        List<Integer> ports = Ports.freePorts("127.0.0.1", 3);
        Path dir = env.workDir().resolve("unreachable");
        java.nio.file.Files.createDirectories(dir);
        Path config = NodeProcess.writeConfig(dir.resolve("node.yml"), "127.0.0.1:" + ports.get(2), "5s",
                ports.get(0), ports.get(1), SluiceTestEnvironment.pluginPath(), "__sluice_connectors_unreachable");
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
                "__sluice_connectors_port_in_use");
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
                ports.get(0), ports.get(1), SluiceTestEnvironment.pluginPath(), "__sluice_connectors_kill_nine");
        ConnectRestClient api = new ConnectRestClient("http://127.0.0.1:" + ports.get(0));
        int records = 3000;
        try (NodeProcess node = new NodeProcess(config, dir.resolve("node.log"))) {
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

            node.kill();
            node.start();

            await().atMost(WAIT).ignoreExceptions().until(() -> api.hasState("kill-source", "RUNNING", 1));
            await().atMost(WAIT).until(() -> keysOf(env).size() == records);
            // kill -9 commits nothing: records after the last committed offset are produced again (at least
            // once), but every record is there and the source resumed from its offset, not from the start
            List<ConsumerRecord<byte[], byte[]>> topic = TopicReader.readAll(env.bootstrapServers(), "kill-topic");
            assertThat(keysOf(env)).containsExactlyElementsOf(LongStream.range(0, records).boxed().toList());
            assertThat(topic.size()).isLessThan(2 * records);
            assertThat(api.delete("/connectors/kill-source").status()).isEqualTo(204);
        }
    }

    private static Set<Long> keysOf(SluiceTestEnvironment env) {
        Set<Long> keys = new TreeSet<>();
        for (ConsumerRecord<byte[], byte[]> r : TopicReader.readAll(env.bootstrapServers(), "kill-topic")) {
            keys.add(Long.parseLong(new String(r.key(), StandardCharsets.UTF_8)));
        }
        return keys;
    }
}
