package dev.sluice.testkit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.kafkaconnect.KafkaConnectClient;
import software.amazon.awssdk.services.kafkaconnect.model.BadRequestException;
import software.amazon.awssdk.services.kafkaconnect.model.ConflictException;
import software.amazon.awssdk.services.kafkaconnect.model.CustomPluginContentType;
import software.amazon.awssdk.services.kafkaconnect.model.CustomPluginState;
import software.amazon.awssdk.services.kafkaconnect.model.CustomPluginSummary;
import software.amazon.awssdk.services.kafkaconnect.model.DescribeCustomPluginResponse;
import software.amazon.awssdk.services.kafkaconnect.model.NotFoundException;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Custom plugins through AWS's own SDK client: fetched from S3, installed and scanned, or refused with a reason. */
class MskConnectCustomPluginsIT {

    private static final String BUCKET = "plugins";
    private static final String BUCKET_ARN = "arn:aws:s3:::" + BUCKET;
    private static KafkaConnectClient msk;
    private static S3Client s3;

    @BeforeAll
    static void start() {
        SluiceTestEnvironment env = SluiceTestEnvironment.get();
        msk = MskConnectClients.forNode(env.node());
        s3 = env.s3Client();
        s3.createBucket(b -> b.bucket(BUCKET));
    }

    @AfterAll
    static void stop() {
        msk.close();
        s3.close();
    }

    private static DescribeCustomPluginResponse awaitSettled(String arn) {
        await().atMost(Duration.ofSeconds(60)).until(() -> msk.describeCustomPlugin(b -> b.customPluginArn(arn))
                .customPluginState() != CustomPluginState.CREATING);
        return msk.describeCustomPlugin(b -> b.customPluginArn(arn));
    }

