package dev.sluice.secretsmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.Filter;
import software.amazon.awssdk.services.secretsmanager.model.FilterNameStringType;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/** AWS's own client against the stand-in: what a user's {@code aws secretsmanager} calls would see. */
class LocalSecretsManagerTest {

    @TempDir
    static Path dataDir;
    private static LocalSecretsManager server;
    private static SecretsManagerClient client;

    @BeforeAll
    static void start() {
        server = new LocalSecretsManager(0, dataDir, "eu-west-1", "123456789012");
        server.start();
        client = client(server.endpoint());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    static SecretsManagerClient client(String endpoint) {
        return SecretsManagerClient.builder().endpointOverride(URI.create(endpoint)).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("id", "secret")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aSecretIsReadByNameArnOrArnWithoutItsSuffix() {
        String name = unique("prod/db");
        CreateSecretResponse created = client.createSecret(r -> r.name(name)
                .secretString("{\"username\":\"app\",\"password\":\"p4ss\"}"));

        assertThat(created.arn()).matches("arn:aws:secretsmanager:eu-west-1:123456789012:secret:"
                + name.replace("/", "\\/") + "-[A-Za-z0-9]{6}");
        assertThat(created.versionId()).isNotBlank();
        String partialArn = created.arn().substring(0, created.arn().length() - 7);
        for (String id : List.of(name, created.arn(), partialArn)) {
            var value = client.getSecretValue(r -> r.secretId(id));
            assertThat(value.secretString()).isEqualTo("{\"username\":\"app\",\"password\":\"p4ss\"}");
            assertThat(value.name()).isEqualTo(name);
            assertThat(value.versionId()).isEqualTo(created.versionId());
            assertThat(value.versionStages()).containsExactly("AWSCURRENT");
            assertThat(value.createdDate()).isNotNull();
        }
    }

    @Test
    void aNewValueBecomesCurrentAndTheOldOnePrevious() {
        String name = unique("rotated");
        var first = client.createSecret(r -> r.name(name).secretString("one"));
        var second = client.putSecretValue(r -> r.secretId(name).secretString("two"));
        var third = client.updateSecret(r -> r.secretId(name).secretString("three").description("rotated thrice"));

        assertThat(second.versionStages()).containsExactly("AWSCURRENT");
        assertThat(client.getSecretValue(r -> r.secretId(name)).secretString()).isEqualTo("three");
        assertThat(client.getSecretValue(r -> r.secretId(name).versionStage("AWSPREVIOUS")).secretString())
                .isEqualTo("two");
        assertThat(client.getSecretValue(r -> r.secretId(name).versionId(first.versionId())).secretString())
                .isEqualTo("one");
        DescribeSecretResponse described = client.describeSecret(r -> r.secretId(name));
        assertThat(described.description()).isEqualTo("rotated thrice");
        assertThat(described.versionIdsToStages()).containsOnlyKeys(second.versionId(), third.versionId());
        assertThat(described.versionIdsToStages().get(third.versionId())).containsExactly("AWSCURRENT");
        assertThat(described.versionIdsToStages().get(second.versionId())).containsExactly("AWSPREVIOUS");
    }

    @Test
    void aRetriedRequestCreatesNothingTwiceAndAVersionCannotChange() {
        String name = unique("idempotent");
        String token = UUID.randomUUID().toString();
        var created = client.createSecret(r -> r.name(name).secretString("v1").clientRequestToken(token));
        var again = client.createSecret(r -> r.name(name).secretString("v1").clientRequestToken(token));
        assertThat(again.versionId()).isEqualTo(created.versionId()).isEqualTo(token);
        assertThatThrownBy(() -> client.createSecret(r -> r.name(name).secretString("v1")))
                .isInstanceOf(ResourceExistsException.class).hasMessageContaining("already exists");

        String putToken = UUID.randomUUID().toString();
        client.putSecretValue(r -> r.secretId(name).secretString("v2").clientRequestToken(putToken));
        client.putSecretValue(r -> r.secretId(name).secretString("v2").clientRequestToken(putToken));
        assertThat(client.describeSecret(r -> r.secretId(name)).versionIdsToStages()).hasSize(2);
        assertThatThrownBy(() -> client.putSecretValue(r -> r.secretId(name).secretString("other")
                .clientRequestToken(putToken)))
                .isInstanceOf(ResourceExistsException.class).hasMessageContaining("already in use for a version");
    }

    @Test
    void aDeletedSecretCannotBeReadUntilRestored() {
        String name = unique("deleted");
        client.createSecret(r -> r.name(name).secretString("gone soon"));

        var deleted = client.deleteSecret(r -> r.secretId(name).recoveryWindowInDays(7L));

        assertThat(deleted.deletionDate()).isAfter(java.time.Instant.now().plus(java.time.Duration.ofDays(6)));
        assertThatThrownBy(() -> client.getSecretValue(r -> r.secretId(name)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("marked for deletion");
        assertThatThrownBy(() -> client.createSecret(r -> r.name(name).secretString("x")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("scheduled for deletion");
        assertThat(client.describeSecret(r -> r.secretId(name)).deletedDate()).isNotNull();
        assertThat(names(client.listSecrets(r -> r.filters(nameFilter(name))).secretList())).isEmpty();
        assertThat(names(client.listSecrets(r -> r.filters(nameFilter(name)).includePlannedDeletion(true))
                .secretList())).containsExactly(name);

        client.restoreSecret(r -> r.secretId(name));
        assertThat(client.getSecretValue(r -> r.secretId(name)).secretString()).isEqualTo("gone soon");

        assertThatThrownBy(() -> client.deleteSecret(r -> r.secretId(name).forceDeleteWithoutRecovery(true)
                .recoveryWindowInDays(7L))).isInstanceOf(InvalidParameterException.class);
        client.deleteSecret(r -> r.secretId(name).forceDeleteWithoutRecovery(true));
        assertThatThrownBy(() -> client.getSecretValue(r -> r.secretId(name)))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("can't find the specified secret");
        client.createSecret(r -> r.name(name).secretString("back"));
        assertThat(client.getSecretValue(r -> r.secretId(name)).secretString()).isEqualTo("back");
    }

    @Test
    void aForcedDeletionOfAMissingSecretSucceedsAndAnOrdinaryOneDoesNot() {
        String name = unique("never-created");

        var deleted = client.deleteSecret(r -> r.secretId(name).forceDeleteWithoutRecovery(true));

        assertThat(deleted.name()).isEqualTo(name);
        assertThat(deleted.arn()).startsWith("arn:aws:secretsmanager:").contains(":secret:" + name + "-");
        assertThat(deleted.deletionDate()).isNotNull();
        assertThatThrownBy(() -> client.deleteSecret(r -> r.secretId(name).recoveryWindowInDays(7L)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(names(client.listSecrets(r -> r.filters(nameFilter(name)).includePlannedDeletion(true))
                .secretList())).isEmpty();
    }

    @Test
    void listsPageAndFilterByNameAndTag() {
        String prefix = unique("listed");
        for (int i = 0; i < 5; i++) {
            String tag = i % 2 == 0 ? "even" : "odd";
            String name = prefix + "/" + i;
            client.createSecret(r -> r.name(name).secretString("x").tags(Tag.builder().key("parity").value(tag)
                    .build()));
        }

        List<String> all = client.listSecretsPaginator(r -> r.maxResults(2).filters(nameFilter(prefix))).stream()
                .flatMap(page -> page.secretList().stream()).map(SecretListEntry::name).toList();
        assertThat(all).containsExactly(prefix + "/0", prefix + "/1", prefix + "/2", prefix + "/3", prefix + "/4");
        var even = client.listSecrets(r -> r.filters(nameFilter(prefix),
                Filter.builder().key(FilterNameStringType.TAG_VALUE).values("even").build())).secretList();
        assertThat(names(even)).containsExactly(prefix + "/0", prefix + "/2", prefix + "/4");
        assertThat(even.get(0).secretVersionsToStages()).hasSize(1);
    }

    @Test
    void binarySecretsComeBackByteForByte() {
        String name = unique("binary");
        byte[] bytes = {0, 1, (byte) 0xff, 42};
        client.createSecret(r -> r.name(name).secretBinary(SdkBytes.fromByteArray(bytes)));

        var value = client.getSecretValue(r -> r.secretId(name));
        assertThat(value.secretBinary().asByteArray()).containsExactly(bytes);
        assertThat(value.secretString()).isNull();
        assertThatThrownBy(() -> client.createSecret(r -> r.name(unique("both")).secretString("s")
                .secretBinary(SdkBytes.fromByteArray(bytes)))).isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void secretsOutliveARestart() {
        String name = unique("kept");
        client.createSecret(r -> r.name(name).secretString("still here"));
        server.close();
        server = new LocalSecretsManager(0, dataDir, "eu-west-1", "123456789012");
        server.start();
        client.close();
        client = client(server.endpoint());

        assertThat(client.getSecretValue(r -> r.secretId(name)).secretString()).isEqualTo("still here");
    }

    @Test
    void aMissingMemberIsAValidationError() {
        assertThatThrownBy(() -> client.getSecretValue(r -> { }))
                .hasMessageContaining("secretId").hasMessageContaining("must not be null");
    }

    private static Filter nameFilter(String prefix) {
        return Filter.builder().key(FilterNameStringType.NAME).values(prefix).build();
    }

    private static List<String> names(List<SecretListEntry> entries) {
        return entries.stream().map(SecretListEntry::name).toList();
    }
}
