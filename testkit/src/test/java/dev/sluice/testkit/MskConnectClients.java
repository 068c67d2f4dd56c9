package dev.sluice.testkit;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kafkaconnect.KafkaConnectClient;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.kafkaconnect.model.CustomPluginContentType;
import software.amazon.awssdk.services.kafkaconnect.model.CustomPluginState;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/** AWS's own MSK Connect client, pointed at the test node: nothing but the endpoint changes. */
final class MskConnectClients {

    private MskConnectClients() {
    }

    static KafkaConnectClient forNode(WorkerNode node) {
        return forUrl(node.apiUrl());
    }

    static KafkaConnectClient forUrl(String apiUrl) {
        return KafkaConnectClient.builder()
                .endpointOverride(URI.create(apiUrl))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /**
     * A datagen connector ({@code tasks.max} as many as its workers, 50 records/s each into {@code <name>-topic})
     * created through the MSK Connect API from a custom plugin uploaded to S3 and a worker configuration.
     *
     * @return its ARN
     */
    static String createDatagenConnector(SluiceTestEnvironment env, KafkaConnectClient msk, int workers,
                                         String name) throws Exception {
        try (S3Client s3 = env.s3Client()) {
            s3.createBucket(b -> b.bucket(name + "-plugins"));
            s3.putObject(b -> b.bucket(name + "-plugins").key("datagen.zip"), RequestBody.fromBytes(
                    Files.readAllBytes(SluiceTestEnvironment.pluginPath().getParent()
                            .resolve("sluice-datagen-source.zip"))));
        }
        String plugin = msk.createCustomPlugin(b -> b.name(name + "-datagen").contentType(CustomPluginContentType.ZIP)
                .location(l -> l.s3Location(s -> s.bucketArn("arn:aws:s3:::" + name + "-plugins")
                        .fileKey("datagen.zip")))).customPluginArn();
        await().atMost(Duration.ofSeconds(90)).until(() -> msk.describeCustomPlugin(b -> b.customPluginArn(plugin))
                .customPluginState() == CustomPluginState.ACTIVE);
        String properties = "key.converter=org.apache.kafka.connect.storage.StringConverter\n"
                + "value.converter=org.apache.kafka.connect.converters.ByteArrayConverter\n";
        String workerConfiguration = msk.createWorkerConfiguration(b -> b.name(name + "-bytes")
                .propertiesFileContent(Base64.getEncoder().encodeToString(
                        properties.getBytes(StandardCharsets.UTF_8)))).workerConfigurationArn();
        return msk.createConnector(b -> b.connectorName(name)
                .capacity(c -> c.provisionedCapacity(p -> p.mcuCount(1).workerCount(workers)))
                .connectorConfiguration(Map.of(
                        "connector.class", "dev.sluice.connect.datagen.DatagenSourceConnector",
                        "tasks.max", String.valueOf(workers), "kafka.topic", name + "-topic",
                        "record.size.bytes", "64", "records.per.second", "50", "max.records", "-1"))
                .kafkaCluster(k -> k.apacheKafkaCluster(a -> a.bootstrapServers(env.bootstrapServers())
                        .vpc(v -> v.subnets("subnet-local"))))
                .kafkaClusterClientAuthentication(a -> a.authenticationType("NONE"))
                .kafkaClusterEncryptionInTransit(e -> e.encryptionType("PLAINTEXT"))
                .kafkaConnectVersion("3.7.x")
                .plugins(p -> p.customPlugin(c -> c.customPluginArn(plugin).revision(1L)))
                .serviceExecutionRoleArn("arn:aws:iam::000000000000:role/sluice")
                .workerConfiguration(w -> w.workerConfigurationArn(workerConfiguration).revision(1L)))
                .connectorArn();
    }
}
