package dev.sluice.connect.configprovider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.secretsmanager.LocalSecretsManager;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.common.config.ConfigData;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigTransformer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** The provider against the real local Secrets Manager, through Kafka's own {@link ConfigTransformer}. */
class SecretsManagerConfigProviderTest {

    private static final String CREDENTIALS =
            "{\"username\":\"cdc\",\"password\":\"s3cr3t:with}braces\",\"port\":5432}";

    private static LocalSecretsManager server;
    private static SecretsManagerClient admin;
    private static SecretsManagerConfigProvider provider;

    @BeforeAll
    static void start() {
        server = new LocalSecretsManager(0, null, "us-east-1", "000000000000");
        server.start();
        admin = SecretsManagerClient.builder().endpointOverride(URI.create(server.endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("id", "secret")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        provider = provider(Map.of());
    }

    @AfterAll
    static void stop() {
        provider.close();
        admin.close();
        server.close();
    }

    private static SecretsManagerConfigProvider provider(Map<String, String> more) {
        Map<String, String> params = new HashMap<>(Map.of("region", "us-east-1", "endpoint", server.endpoint(),
                "aws.access.key.id", "id", "aws.secret.access.key", "secret"));
        params.putAll(more);
        var created = new SecretsManagerConfigProvider();
        created.configure(params);
        return created;
    }

    private static String secret(String value) {
        String name = "db/" + UUID.randomUUID().toString().substring(0, 8);
        admin.createSecret(r -> r.name(name).secretString(value));
        return name;
    }

    private static Map<String, String> transform(Map<String, String> config) {
        return new ConfigTransformer(Map.of("secretsmanager", provider)).transform(config).data();
    }

    @Test
    void resolvesKeysOfAJsonSecretAndWholeSecrets() {
        String credentials = secret(CREDENTIALS);
        String token = secret("tok-123");

        Map<String, String> resolved = transform(Map.of(
                "database.user", "${secretsmanager:" + credentials + ":username}",
                "database.password", "${secretsmanager:" + credentials + ":password}",
                "database.port", "${secretsmanager:" + credentials + ":port}",
                "api.token", "${secretsmanager:" + token + "}",
                "topic.prefix", "plain"));

        assertThat(resolved).containsEntry("database.user", "cdc")
                .containsEntry("database.password", "s3cr3t:with}braces")
                .containsEntry("database.port", "5432")
                .containsEntry("api.token", "tok-123")
                .containsEntry("topic.prefix", "plain");
    }

    @Test
    void readsTheCurrentValueEachTime() {
        String name = secret("{\"password\":\"first\"}");
        assertThat(transform(Map.of("p", "${secretsmanager:" + name + ":password}"))).containsEntry("p", "first");

        admin.putSecretValue(r -> r.secretId(name).secretString("{\"password\":\"rotated\"}"));

        assertThat(transform(Map.of("p", "${secretsmanager:" + name + ":password}"))).containsEntry("p", "rotated");
    }

    @Test
    void takesAnArnUrlEncoded() {
        String name = secret(CREDENTIALS);
        String arn = admin.describeSecret(r -> r.secretId(name)).arn();
        String encoded = URLEncoder.encode(arn, StandardCharsets.UTF_8);

        assertThat(transform(Map.of("p", "${secretsmanager:" + encoded + ":password}")))
                .containsEntry("p", "s3cr3t:with}braces");
    }

    @Test
    void aMissingSecretOrKeyIsNamedAndNoValueIsShown() {
        String name = secret(CREDENTIALS);

        assertThatThrownBy(() -> transform(Map.of("p", "${secretsmanager:no/such/secret:password}")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("has no secret 'no/such/secret'")
                .hasMessageContaining(server.endpoint());
        assertThatThrownBy(() -> transform(Map.of("p", "${secretsmanager:" + name + ":pasword}")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("has no key 'pasword'")
                .hasMessageContaining("[username, password, port]")
                .hasMessageNotContaining("s3cr3t");
        String plain = secret("not json s3cr3t");
        assertThatThrownBy(() -> transform(Map.of("p", "${secretsmanager:" + plain + ":password}")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("is not a JSON object")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void aDeletedSecretSaysSo() {
        String name = secret(CREDENTIALS);
        admin.deleteSecret(r -> r.secretId(name).recoveryWindowInDays(7L));

        assertThatThrownBy(() -> transform(Map.of("p", "${secretsmanager:" + name + ":password}")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("InvalidRequestException")
                .hasMessageContaining("marked for deletion");
    }

    @Test
    void aTtlMakesConnectReadTheSecretAgain() {
        String name = secret(CREDENTIALS);
        var withTtl = provider(Map.of("ttl.ms", "60000"));
        try {
            ConfigData data = withTtl.get(name, Set.of("password"));
            assertThat(data.ttl()).isEqualTo(60_000L);
            assertThat(provider.get(name, Set.of("password")).ttl()).isNull();
        } finally {
            withTtl.close();
        }
    }

    @Test
    void badParametersAreRefusedByName() {
        var created = new SecretsManagerConfigProvider();
        assertThatThrownBy(() -> created.configure(Map.of("endpoint", "localhost:4584")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("endpoint");
        assertThatThrownBy(() -> created.configure(Map.of("aws.access.key.id", "id")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("together");
    }

    @Test
    void decodesOnlyPercentEscapes() {
        assertThat(SecretIds.decode("arn%3Aaws%3Asecretsmanager")).isEqualTo("arn:aws:secretsmanager");
        assertThat(SecretIds.decode("team+a/db")).isEqualTo("team+a/db");
        assertThatThrownBy(() -> SecretIds.decode("bad%zz")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("%3A");
    }
}
