package dev.sluice.connect.configprovider;

import dev.sluice.connect.common.aws.AwsCredentialsConfig;
import dev.sluice.connect.common.aws.Endpoints;
import dev.sluice.connect.common.aws.StaticCredentials;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * The parameters of {@link SecretsManagerConfigProvider}, given in a worker's properties as
 * {@code config.providers.secretsmanager.param.<name>}, parsed once.
 *
 * @param region      the secrets' region; empty for the default AWS region chain (AWS_REGION, profile)
 * @param endpoint    Secrets Manager's endpoint; empty for AWS's own in the region
 * @param credentials static credentials; empty for the default AWS credentials chain
 * @param ttlMs       how long a resolved value stands before Kafka Connect restarts the connector to read it again
 *                    (as after a rotation); empty for never
 */
record SecretsManagerProviderSettings(Optional<String> region, Optional<URI> endpoint,
                                      Optional<StaticCredentials> credentials, OptionalLong ttlMs) {

    static final String REGION = "region";
    static final String ENDPOINT = "endpoint";
    static final String TTL_MS = "ttl.ms";

    static final ConfigDef CONFIG_DEF = configDef();

    private static ConfigDef configDef() {
        var def = new ConfigDef()
                .define(REGION, Type.STRING, "", Importance.HIGH, "The region of the secrets. Empty: the default AWS "
                        + "region chain (AWS_REGION, the profile).")
                .define(ENDPOINT, Type.STRING, "", Endpoints.validator("http://127.0.0.1:4584"), Importance.LOW,
                        "Secrets Manager's endpoint, for a VPC endpoint or a local stand-in. Empty: AWS's own.")
                .define(TTL_MS, Type.LONG, -1L, Range.atLeast(-1), Importance.LOW, "How long a resolved value stands, "
                        + "in milliseconds: after it, Kafka Connect restarts the connector, which reads the secret "
                        + "again (as after a rotation). -1: never.");
        AwsCredentialsConfig.define(def, null, 0);
        return def;
    }

    /** @throws org.apache.kafka.common.config.ConfigException naming the parameter that is wrong */
    static SecretsManagerProviderSettings parse(Map<String, ?> params) {
        var config = new AbstractConfig(CONFIG_DEF, params, false);
        String region = config.getString(REGION).trim();
        long ttl = config.getLong(TTL_MS);
        boolean keyId = !config.getPassword(AwsCredentialsConfig.AWS_ACCESS_KEY_ID).value().isBlank();
        boolean secret = !config.getPassword(AwsCredentialsConfig.AWS_SECRET_ACCESS_KEY).value().isBlank();
        if (keyId != secret) {
            throw new ConfigException("Set the secretsmanager config provider's "
                    + AwsCredentialsConfig.AWS_ACCESS_KEY_ID + " and " + AwsCredentialsConfig.AWS_SECRET_ACCESS_KEY
                    + " parameters together, or neither to use the default AWS credentials chain");
        }
        return new SecretsManagerProviderSettings(region.isEmpty() ? Optional.empty() : Optional.of(region),
                Endpoints.parse(config.getString(ENDPOINT)), AwsCredentialsConfig.parse(config),
                ttl < 0 ? OptionalLong.empty() : OptionalLong.of(ttl));
    }

    /** Where the secrets are, for messages: {@code region us-east-1 at http://...}. */
    String location() {
        return "region " + region.orElse("(the default AWS region)") + endpoint.map(e -> " at " + e).orElse("");
    }
}
