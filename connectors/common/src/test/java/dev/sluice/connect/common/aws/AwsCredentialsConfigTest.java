package dev.sluice.connect.common.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.connect.common.config.ConfigValues;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class AwsCredentialsConfigTest {

    private static final ConfigDef DEF = new ConfigDef();

    static {
        AwsCredentialsConfig.define(DEF, "AWS", 0);
    }

    @Test
    void bothKeysOrNeither() {
        assertThat(errors(Map.of())).isEmpty();
        assertThat(errors(Map.of("aws.access.key.id", "id", "aws.secret.access.key", "secret"))).isEmpty();
        assertThat(errors(Map.of("aws.access.key.id", "id")))
                .containsExactly("aws.secret.access.key: Set aws.secret.access.key together with aws.access.key.id, "
                        + "or neither to use the default AWS credentials chain");
        assertThat(errors(Map.of("aws.secret.access.key", "secret")))
                .containsExactly("aws.access.key.id: Set aws.access.key.id together with aws.secret.access.key, "
                        + "or neither to use the default AWS credentials chain");
    }

    @Test
    void staticCredentialsOnlyWhenSet() {
        var credentials = AwsCredentialsConfig.parse(new AbstractConfig(DEF,
                Map.of("aws.access.key.id", "id", "aws.secret.access.key", "secret"), false));

        assertThat(credentials).hasValueSatisfying(c -> {
            assertThat(c.accessKeyId().value()).isEqualTo("id");
            assertThat(c.secretAccessKey().value()).isEqualTo("secret");
        });
        assertThat(StaticCredentials.provider(credentials)).isInstanceOf(StaticCredentialsProvider.class);
        assertThat(AwsCredentialsConfig.parse(new AbstractConfig(DEF, Map.of(), false))).isEmpty();
    }

    @Test
    void noStaticCredentialsMeansTheDefaultChain() {
        assertThat(StaticCredentials.provider(java.util.Optional.empty()))
                .isInstanceOf(DefaultCredentialsProvider.class);
    }

    @Test
    void keysAreDefinedInTheGivenGroupInOrder() {
        var def = new ConfigDef();
        assertThat(AwsCredentialsConfig.define(def, "S3", 4)).isEqualTo(6);
        assertThat(def.configKeys().get("aws.access.key.id").orderInGroup).isEqualTo(5);
        assertThat(def.configKeys().get("aws.secret.access.key").group).isEqualTo("S3");
    }

    private static List<String> errors(Map<String, String> props) {
        List<ConfigValue> values = DEF.validate(props);
        AwsCredentialsConfig.validate(new ConfigValues(values));
        return values.stream().flatMap(v -> v.errorMessages().stream().map(m -> v.name() + ": " + m)).toList();
    }
}
