package dev.sluice.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.runtime.broker.Ports;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.producer.ProducerRecord;
import software.amazon.awssdk.services.kafkaconnect.KafkaConnectClient;
import software.amazon.awssdk.services.kafkaconnect.model.ConnectorState;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nodes sharing a connector registry act as one fleet, found through the Kafka cluster alone: they list each other in
 * {@code GET /v1/fleet}, spread a connector's workers over themselves, answer for any connector from any node, place
 * a killed node's workers on the survivors with nothing lost, and keep a connector running through a rolling
 * restart.
 */
class FleetIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String CONNECTOR = "fleet-sink";
    private static final String TOPIC = "fleet-orders";
    private static final String BUCKET = "fleet-sink";
    private static final int PARTITIONS = 6;
    /** Records a partition gets: whole objects of 100 (flush.size), so every record reaches S3. */
    private static final int PER_PARTITION = 1500;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> nodeIds(ConnectRestClient api) {
        List<String> ids = new ArrayList<>();
        for (JsonNode node : api.get("/v1/fleet").body().path("nodes")) {
            ids.add(node.path("id").asText());
        }
        return ids;
    }

    @Test
    void twoNodesShareAnMskConnectConnectorAndTheSurvivorTakesItAllWhenTheOtherIsKilled() throws Exception {
        SluiceTestEnvironment env = SluiceTestEnvironment.get();
        Path dir = env.workDir().resolve("fleet");
        Files.createDirectories(dir);
        List<Integer> ports = Ports.freePorts("127.0.0.1", 4);
        // the same name: the same connector registry, and so the same fleet
        Path configA = NodeProcess.writeConfig(dir.resolve("a.yml"), env.bootstrapServers(), "20s", ports.get(0),
                ports.get(1), SluiceTestEnvironment.pluginPath(), env.s3().endpoint(), "fleet_pair");
        Path configB = NodeProcess.writeConfig(dir.resolve("b.yml"), env.bootstrapServers(), "20s", ports.get(2),
                ports.get(3), SluiceTestEnvironment.pluginPath(), env.s3().endpoint(), "fleet_pair");
        var apiA = new ConnectRestClient("http://127.0.0.1:" + ports.get(0));
        var apiB = new ConnectRestClient("http://127.0.0.1:" + ports.get(2));
        try (NodeProcess a = new NodeProcess(configA, dir.resolve("a.log"));
             NodeProcess b = new NodeProcess(configB, dir.resolve("b.log"))) {
            a.start();
            b.start();
            await().atMost(WAIT).ignoreExceptions().until(() -> nodeIds(apiA).size() == 2 && nodeIds(apiB).size() == 2);
            assertThat(nodeIds(apiA)).isEqualTo(nodeIds(apiB));
            JsonNode fleetA = apiA.get("/v1/fleet").body();
            assertThat(fleetA.path("self").asText()).contains(":" + ports.get(0));
            assertThat(fleetA.path("nodes").findValuesAsText("apiUrl"))
                    .anyMatch(url -> url.contains(":" + ports.get(0)))
                    .anyMatch(url -> url.contains(":" + ports.get(2)));

            // created through one node's MSK Connect API with 2 workers: one runs on each node (the other fetches the
            // custom plugin itself), and the other node's API knows the connector at once
            KafkaConnectClient mskA = MskConnectClients.forUrl("http://127.0.0.1:" + ports.get(0));
            KafkaConnectClient mskB = MskConnectClients.forUrl("http://127.0.0.1:" + ports.get(2));
            String arn = MskConnectClients.createDatagenConnector(env, mskA, 2, "fleet-msk");
            assertThat(mskB.listConnectors(r -> r.connectorNamePrefix("fleet-msk")).connectors()).hasSize(1);
            await().atMost(WAIT).until(() -> mskB.describeConnector(r -> r.connectorArn(arn)).connectorState()
                    == ConnectorState.RUNNING);
            await().atMost(WAIT).ignoreExceptions().until(() -> apiB.hasState("fleet-msk", "RUNNING", 2)
                    && taskWorkers(apiB, "fleet-msk").size() == 2);

            b.kill();

            await().atMost(WAIT).ignoreExceptions().until(() -> nodeIds(apiA).size() == 1);
            assertThat(apiA.get("/v1/fleet").body().path("nodes").get(0).path("self").asBoolean()).isTrue();
            // both workers on the survivor now, its tasks running there
            await().atMost(WAIT).ignoreExceptions().until(() -> apiA.hasState("fleet-msk", "RUNNING", 2)
                    && taskWorkers(apiA, "fleet-msk").stream().allMatch(w -> w.startsWith("127.0.0.1:" + ports.get(0))));
            long before = TopicReader.readAll(env.bootstrapServers(), "fleet-msk-topic").size();
            await().atMost(WAIT).until(() -> TopicReader.readAll(env.bootstrapServers(), "fleet-msk-topic").size()
                    > before + 50);
            mskA.deleteConnector(r -> r.connectorArn(arn));
        }
    }

    @Test
    void aConnectorsWorkersSpreadOverThreeNodesMoveOffAKilledNodeAndRideARollingRestartWithNothingLost() throws Exception {
        SluiceTestEnvironment env = SluiceTestEnvironment.get();
        Path dir = env.workDir().resolve("fleet-trio");
        Files.createDirectories(dir);
        List<Integer> ports = Ports.freePorts("127.0.0.1", 6);
        List<NodeProcess> nodes = new ArrayList<>();
        List<ConnectRestClient> apis = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path config = NodeProcess.writeConfig(dir.resolve("node-" + i + ".yml"), env.bootstrapServers(), "20s",
                    ports.get(2 * i), ports.get(2 * i + 1), SluiceTestEnvironment.pluginPath(), env.s3().endpoint(),
                    "fleet_trio");
            nodes.add(new NodeProcess(config, dir.resolve("node-" + i + ".log")));
            apis.add(new ConnectRestClient("http://127.0.0.1:" + ports.get(2 * i)));
        }
        ConnectRestClient a = apis.get(0);
        ConnectRestClient b = apis.get(1);
        ConnectRestClient c = apis.get(2);
        String nodeB = "127.0.0.1:" + ports.get(2);
        try (TopicWriter writer = new TopicWriter(env.bootstrapServers());
             S3Client s3 = env.s3Client()) {
            s3.createBucket(r -> r.bucket(BUCKET));
            writer.createTopic(TOPIC, PARTITIONS);
            nodes.forEach(NodeProcess::start);
            await().atMost(WAIT).ignoreExceptions()
                    .until(() -> apis.stream().allMatch(api -> nodeIds(api).size() == 3));

            assertThat(a.createConnector(CONNECTOR, Map.ofEntries(
                    Map.entry("connector.class", "dev.sluice.connect.s3.S3SinkConnector"),
                    Map.entry("tasks.max", "6"), Map.entry("sluice.workers", "3"), Map.entry("topics", TOPIC),
                    Map.entry("s3.bucket.name", BUCKET), Map.entry("s3.endpoint", env.s3().endpoint()),
                    Map.entry("aws.access.key.id", "test"), Map.entry("aws.secret.access.key", "test-secret"),
                    Map.entry("format.class", "json"), Map.entry("flush.size", "100"),
                    Map.entry("value.converter", "org.apache.kafka.connect.json.JsonConverter"),
                    Map.entry("value.converter.schemas.enable", "false"))).status()).isEqualTo(201);

            // one worker on each node, the tasks over all three, and every node answers for the connector
            await().atMost(WAIT).ignoreExceptions().until(() -> a.hasState(CONNECTOR, "RUNNING", 6)
                    && taskWorkers(a, CONNECTOR).size() == 3);
            for (ConnectRestClient api : apis) {
                assertThat(api.get("/connectors").body().toString()).isEqualTo("[\"" + CONNECTOR + "\"]");
                assertThat(api.get("/connectors/" + CONNECTOR + "/config").body().path("aws.secret.access.key")
                        .asText()).isNotEqualTo("test-secret");
                await().atMost(WAIT).until(() -> api.hasState(CONNECTOR, "RUNNING", 6));
            }
            for (JsonNode node : c.get("/v1/fleet").body().path("nodes")) {
                assertThat(node.path("workers").toString())
                        .isEqualTo("[{\"connector\":\"" + CONNECTOR + "\",\"workers\":1,\"of\":3}]");
            }

            writeRecords(writer, 0, PER_PARTITION / 3);
            await().atMost(WAIT).until(() -> objectKeys(s3).size() >= PARTITIONS);
            // the rest arrives while node B dies and its worker moves
            Thread load = new Thread(() -> writeRecords(writer, PER_PARTITION / 3, PER_PARTITION));
            load.start();
            nodes.get(1).kill();
            load.join();

            await().atMost(WAIT).ignoreExceptions().until(() -> nodeIds(a).size() == 2
                    && a.hasState(CONNECTOR, "RUNNING", 6) && taskWorkers(a, CONNECTOR).stream().noneMatch(
                            w -> w.startsWith(nodeB)) && workersOf(a).stream().mapToInt(Integer::intValue).sum() == 3);
            await().atMost(WAIT).ignoreExceptions()
                    .until(() -> objectKeys(s3).size() == PARTITIONS * PER_PARTITION / 100);
            assertThat(recordsInS3(s3)).containsExactlyInAnyOrderElementsOf(expectedRecords(PER_PARTITION));

            // back again, the node gets work again
            nodes.get(1).start();
            await().atMost(WAIT).ignoreExceptions().until(() -> nodeIds(a).size() == 3
                    && taskWorkers(a, CONNECTOR).stream().anyMatch(w -> w.startsWith(nodeB)));
            assertThat(b.hasState(CONNECTOR, "RUNNING", 6)).isTrue();

            // a rolling restart of the other two, one at a time, while more records arrive: the connector stays
            // RUNNING as its users see it (any node's answer), but for brief rebalances, and loses nothing
            Thread more = new Thread(() -> writeRecords(writer, PER_PARTITION, 2 * PER_PARTITION));
            more.start();
            Set<String> statesSeen = new TreeSet<>();
            for (int i : List.of(0, 2)) {
                ConnectRestClient watcher = apis.get((i + 1) % 3);
                String restarted = "127.0.0.1:" + ports.get(2 * i);
                nodes.get(i).close();
                nodes.get(i).start();
                await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> {
                    statesSeen.add(watcher.connectorState(CONNECTOR));
                    return nodeIds(watcher).size() == 3 && watcher.hasState(CONNECTOR, "RUNNING", 6)
                            && taskWorkers(watcher, CONNECTOR).stream().anyMatch(w -> w.startsWith(restarted));
                });
            }
            // RUNNING, or for a rebalance's moment UNASSIGNED (or Connect's 409 while its group rebalances: "")
            assertThat(statesSeen).contains("RUNNING").isSubsetOf("RUNNING", "UNASSIGNED", "");
            more.join();
            await().atMost(WAIT).ignoreExceptions()
                    .until(() -> objectKeys(s3).size() == 2 * PARTITIONS * PER_PARTITION / 100);
            assertThat(recordsInS3(s3)).containsExactlyInAnyOrderElementsOf(expectedRecords(2 * PER_PARTITION));

            // deleted through a node, it is gone from all
            assertThat(c.delete("/connectors/" + CONNECTOR).status()).isEqualTo(204);
            await().atMost(WAIT).ignoreExceptions().until(() -> apis.stream()
                    .allMatch(api -> api.get("/connectors").body().isEmpty()));
        } finally {
            nodes.forEach(NodeProcess::close);
        }
    }

    private static void writeRecords(TopicWriter writer, int from, int to) {
        for (int i = from; i < to; i++) {
            for (int p = 0; p < PARTITIONS; p++) {
                writer.send(new ProducerRecord<>(TOPIC, p, null,
                        ("{\"p\":" + p + ",\"i\":" + i + "}").getBytes(StandardCharsets.UTF_8)));
            }
        }
    }

    /** Records {@code 0..perPartition-1} of every partition, as {@code partition/i}. */
    private static List<String> expectedRecords(int perPartition) {
        List<String> out = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
            for (int i = 0; i < perPartition; i++) {
                out.add(p + "/" + i);
            }
        }
        return out;
    }

    /** Every record in the bucket's objects, as {@code partition/i}. */
    private static List<String> recordsInS3(S3Client s3) throws Exception {
        List<String> out = new ArrayList<>();
        for (String key : objectKeys(s3)) {
            String text = s3.getObjectAsBytes(r -> r.bucket(BUCKET).key(key)).asUtf8String();
            for (String line : text.split("\n")) {
                JsonNode record = JSON.readTree(line);
                out.add(record.path("p").asInt() + "/" + record.path("i").asInt());
            }
        }
        return out;
    }

    private static List<String> objectKeys(S3Client s3) {
        return s3.listObjectsV2Paginator(r -> r.bucket(BUCKET)).contents().stream().map(S3Object::key).toList();
    }

    /** The workers that run the connector's tasks, by id ({@code host:port}, {@code #n} for a node's n-th). */
    private static Set<String> taskWorkers(ConnectRestClient api, String connector) {
        Set<String> workers = new TreeSet<>();
        for (JsonNode task : api.get("/connectors/" + connector + "/status").body().path("tasks")) {
            workers.add(task.path("worker_id").asText());
        }
        return workers;
    }

    /** How many of the connector's workers each live node runs, by {@code GET /v1/fleet}. */
    private static List<Integer> workersOf(ConnectRestClient api) {
        List<Integer> out = new ArrayList<>();
        for (JsonNode node : api.get("/v1/fleet").body().path("nodes")) {
            for (JsonNode workers : node.path("workers")) {
                out.add(workers.path("workers").asInt());
            }
        }
        return out;
    }
}
