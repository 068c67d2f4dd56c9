package dev.sluice.connect.common.aws;

import dev.sluice.connect.common.config.ConfigValues;
import java.util.Optional;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.types.Password;

/**
 * The config fragment of every AWS connector's static credentials: {@code aws.access.key.id} and
 * {@code aws.secret.access.key}, both or neither; neither means the default AWS credentials chain.
 */
public final class AwsCredentialsConfig {

    public static final String AWS_ACCESS_KEY_ID = "aws.access.key.id";
    public static final String AWS_SECRET_ACCESS_KEY = "aws.secret.access.key";

    /** What to do when the SDK finds no credentials at all. */
    public static final String NO_CREDENTIALS_ADVICE = "no AWS credentials found; set " + AWS_ACCESS_KEY_ID + " and "
            + AWS_SECRET_ACCESS_KEY + ", or provide credentials to the default AWS chain (environment, profile, "
            + "instance role)";

    private AwsCredentialsConfig() {
    }

    /**
     * Defines both keys in a connector's group, after the keys it has defined there so far.
     *
     * @param order the order in the group of the key before them
     * @return the order in the group of the last key defined
     */
    public static int define(ConfigDef def, String group, int order) {
        def.define(AWS_ACCESS_KEY_ID, Type.PASSWORD, "", Importance.MEDIUM,
                "The access key ID of static credentials. Empty: credentials come from the default AWS chain "
                + "(environment, system properties, profile, container or instance role). Never logged.",
                group, ++order, Width.MEDIUM, "AWS access key ID");
        def.define(AWS_SECRET_ACCESS_KEY, Type.PASSWORD, "", Importance.MEDIUM,
                "The secret access key of static credentials; set together with " + AWS_ACCESS_KEY_ID
                + ". Never logged.", group, ++order, Width.MEDIUM, "AWS secret access key");
        return order;
    }

    /** The cross-field check: one key without the other is an error on the missing one. */
    public static void validate(ConfigValues values) {
        Password keyId = values.valid(AWS_ACCESS_KEY_ID);
        Password secret = values.valid(AWS_SECRET_ACCESS_KEY);
        if (keyId == null || secret == null) {
            return;
        }
        boolean hasId = keyId.value() != null && !keyId.value().isBlank();
        boolean hasSecret = secret.value() != null && !secret.value().isBlank();
        if (hasId && !hasSecret) {
            values.error(AWS_SECRET_ACCESS_KEY, "Set " + AWS_SECRET_ACCESS_KEY + " together with " + AWS_ACCESS_KEY_ID
                    + ", or neither to use the default AWS credentials chain");
        } else if (hasSecret && !hasId) {
            values.error(AWS_ACCESS_KEY_ID, "Set " + AWS_ACCESS_KEY_ID + " together with " + AWS_SECRET_ACCESS_KEY
                    + ", or neither to use the default AWS credentials chain");
        }
    }

    /** The static credentials of a validated config; empty for the default AWS chain. */
    public static Optional<StaticCredentials> parse(AbstractConfig config) {
        String keyId = config.getPassword(AWS_ACCESS_KEY_ID).value();
        return keyId == null || keyId.isBlank()
                ? Optional.empty()
                : Optional.of(new StaticCredentials(config.getPassword(AWS_ACCESS_KEY_ID),
                        config.getPassword(AWS_SECRET_ACCESS_KEY)));
    }

    /**
     * What to do about a request that AWS refused as not allowed.
     *
     * @param permissions what the credentials must be allowed, such as {@code "write to the bucket"}
     */
    public static String accessDeniedAdvice(String permissions) {
        return "access denied; check " + AWS_ACCESS_KEY_ID + " and " + AWS_SECRET_ACCESS_KEY + " (or the credentials "
                + "of the default AWS chain) and that they may " + permissions;
    }
}
