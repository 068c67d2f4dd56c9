package dev.sluice.testkit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kafkaconnect.KafkaConnectClient;
import software.amazon.awssdk.services.kafkaconnect.model.BadRequestException;
import software.amazon.awssdk.services.kafkaconnect.model.ConflictException;
import software.amazon.awssdk.services.kafkaconnect.model.CreateWorkerConfigurationResponse;
import software.amazon.awssdk.services.kafkaconnect.model.DescribeWorkerConfigurationResponse;
import software.amazon.awssdk.services.kafkaconnect.model.ListWorkerConfigurationsResponse;
import software.amazon.awssdk.services.kafkaconnect.model.NotFoundException;
import software.amazon.awssdk.services.kafkaconnect.model.WorkerConfigurationState;
import software.amazon.awssdk.services.kafkaconnect.model.WorkerConfigurationSummary;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Worker configurations through AWS's own SDK client, as an MSK Connect user would manage them. */
class MskConnectWorkerConfigurationsIT {

    private static final String PROPERTIES = """
            # converters are required by MSK Connect
            key.converter=org.apache.kafka.connect.storage.StringConverter
            value.converter=org.apache.kafka.connect.json.JsonConverter
            value.converter.schemas.enable=false
            """;

    private static KafkaConnectClient msk;

    @BeforeAll
    static void start() {
        msk = MskConnectClients.forNode(SluiceTestEnvironment.get().node());
    }

    @AfterAll
    static void stop() {
        msk.close();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void createDescribeListAndDelete() {
        CreateWorkerConfigurationResponse created = msk.createWorkerConfiguration(b -> b
                .name("wc-json-values").description("JSON values").propertiesFileContent(base64(PROPERTIES))
                .tags(Map.of("team", "data")));

        assertThat(created.workerConfigurationArn())
                .startsWith("arn:aws:kafkaconnect:us-east-1:000000000000:worker-configuration/wc-json-values/");
        assertThat(created.workerConfigurationState()).isEqualTo(WorkerConfigurationState.ACTIVE);
        assertThat(created.latestRevision().revision()).isEqualTo(1L);
        assertThat(created.creationTime()).isNotNull();

        DescribeWorkerConfigurationResponse described = msk.describeWorkerConfiguration(
                b -> b.workerConfigurationArn(created.workerConfigurationArn()));
        assertThat(described.name()).isEqualTo("wc-json-values");
        assertThat(described.description()).isEqualTo("JSON values");
        assertThat(new String(Base64.getDecoder().decode(described.latestRevision().propertiesFileContent()),
                StandardCharsets.UTF_8)).isEqualTo(PROPERTIES);

        assertThat(msk.listWorkerConfigurations(b -> b.build()).workerConfigurations())
                .extracting(WorkerConfigurationSummary::workerConfigurationArn)
                .contains(created.workerConfigurationArn());

        var deleted = msk.deleteWorkerConfiguration(b -> b.workerConfigurationArn(created.workerConfigurationArn()));
        assertThat(deleted.workerConfigurationState()).isEqualTo(WorkerConfigurationState.DELETING);
        assertThatThrownBy(() -> msk.describeWorkerConfiguration(
                b -> b.workerConfigurationArn(created.workerConfigurationArn())))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining(created.workerConfigurationArn());
    }

    @Test
    void listPagesWithNextTokenAndFiltersByNamePrefix() {
        for (int i = 0; i < 5; i++) {
            int n = i;
            msk.createWorkerConfiguration(b -> b.name("wc-page-" + n).propertiesFileContent(base64(PROPERTIES)));
        }
        List<String> names = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            ListWorkerConfigurationsResponse page = msk.listWorkerConfigurations(
                    b -> b.namePrefix("wc-page-").maxResults(2).nextToken(next));
            assertThat(page.workerConfigurations()).hasSizeLessThanOrEqualTo(2);
            page.workerConfigurations().forEach(c -> names.add(c.name()));
            token = page.nextToken();
            pages++;
        } while (token != null);

        assertThat(pages).isEqualTo(3);
        assertThat(names).containsExactlyInAnyOrder("wc-page-0", "wc-page-1", "wc-page-2", "wc-page-3", "wc-page-4");
    }

    @Test
    void badRequestsNameEveryProblem() {
        String bad = base64("producer.bootstrap.servers=elsewhere:9092\nsecurity.protocol=PLAINTEXT\n");
        assertThatThrownBy(() -> msk.createWorkerConfiguration(b -> b.name("wc-bad").propertiesFileContent(bad)))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("key.converter")
                .hasMessageContaining("value.converter")
                .hasMessageContaining("producer.bootstrap.servers")
                .hasMessageContaining("security.protocol");
        assertThatThrownBy(() -> msk.createWorkerConfiguration(b -> b.name("wc-no-content")))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("propertiesFileContent is required");
        assertThatThrownBy(() -> msk.listWorkerConfigurations(b -> b.maxResults(500)))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("maxResults");
        assertThatThrownBy(() -> msk.describeWorkerConfiguration(b -> b.workerConfigurationArn("nonsense")))
                .isInstanceOf(BadRequestException.class);
    }

    @Test
    void aSecondCreateWithTheSameNameIsAConflict() {
        msk.createWorkerConfiguration(b -> b.name("wc-twice").propertiesFileContent(base64(PROPERTIES)));
        assertThatThrownBy(() -> msk.createWorkerConfiguration(
                b -> b.name("wc-twice").propertiesFileContent(base64(PROPERTIES))))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("wc-twice");
    }

    @Test
    void tagsCanBeListedAddedAndRemoved() {
        var created = msk.createWorkerConfiguration(b -> b.name("wc-tags")
                .propertiesFileContent(base64(PROPERTIES)).tags(Map.of("team", "data")));
        String arn = created.workerConfigurationArn();
        assertThat(msk.listTagsForResource(b -> b.resourceArn(arn)).tags()).containsExactly(Map.entry("team", "data"));

        msk.tagResource(b -> b.resourceArn(arn).tags(Map.of("env", "dev", "team", "platform")));
        assertThat(msk.listTagsForResource(b -> b.resourceArn(arn)).tags())
                .containsOnly(Map.entry("team", "platform"), Map.entry("env", "dev"));

        msk.untagResource(b -> b.resourceArn(arn).tagKeys("team"));
        assertThat(msk.listTagsForResource(b -> b.resourceArn(arn)).tags()).containsOnly(Map.entry("env", "dev"));
        assertThatThrownBy(() -> msk.listTagsForResource(b -> b.resourceArn(arn + "-gone")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void stateSurvivesANodeRestart() {
        var created = msk.createWorkerConfiguration(
                b -> b.name("wc-restart").propertiesFileContent(base64(PROPERTIES)));
        SluiceTestEnvironment.get().node().stop();
        SluiceTestEnvironment.get().node().start();

        assertThat(msk.describeWorkerConfiguration(b -> b.workerConfigurationArn(created.workerConfigurationArn()))
                .name()).isEqualTo("wc-restart");
    }
}