    @Test
    void aConnectorZipBecomesActiveWithWhatItHolds() throws Exception {
        Path zip = SluiceTestEnvironment.pluginPath().getParent().resolve("sluice-datagen-source.zip");
        byte[] bytes = Files.readAllBytes(zip);
        s3.putObject(b -> b.bucket(BUCKET).key("datagen.zip"), RequestBody.fromBytes(bytes));

        var created = msk.createCustomPlugin(b -> b.name("datagen").contentType(CustomPluginContentType.ZIP)
                .location(l -> l.s3Location(s -> s.bucketArn(BUCKET_ARN).fileKey("datagen.zip"))));
        assertThat(created.customPluginArn())
                .startsWith("arn:aws:kafkaconnect:us-east-1:000000000000:custom-plugin/datagen/");
        assertThat(created.revision()).isEqualTo(1L);

        DescribeCustomPluginResponse described = awaitSettled(created.customPluginArn());
        assertThat(described.customPluginState()).isEqualTo(CustomPluginState.ACTIVE);
        assertThat(described.stateDescription()).isNull();
        assertThat(described.latestRevision().fileDescription().fileSize()).isEqualTo((long) bytes.length);
        assertThat(described.latestRevision().fileDescription().fileMd5())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes)));
        assertThat(described.latestRevision().location().s3Location().fileKey()).isEqualTo("datagen.zip");
        // Sluice's own member, beside the model's: the classes found in the file
        var raw = new ConnectRestClient(SluiceTestEnvironment.get().node().apiUrl())
                .get("/v1/custom-plugins/" + java.net.URLEncoder.encode(created.customPluginArn(),
                        java.nio.charset.StandardCharsets.UTF_8));
        assertThat(raw.body().path("sluiceFoundClasses").path("connectors").toString())
                .contains("dev.sluice.connect.datagen.DatagenSourceConnector");

        assertThat(msk.listCustomPlugins(b -> b.namePrefix("datagen")).customPlugins())
                .extracting(CustomPluginSummary::customPluginArn).contains(created.customPluginArn());
        assertThat(msk.deleteCustomPlugin(b -> b.customPluginArn(created.customPluginArn())).customPluginState())
                .isEqualTo(CustomPluginState.DELETING);
        assertThatThrownBy(() -> msk.describeCustomPlugin(b -> b.customPluginArn(created.customPluginArn())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aFileThatIsNotAZipFailsWithAReason() {
        s3.putObject(b -> b.bucket(BUCKET).key("notes.txt"), RequestBody.fromString("not a plugin"));

        var created = msk.createCustomPlugin(b -> b.name("not-a-zip").contentType(CustomPluginContentType.ZIP)
                .location(l -> l.s3Location(s -> s.bucketArn(BUCKET_ARN).fileKey("notes.txt"))));

        DescribeCustomPluginResponse described = awaitSettled(created.customPluginArn());
        assertThat(described.customPluginState()).isEqualTo(CustomPluginState.CREATE_FAILED);
        assertThat(described.stateDescription().code()).isNotBlank();
        assertThat(described.stateDescription().message()).containsIgnoringCase("zip");
    }

    @Test
    void aMissingObjectFailsNamingIt() {
        var created = msk.createCustomPlugin(b -> b.name("missing").contentType(CustomPluginContentType.JAR)
                .location(l -> l.s3Location(s -> s.bucketArn(BUCKET_ARN).fileKey("nowhere.jar"))));

        DescribeCustomPluginResponse described = awaitSettled(created.customPluginArn());
        assertThat(described.customPluginState()).isEqualTo(CustomPluginState.CREATE_FAILED);
        assertThat(described.stateDescription().message()).contains("s3://plugins/nowhere.jar");
    }

    @Test
    void badRequestsAndConflictsNameTheField() {
        assertThatThrownBy(() -> msk.createCustomPlugin(b -> b.name("no-location")
                .contentType(CustomPluginContentType.ZIP)))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("location is required");
        assertThatThrownBy(() -> msk.createCustomPlugin(b -> b.name("bad-bucket").contentType("RAR")
                .location(l -> l.s3Location(s -> s.bucketArn("my-bucket").fileKey("x.zip")))))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("contentType").hasMessageContaining("bucketArn");

        s3.putObject(b -> b.bucket(BUCKET).key("twice.txt"), RequestBody.fromString("x"));
        msk.createCustomPlugin(b -> b.name("twice").contentType(CustomPluginContentType.ZIP)
                .location(l -> l.s3Location(s -> s.bucketArn(BUCKET_ARN).fileKey("twice.txt"))));
        assertThatThrownBy(() -> msk.createCustomPlugin(b -> b.name("twice").contentType(CustomPluginContentType.ZIP)
                .location(l -> l.s3Location(s -> s.bucketArn(BUCKET_ARN).fileKey("twice.txt")))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("twice");
    }

    @Test
    void listPagesWithNextTokenAndFiltersByNamePrefix() {
        s3.putObject(b -> b.bucket(BUCKET).key("paged.txt"), RequestBody.fromString("x"));
        java.util.List<String> arns = java.util.stream.Stream.of("paged-1", "paged-2", "paged-3")
                .map(name -> msk.createCustomPlugin(b -> b.name(name).contentType(CustomPluginContentType.ZIP)
                        .location(l -> l.s3Location(s -> s.bucketArn(BUCKET_ARN).fileKey("paged.txt"))))
                        .customPluginArn())
                .toList();

        var first = msk.listCustomPlugins(b -> b.namePrefix("paged-").maxResults(2));
        assertThat(first.customPlugins()).hasSize(2);
        var second = msk.listCustomPlugins(b -> b.namePrefix("paged-").maxResults(2).nextToken(first.nextToken()));
        assertThat(second.customPlugins()).hasSize(1);
        assertThat(second.nextToken()).isNull();
        assertThat(java.util.stream.Stream.concat(first.customPlugins().stream(), second.customPlugins().stream())
                .map(CustomPluginSummary::customPluginArn)).containsExactlyInAnyOrderElementsOf(arns);
        assertThat(msk.listCustomPlugins(b -> b.namePrefix("paged-9")).customPlugins()).isEmpty();
    }
}
