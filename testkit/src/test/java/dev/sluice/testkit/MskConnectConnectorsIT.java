package dev.sluice.testkit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.kafkaconnect.KafkaConnectClient;
import software.amazon.awssdk.services.kafkaconnect.model.BadRequestException;
import software.amazon.awssdk.services.kafkaconnect.model.ConflictException;
import software.amazon.awssdk.services.kafkaconnect.model.ConnectorState;
import software.amazon.awssdk.services.kafkaconnect.model.ConnectorSummary;
import software.amazon.awssdk.services.kafkaconnect.model.CreateConnectorRequest;
import software.amazon.awssdk.services.kafkaconnect.model.CustomPluginContentType;
import software.amazon.awssdk.services.kafkaconnect.model.CustomPluginState;
import software.amazon.awssdk.services.kafkaconnect.model.NotFoundException;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Connectors through AWS's own SDK client: created from a custom plugin and a worker configuration, running. */
class MskConnectConnectorsIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static KafkaConnectClient msk;
    private static Admin admin;
    private static S3Client s3;
    private static String datagenPluginArn;
    private static String workerConfigurationArn;

    @BeforeAll
    static void start() throws Exception {
        SluiceTestEnvironment env = SluiceTestEnvironment.get();
        msk = MskConnectClients.forNode(env.node());
        admin = Admin.create(Map.of("bootstrap.servers", env.bootstrapServers()));
        s3 = env.s3Client();
        s3.createBucket(b -> b.bucket("connector-plugins"));
        s3.putObject(b -> b.bucket("connector-plugins").key("datagen.zip"), RequestBody.fromBytes(
                Files.readAllBytes(SluiceTestEnvironment.pluginPath().getParent()
                        .resolve("sluice-datagen-source.zip"))));
        datagenPluginArn = msk.createCustomPlugin(b -> b.name("connectors-it-datagen")
                .contentType(CustomPluginContentType.ZIP)
                .location(l -> l.s3Location(s -> s.bucketArn("arn:aws:s3:::connector-plugins")
                        .fileKey("datagen.zip")))).customPluginArn();
        await().atMost(WAIT).until(() -> msk.describeCustomPlugin(b -> b.customPluginArn(datagenPluginArn))
                .customPluginState() == CustomPluginState.ACTIVE);
        String properties = "key.converter=org.apache.kafka.connect.storage.StringConverter\n"
                + "value.converter=org.apache.kafka.connect.converters.ByteArrayConverter\n";
        workerConfigurationArn = msk.createWorkerConfiguration(b -> b.name("connectors-it-bytes")
                .propertiesFileContent(Base64.getEncoder().encodeToString(
                        properties.getBytes(StandardCharsets.UTF_8)))).workerConfigurationArn();
    }

    @AfterAll
    static void stop() {
        msk.close();
        admin.close();
        s3.close();
    }

    private static CreateConnectorRequest.Builder datagen(String name, Map<String, String> config) {
        Map<String, String> connectorConfig = new HashMap<>(Map.of(
                "connector.class", "dev.sluice.connect.datagen.DatagenSourceConnector",
                "tasks.max", "1",
                "kafka.topic", name + "-topic",
                "record.size.bytes", "64",
                "records.per.second", "0",
                "max.records", "500"));
        connectorConfig.putAll(config);
        return CreateConnectorRequest.builder()
                .connectorName(name)
                .capacity(c -> c.provisionedCapacity(p -> p.mcuCount(1).workerCount(1)))
                .connectorConfiguration(connectorConfig)
                .kafkaCluster(k -> k.apacheKafkaCluster(a -> a
                        .bootstrapServers(SluiceTestEnvironment.get().bootstrapServers())
                        .vpc(v -> v.subnets("subnet-local"))))
                .kafkaClusterClientAuthentication(a -> a.authenticationType("NONE"))
                .kafkaClusterEncryptionInTransit(e -> e.encryptionType("PLAINTEXT"))
                .kafkaConnectVersion("3.7.x")
                .plugins(p -> p.customPlugin(c -> c.customPluginArn(datagenPluginArn).revision(1L)))
                .serviceExecutionRoleArn("arn:aws:iam::000000000000:role/sluice")
                .workerConfiguration(w -> w.workerConfigurationArn(workerConfigurationArn).revision(1L));
    }

    @Test
    void aConnectorRunsItsRecordsFlowAndDeletingRemovesItsCluster() throws Exception {
        var created = msk.createConnector(datagen("msk-datagen", Map.of()).build());
        assertThat(created.connectorArn())
                .startsWith("arn:aws:kafkaconnect:us-east-1:000000000000:connector/msk-datagen/");
        assertThat(created.connectorState()).isEqualTo(ConnectorState.CREATING);

        await().atMost(WAIT).until(() -> msk.describeConnector(b -> b.connectorArn(created.connectorArn()))
                .connectorState() == ConnectorState.RUNNING);
        var described = msk.describeConnector(b -> b.connectorArn(created.connectorArn()));
        assertThat(described.capacity().provisionedCapacity().workerCount()).isEqualTo(1);
        assertThat(described.plugins().get(0).customPlugin().customPluginArn()).isEqualTo(datagenPluginArn);
        assertThat(described.workerConfiguration().workerConfigurationArn()).isEqualTo(workerConfigurationArn);
        assertThat(described.currentVersion()).isNotBlank();

        // the records move, with the worker configuration's converters: string keys 0..499, raw byte values
        await().atMost(WAIT).until(() -> TopicReader.readAll(SluiceTestEnvironment.get().bootstrapServers(),
                "msk-datagen-topic").size() == 500);
        var keys = TopicReader.readAll(SluiceTestEnvironment.get().bootstrapServers(), "msk-datagen-topic").stream()
                .map(r -> new String(r.key(), StandardCharsets.UTF_8)).collect(Collectors.toSet());
        assertThat(keys).hasSize(500).contains("0", "499");
        // it is a Kafka Connect connector too, in a Connect cluster of its own
        ConnectRestClient connect = SluiceTestEnvironment.get().connect();
        assertThat(connect.hasState("msk-datagen", "RUNNING", 1)).isTrue();
        assertThat(admin.listGroups().all().get()).extracting(GroupListing::groupId)
                .anyMatch(g -> g.startsWith("__sluice_group_msk-datagen_"));

        assertThat(msk.listConnectors(b -> b.connectorNamePrefix("msk-datagen")).connectors())
                .extracting(ConnectorSummary::connectorArn).containsExactly(created.connectorArn());

        var deleted = msk.deleteConnector(b -> b.connectorArn(created.connectorArn()));
        assertThat(deleted.connectorState()).isEqualTo(ConnectorState.DELETING);
        assertThatThrownBy(() -> msk.describeConnector(b -> b.connectorArn(created.connectorArn())))
                .isInstanceOf(NotFoundException.class);
        assertThat(connect.get("/connectors/msk-datagen/status").status()).isEqualTo(404);
        await().atMost(WAIT).until(() -> admin.listTopics().names().get().stream()
                .noneMatch(t -> t.startsWith("__sluice_") && t.contains("_msk-datagen_")));
    }

    @Test
    void secretsManagerReferencesAreResolvedForAConnectorOfCustomPlugins() throws Exception {
        String secret = "msk-it/datagen-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        try (var secrets = SluiceTestEnvironment.get().secretsManagerClient()) {
            secrets.createSecret(b -> b.name(secret).secretString("{\"size\":\"96\"}"));
        }
        assertThatThrownBy(() -> msk.createConnector(datagen("msk-secret-bad",
                Map.of("record.size.bytes", "${secretsmanager:" + secret + ":sise}")).build()))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("has no key 'sise'");

        var created = msk.createConnector(datagen("msk-secret",
                Map.of("record.size.bytes", "${secretsmanager:" + secret + ":size}")).build());

        // validated and run with the secret's value, while the connector's config keeps the reference
        await().atMost(WAIT).until(() -> TopicReader.readAll(SluiceTestEnvironment.get().bootstrapServers(),
                "msk-secret-topic").size() == 500);
        assertThat(TopicReader.readAll(SluiceTestEnvironment.get().bootstrapServers(), "msk-secret-topic"))
                .allMatch(r -> r.value().length == 96);
        assertThat(msk.describeConnector(b -> b.connectorArn(created.connectorArn())).connectorConfiguration())
                .containsEntry("record.size.bytes", "${secretsmanager:" + secret + ":size}");
        msk.deleteConnector(b -> b.connectorArn(created.connectorArn()));
    }

    @Test
    void badRequestsNameTheFieldAndLeaveNothingBehind() throws Exception {
        assertThatThrownBy(() -> msk.createConnector(datagen("msk-bad-mcu", Map.of())
                .capacity(c -> c.provisionedCapacity(p -> p.mcuCount(3).workerCount(1))).build()))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("mcuCount");
        assertThatThrownBy(() -> msk.createConnector(datagen("msk-no-role", Map.of())
                .serviceExecutionRoleArn(null).kafkaConnectVersion(null).build()))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("serviceExecutionRoleArn is required")
                .hasMessageContaining("kafkaConnectVersion is required");
        assertThatThrownBy(() -> msk.createConnector(datagen("msk-no-plugin", Map.of())
                .plugins(p -> p.customPlugin(c -> c.customPluginArn(datagenPluginArn + "-gone").revision(1L)))
                .build()))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("plugins[0].customPlugin.customPluginArn");

        // the connector's own validation, by its Connect cluster with the custom plugin loaded
        assertThatThrownBy(() -> msk.createConnector(datagen("msk-bad-config", Map.of("record.size.bytes", "-1"))
                .build()))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("record.size.bytes");
        assertThat(msk.listConnectors(b -> b.connectorNamePrefix("msk-bad")).connectors()).isEmpty();
        await().atMost(WAIT).until(() -> admin.listTopics().names().get().stream()
                .noneMatch(t -> t.startsWith("__sluice_") && t.contains("_msk-bad-config_")));
    }

    @Test
    void aRestartedNodeBringsTheConnectorBackWithItsPluginsAndWorkerConfiguration() {
        var created = msk.createConnector(datagen("msk-restart", Map.of("max.records", "-1",
                "records.per.second", "100")).build());
        await().atMost(WAIT).until(() -> msk.describeConnector(b -> b.connectorArn(created.connectorArn()))
                .connectorState() == ConnectorState.RUNNING);

        SluiceTestEnvironment.get().node().stop();
        SluiceTestEnvironment.get().node().start();

        await().atMost(WAIT).until(() -> msk.describeConnector(b -> b.connectorArn(created.connectorArn()))
                .connectorState() == ConnectorState.RUNNING);
        int before = TopicReader.readAll(SluiceTestEnvironment.get().bootstrapServers(), "msk-restart-topic").size();
        await().atMost(WAIT).until(() -> TopicReader.readAll(SluiceTestEnvironment.get().bootstrapServers(),
                "msk-restart-topic").size() > before);
        msk.deleteConnector(b -> b.connectorArn(created.connectorArn()));
    }

    @Test
    void pauseResumeAndRestart() {
        var created = msk.createConnector(datagen("msk-pause", Map.of("max.records", "-1",
                "records.per.second", "50")).build());
        String arn = java.net.URLEncoder.encode(created.connectorArn(), StandardCharsets.UTF_8);
        ConnectRestClient api = SluiceTestEnvironment.get().connect();
        await().atMost(WAIT).until(() -> msk.describeConnector(b -> b.connectorArn(created.connectorArn()))
                .connectorState() == ConnectorState.RUNNING);

        assertThat(api.put("/v1/connectors/" + arn + "/pause", null).status()).isEqualTo(200);
        await().atMost(WAIT).until(() -> api.hasState("msk-pause", "PAUSED", 1));
        assertThat(msk.describeConnector(b -> b.connectorArn(created.connectorArn())).connectorStateAsString())
                .isEqualTo("PAUSED");
        int paused = TopicReader.readAll(SluiceTestEnvironment.get().bootstrapServers(), "msk-pause-topic").size();

        assertThat(api.put("/v1/connectors/" + arn + "/resume", null).status()).isEqualTo(200);
        await().atMost(WAIT).until(() -> TopicReader.readAll(SluiceTestEnvironment.get().bootstrapServers(),
                "msk-pause-topic").size() > paused);

        var restarted = api.post("/v1/connectors/" + arn + "/restart?onlyFailedTasks=false", null);
        assertThat(restarted.status()).isEqualTo(200);
        assertThat(restarted.text("connectorArn")).isEqualTo(created.connectorArn());
        await().atMost(WAIT).until(() -> msk.describeConnector(b -> b.connectorArn(created.connectorArn()))
                .connectorState() == ConnectorState.RUNNING);
        assertThat(api.put("/v1/connectors/" + arn + "-gone/pause", null).status()).isEqualTo(404);
        msk.deleteConnector(b -> b.connectorArn(created.connectorArn()));
    }

    @Test
    void updatesApplyOrRollBackAndAreRecordedAsOperations() {
        var created = msk.createConnector(datagen("msk-update", Map.of("max.records", "-1",
                "records.per.second", "10")).build());
        String arn = created.connectorArn();
        await().atMost(WAIT).until(() -> msk.describeConnector(b -> b.connectorArn(arn))
                .connectorState() == ConnectorState.RUNNING);
        Map<String, String> config = new HashMap<>(msk.describeConnector(b -> b.connectorArn(arn))
                .connectorConfiguration());
        config.remove("name");

        config.put("records.per.second", "20");
        var good = msk.updateConnector(b -> b.connectorArn(arn).currentVersion("1").connectorConfiguration(config));
        await().atMost(WAIT).until(() -> msk.describeConnectorOperation(
                b -> b.connectorOperationArn(good.connectorOperationArn())).connectorOperationStateAsString()
                .equals("UPDATE_COMPLETE"));
        var afterGood = msk.describeConnector(b -> b.connectorArn(arn));
        assertThat(afterGood.connectorConfiguration()).containsEntry("records.per.second", "20");
        assertThat(afterGood.currentVersion()).isEqualTo("2");

        assertThatThrownBy(() -> msk.updateConnector(b -> b.connectorArn(arn).currentVersion("1")
                .connectorConfiguration(config)))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("currentVersion");
        Map<String, String> otherClass = new HashMap<>(config);
        otherClass.put("connector.class", "dev.sluice.connect.discard.DiscardSinkConnector");
        assertThatThrownBy(() -> msk.updateConnector(b -> b.connectorArn(arn).currentVersion("2")
                .connectorConfiguration(otherClass)))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("connector.class");
        assertThatThrownBy(() -> msk.updateConnector(b -> b.connectorArn(arn).currentVersion("2")
                .connectorConfiguration(config).capacity(c -> c.provisionedCapacity(p -> p.mcuCount(1)
                        .workerCount(1)))))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("exactly one");

        Map<String, String> invalid = new HashMap<>(config);
        invalid.put("record.size.bytes", "-1");
        var bad = msk.updateConnector(b -> b.connectorArn(arn).currentVersion("2").connectorConfiguration(invalid));
        await().atMost(WAIT).until(() -> msk.describeConnectorOperation(
                b -> b.connectorOperationArn(bad.connectorOperationArn())).connectorOperationStateAsString()
                .equals("ROLLBACK_COMPLETE"));
        var rolledBack = msk.describeConnectorOperation(b -> b.connectorOperationArn(bad.connectorOperationArn()));
        assertThat(rolledBack.errorInfo().message()).contains("record.size.bytes");
        assertThat(rolledBack.operationSteps()).isNotEmpty();
        assertThat(msk.describeConnector(b -> b.connectorArn(arn)).connectorConfiguration())
                .containsEntry("record.size.bytes", "64");
        assertThat(SluiceTestEnvironment.get().connect().settled("/connectors/msk-update/config")
                .text("record.size.bytes")).isEqualTo("64");

        assertThat(msk.listConnectorOperations(b -> b.connectorArn(arn)).connectorOperations())
                .extracting(o -> o.connectorOperationArn())
                .containsExactlyInAnyOrder(good.connectorOperationArn(), bad.connectorOperationArn());
        msk.deleteConnector(b -> b.connectorArn(arn));
    }

    @Test
    void threeProvisionedWorkersFormOneGroupAndShareTheTasks() throws Exception {
        var created = msk.createConnector(datagen("msk-three", Map.of("tasks.max", "3", "max.records", "-1",
                "records.per.second", "30"))
                .capacity(c -> c.provisionedCapacity(p -> p.mcuCount(1).workerCount(3))).build());
        await().atMost(WAIT).until(() -> msk.describeConnector(b -> b.connectorArn(created.connectorArn()))
                .connectorState() == ConnectorState.RUNNING);

        String group = admin.listGroups().all().get().stream().map(GroupListing::groupId)
                .filter(g -> g.startsWith("__sluice_group_msk-three_")).findFirst().orElseThrow();
        await().atMost(WAIT).until(() -> admin.describeClassicGroups(java.util.List.of(group)).all().get()
                .get(group).members().size() == 3);
        // Connect's own assignor spreads the three tasks over the three workers
        ConnectRestClient connect = SluiceTestEnvironment.get().connect();
        await().atMost(WAIT).until(() -> {
            var tasks = connect.get("/connectors/msk-three/status").body().path("tasks");
            java.util.Set<String> workers = new java.util.HashSet<>();
            tasks.forEach(t -> workers.add(t.path("worker_id").asText()));
            return tasks.size() == 3 && workers.size() == 3;
        });
        // leader-only operations reach the leader, whichever worker is asked first
        assertThat(connect.post("/connectors/msk-three/restart?includeTasks=true", null).status()).isEqualTo(202);
        assertThat(connect.put("/connectors/msk-three/pause", null).status()).isEqualTo(202);
        await().atMost(WAIT).until(() -> connect.hasState("msk-three", "PAUSED", 3));
        msk.deleteConnector(b -> b.connectorArn(created.connectorArn()));
        assertThat(connect.get("/connectors/msk-three/status").status()).isEqualTo(404);
    }

    @Test
    void aCapacityUpdateChangesTheNumberOfWorkers() throws Exception {
        var created = msk.createConnector(datagen("msk-resize", Map.of("tasks.max", "2", "max.records", "-1",
                "records.per.second", "20")).build());
        String arn = created.connectorArn();
        await().atMost(WAIT).until(() -> msk.describeConnector(b -> b.connectorArn(arn))
                .connectorState() == ConnectorState.RUNNING);

        var update = msk.updateConnector(b -> b.connectorArn(arn).currentVersion("1")
                .capacity(c -> c.provisionedCapacity(p -> p.mcuCount(2).workerCount(2))));
        await().atMost(WAIT).until(() -> msk.describeConnectorOperation(
                b -> b.connectorOperationArn(update.connectorOperationArn())).connectorOperationStateAsString()
                .equals("UPDATE_COMPLETE"));

        var described = msk.describeConnector(b -> b.connectorArn(arn));
        assertThat(described.capacity().provisionedCapacity().workerCount()).isEqualTo(2);
        assertThat(described.currentVersion()).isEqualTo("2");
        String group = admin.listGroups().all().get().stream().map(GroupListing::groupId)
                .filter(g -> g.startsWith("__sluice_group_msk-resize_")).findFirst().orElseThrow();
        await().atMost(WAIT).until(() -> admin.describeClassicGroups(java.util.List.of(group)).all().get()
                .get(group).members().size() == 2);
        await().atMost(WAIT).until(() -> SluiceTestEnvironment.get().connect().hasState("msk-resize", "RUNNING", 2));
        msk.deleteConnector(b -> b.connectorArn(arn));
    }

    @Test
    void anAutoscaledConnectorScalesOutUnderLoadAndBackInWhenItStops() throws Exception {
        // unthrottled and unbounded: a load that lasts until the connector is paused
        var created = msk.createConnector(datagen("msk-auto", Map.of("records.per.second", "0",
                "record.size.bytes", "10", "max.records", "-1", "batch.size", "2000"))
                .capacity(c -> c.autoScaling(a -> a.minWorkerCount(1).maxWorkerCount(2).mcuCount(1)
                        .scaleInPolicy(p -> p.cpuUtilizationPercentage(1))
                        .scaleOutPolicy(p -> p.cpuUtilizationPercentage(15))))
                .build());
        String arn = created.connectorArn();
        ConnectRestClient connect = SluiceTestEnvironment.get().connect();
        // tasks.max = workers x MCU x 2, as MSK Connect sets it
        await().atMost(WAIT).until(() -> connect.hasState("msk-auto", "RUNNING", 2));

        await().atMost(WAIT).until(() -> workerSteps(arn).contains(2));
        await().atMost(WAIT).until(() -> connect.hasState("msk-auto", "RUNNING", 4));

        assertThat(connect.put("/connectors/msk-auto/pause", null).status()).isEqualTo(202);
        await().atMost(WAIT).until(() -> workerSteps(arn).contains(1));
        String group = admin.listGroups().all().get().stream().map(GroupListing::groupId)
                .filter(g -> g.startsWith("__sluice_group_msk-auto_")).findFirst().orElseThrow();
        await().atMost(WAIT).until(() -> admin.describeClassicGroups(java.util.List.of(group)).all().get()
                .get(group).members().size() == 1);
        assertThat(workerSteps(arn)).containsExactly(2, 1);
        msk.deleteConnector(b -> b.connectorArn(arn));
    }

    /** The worker counts the connector's completed autoscaling operations moved to, oldest first. */
    private static java.util.List<Integer> workerSteps(String connectorArn) {
        return msk.listConnectorOperations(b -> b.connectorArn(connectorArn)).connectorOperations().stream()
                .map(o -> SluiceTestEnvironment.get().connect().get("/v1/connectorOperations/"
                        + java.net.URLEncoder.encode(o.connectorOperationArn(), StandardCharsets.UTF_8)).body())
                .filter(op -> "UPDATE_COMPLETE".equals(op.path("connectorOperationState").asText()))
                .sorted(java.util.Comparator.comparing(op -> op.path("creationTime").asText()))
                .map(op -> op.path("sluiceTargetWorkerCount").asInt())
                .toList();
    }

    @Test
    void aDryRunReportsEveryProblemAndCreatesNothing() throws Exception {
        ConnectRestClient api = SluiceTestEnvironment.get().connect();
        Map<String, Object> request = new HashMap<>(Map.of(
                "connectorName", "msk-dry",
                "capacity", Map.of("provisionedCapacity", Map.of("mcuCount", 1, "workerCount", 1)),
                "kafkaCluster", Map.of("apacheKafkaCluster", Map.of(
                        "bootstrapServers", SluiceTestEnvironment.get().bootstrapServers(),
                        "vpc", Map.of("subnets", java.util.List.of("subnet-local")))),
                "kafkaClusterClientAuthentication", Map.of("authenticationType", "NONE"),
                "kafkaClusterEncryptionInTransit", Map.of("encryptionType", "PLAINTEXT"),
                "kafkaConnectVersion", "3.7.x",
                "plugins", java.util.List.of(Map.of("customPlugin",
                        Map.of("customPluginArn", datagenPluginArn, "revision", 1))),
                "serviceExecutionRoleArn", "arn:aws:iam::000000000000:role/sluice"));
        request.put("connectorConfiguration", Map.of(
                "connector.class", "dev.sluice.connect.datagen.DatagenSourceConnector",
                "record.size.bytes", "-1", "tasks.max", "1"));

        var bad = api.post("/v1/connectors?dryRun=true", request);
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body().path("valid").asBoolean()).isFalse();
        assertThat(bad.body().path("problems").toString()).contains("kafka.topic").contains("record.size.bytes");

        request.put("connectorConfiguration", Map.of(
                "connector.class", "dev.sluice.connect.datagen.DatagenSourceConnector",
                "kafka.topic", "msk-dry-topic", "tasks.max", "1"));
        var good = api.post("/v1/connectors?dryRun=true", request);
        assertThat(good.body().path("valid").asBoolean()).as(good.body().toString()).isTrue();
        assertThat(good.body().path("problems")).isEmpty();

        // a dry run resolves Secrets Manager references as the connector's workers would, with its plugins
        String secret = "msk-it/dry-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        try (var secrets = SluiceTestEnvironment.get().secretsManagerClient()) {
            secrets.createSecret(b -> b.name(secret).secretString("{\"size\":\"-1\"}"));
        }
        request.put("connectorConfiguration", Map.of(
                "connector.class", "dev.sluice.connect.datagen.DatagenSourceConnector",
                "kafka.topic", "msk-dry-topic", "tasks.max", "1",
                "record.size.bytes", "${secretsmanager:" + secret + ":size}",
                "records.per.second", "${secretsmanager:" + secret + ":rate}"));
        var referenced = api.post("/v1/connectors?dryRun=true", request);
        assertThat(referenced.body().path("problems").toString()).contains("has no key 'rate'");
        request.put("connectorConfiguration", Map.of(
                "connector.class", "dev.sluice.connect.datagen.DatagenSourceConnector",
                "kafka.topic", "msk-dry-topic", "tasks.max", "1",
                "record.size.bytes", "${secretsmanager:" + secret + ":size}"));
        referenced = api.post("/v1/connectors?dryRun=true", request);
        assertThat(referenced.body().path("problems").toString()).contains("record.size.bytes")
                .doesNotContain("secretsmanager");

        assertThat(msk.listConnectors(b -> b.connectorNamePrefix("msk-dry")).connectors()).isEmpty();
        assertThat(admin.listTopics().names().get()).noneMatch(t -> t.contains("_msk-dry_"));
    }

    @Test
    void aFailedTaskIsRestartedWithBackOffThenLeftFailedWithTheReason() {
        // string keys through ByteArrayConverter: the task fails on its first record, every time
        var created = msk.createConnector(datagen("msk-failing", Map.of("records.per.second", "10",
                "max.records", "-1", "key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter"))
                .build());
        String arn = created.connectorArn();

        await().atMost(WAIT).until(() -> {
            var described = msk.describeConnector(b -> b.connectorArn(arn));
            return described.connectorState() == ConnectorState.FAILED && described.stateDescription() != null
                    && described.stateDescription().message().contains("restarted it 1 of 3 times");
        });
        await().atMost(WAIT).until(() -> {
            var described = msk.describeConnector(b -> b.connectorArn(arn));
            return described.stateDescription() != null
                    && described.stateDescription().message().contains("restarted it 3 times and gave up");
        });
        var described = msk.describeConnector(b -> b.connectorArn(arn));
        assertThat(described.stateDescription().code()).isEqualTo("TASK_FAILED");
        assertThat(described.stateDescription().message()).contains("ByteArrayConverter");
        msk.deleteConnector(b -> b.connectorArn(arn));
    }

    @Test
    void aSecondCreateWithTheSameNameIsAConflict() {
        var first = msk.createConnector(datagen("msk-twice", Map.of()).build());
        assertThatThrownBy(() -> msk.createConnector(datagen("msk-twice", Map.of()).build()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("msk-twice");
        msk.deleteConnector(b -> b.connectorArn(first.connectorArn()));
    }

    @Test
    void aPluginOrWorkerConfigurationInUseCannotBeDeleted() {
        String properties = "key.converter=org.apache.kafka.connect.storage.StringConverter\n"
                + "value.converter=org.apache.kafka.connect.converters.ByteArrayConverter\n";
        String ownConfiguration = msk.createWorkerConfiguration(b -> b.name("connectors-it-in-use")
                .propertiesFileContent(Base64.getEncoder().encodeToString(
                        properties.getBytes(StandardCharsets.UTF_8)))).workerConfigurationArn();
        var created = msk.createConnector(datagen("msk-in-use", Map.of())
                .workerConfiguration(w -> w.workerConfigurationArn(ownConfiguration).revision(1L)).build());

        assertThatThrownBy(() -> msk.deleteWorkerConfiguration(b -> b.workerConfigurationArn(ownConfiguration)))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("msk-in-use");
        assertThatThrownBy(() -> msk.deleteCustomPlugin(b -> b.customPluginArn(datagenPluginArn)))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("msk-in-use");
        assertThat(msk.describeCustomPlugin(b -> b.customPluginArn(datagenPluginArn)).customPluginState())
                .isEqualTo(CustomPluginState.ACTIVE);

        msk.deleteConnector(b -> b.connectorArn(created.connectorArn()));
        msk.deleteWorkerConfiguration(b -> b.workerConfigurationArn(ownConfiguration));
        assertThatThrownBy(() -> msk.describeWorkerConfiguration(b -> b.workerConfigurationArn(ownConfiguration)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void connectorsAndTheirOperationsArePagedWithNextToken() {
        java.util.List<String> arns = new java.util.ArrayList<>();
        for (String name : java.util.List.of("msk-page-a", "msk-page-b", "msk-page-c")) {
            arns.add(msk.createConnector(datagen(name, Map.of("max.records", "10")).build()).connectorArn());
        }
        var first = msk.listConnectors(b -> b.connectorNamePrefix("msk-page-").maxResults(2));
        assertThat(first.connectors()).hasSize(2);
        assertThat(first.nextToken()).isNotBlank();
        var second = msk.listConnectors(b -> b.connectorNamePrefix("msk-page-").maxResults(2)
                .nextToken(first.nextToken()));
        assertThat(second.nextToken()).isNull();
        assertThat(java.util.stream.Stream.concat(first.connectors().stream(), second.connectors().stream())
                .map(ConnectorSummary::connectorArn)).containsExactlyInAnyOrderElementsOf(arns);
        // the SDK's paginator walks the same pages
        assertThat(msk.listConnectorsPaginator(b -> b.connectorNamePrefix("msk-page-").maxResults(1))
                .connectors().stream().map(ConnectorSummary::connectorArn))
                .containsExactlyInAnyOrderElementsOf(arns);

        String arn = arns.get(0);
        await().atMost(WAIT).until(() -> msk.describeConnector(b -> b.connectorArn(arn))
                .connectorState() == ConnectorState.RUNNING);
        var resize = msk.updateConnector(b -> b.connectorArn(arn).currentVersion("1")
                .capacity(c -> c.provisionedCapacity(p -> p.mcuCount(1).workerCount(2))));
        await().atMost(WAIT).until(() -> msk.describeConnectorOperation(
                b -> b.connectorOperationArn(resize.connectorOperationArn())).connectorOperationStateAsString()
                .equals("UPDATE_COMPLETE"));
        var back = msk.updateConnector(b -> b.connectorArn(arn).currentVersion("2")
                .capacity(c -> c.provisionedCapacity(p -> p.mcuCount(1).workerCount(1))));
        var page = msk.listConnectorOperations(b -> b.connectorArn(arn).maxResults(1));
        assertThat(page.connectorOperations()).hasSize(1);
        var rest = msk.listConnectorOperations(b -> b.connectorArn(arn).maxResults(1).nextToken(page.nextToken()));
        assertThat(rest.connectorOperations()).hasSize(1);
        assertThat(java.util.stream.Stream.concat(page.connectorOperations().stream(),
                rest.connectorOperations().stream()).map(o -> o.connectorOperationArn()))
                .containsExactlyInAnyOrder(resize.connectorOperationArn(), back.connectorOperationArn());
        arns.forEach(a -> msk.deleteConnector(b -> b.connectorArn(a)));
    }

    @Test
    void workerLogsAreDeliveredToS3WhenLogDeliveryAsksForIt() throws Exception {
        s3.createBucket(b -> b.bucket("connector-logs"));
        var created = msk.createConnector(datagen("msk-logs", Map.of("max.records", "-1",
                "records.per.second", "10"))
                .logDelivery(l -> l.workerLogDelivery(w -> w
                        .s3(d -> d.enabled(true).bucket("connector-logs").prefix("team-a"))
                        .cloudWatchLogs(c -> c.enabled(false))))
                .build());
        String id = created.connectorArn().substring(created.connectorArn().lastIndexOf('/') + 1);
        String folder = "team-a/AWSLogs/000000000000/KafkaConnectLogs/us-east-1/msk-logs-" + id + "/";

        // the task's own start-up lines, attributed to it by Kafka Connect's log context
        await().atMost(WAIT).until(() -> deliveredLogs(folder).contains("[msk-logs|task-0]"));
        assertThat(deliveredLogs(folder)).contains("INFO").doesNotContain("[msk-datagen|");
        msk.deleteConnector(b -> b.connectorArn(created.connectorArn()));

        assertThatThrownBy(() -> msk.createConnector(datagen("msk-logs-bad", Map.of())
                .logDelivery(l -> l.workerLogDelivery(w -> w.s3(d -> d.enabled(true)))).build()))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("logDelivery.workerLogDelivery.s3.bucket is required");
    }

    /** Every delivered log object under the folder, gunzipped and joined. */
    private static String deliveredLogs(String folder) throws java.io.IOException {
        StringBuilder out = new StringBuilder();
        for (var object : s3.listObjectsV2(b -> b.bucket("connector-logs").prefix(folder)).contents()) {
            assertThat(object.key()).endsWith(".log.gz");
            try (var in = new java.util.zip.GZIPInputStream(
                    s3.getObject(b -> b.bucket("connector-logs").key(object.key())))) {
                out.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return out.toString();
    }
}
