package dev.sluice.connect.cdc.iam;

import dev.sluice.connect.common.aws.AwsCredentialsConfig;
import java.util.Optional;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * The config fragment of RDS IAM database authentication, the same for both engines: {@value #IAM_AUTH},
 * {@value #IAM_REGION} and the AWS credentials that sign the tokens.
 */
public final class IamConfig {

    public static final String IAM_AUTH = "sluice.iam.auth";
    public static final String IAM_REGION = "sluice.iam.region";

    private IamConfig() {
    }

    /**
     * Defines the keys in their own group.
     *
     * @param group      the group's name
     * @param userAdvice what the database user needs to sign in with tokens on this engine
     */
    public static void define(ConfigDef def, String group, String userAdvice) {
        def.define(IAM_AUTH, Type.BOOLEAN, false, Importance.MEDIUM,
                "Sluice's: sign in with an RDS IAM authentication token instead of a password. A fresh token "
                        + "(from the AWS SDK's `RdsUtilities`, valid 15 minutes) is made for every connection and "
                        + "reconnection. " + userAdvice + "; the credentials need `rds-db:connect` on it, and the "
                        + "instance IAM database authentication enabled. RDS takes tokens over TLS only.",
                group, 1, Width.SHORT, "IAM authentication");
        def.define(IAM_REGION, Type.STRING, "", Importance.LOW,
                "Sluice's: the region the tokens are signed for. Empty: the region in the endpoint's name "
                        + "(`<instance>.<id>.<region>.rds.amazonaws.com`), else the default AWS region chain.",
                group, 2, Width.SHORT, "IAM region");
        AwsCredentialsConfig.define(def, group, 2);
    }

    /**
     * What the tokens of a config with {@value #IAM_AUTH} set are made for; empty when it is not set.
     *
     * @throws ConfigException naming the key to change
     */
    public static Optional<IamAuth> parse(AbstractConfig config, String host, int port, String user) {
        if (!config.getBoolean(IAM_AUTH)) {
            return Optional.empty();
        }
        String region = config.getString(IAM_REGION);
        Region resolved;
        if (!region.isBlank()) {
            resolved = Region.of(region);
        } else {
            resolved = IamAuth.regionOf(host).orElseGet(() -> {
                try {
                    return DefaultAwsRegionProviderChain.builder().build().getRegion();
                } catch (SdkClientException e) {
                    throw new ConfigException(IAM_REGION, "", "The endpoint " + host + " does not name its region "
                            + "and no default AWS region is set: set " + IAM_REGION + " to the instance's region");
                }
            });
        }
        boolean hasId = !config.getPassword(AwsCredentialsConfig.AWS_ACCESS_KEY_ID).value().isBlank();
        boolean hasSecret = !config.getPassword(AwsCredentialsConfig.AWS_SECRET_ACCESS_KEY).value().isBlank();
        if (hasId != hasSecret) {
            String missing = hasId ? AwsCredentialsConfig.AWS_SECRET_ACCESS_KEY : AwsCredentialsConfig.AWS_ACCESS_KEY_ID;
            throw new ConfigException(missing + ": set it together with "
                    + (hasId ? AwsCredentialsConfig.AWS_ACCESS_KEY_ID : AwsCredentialsConfig.AWS_SECRET_ACCESS_KEY)
                    + ", or neither to sign IAM tokens with the default AWS credentials chain");
        }
        return Optional.of(new IamAuth(host, port, user, resolved, AwsCredentialsConfig.parse(config)));
    }

    /**
     * What validation says when the database refused a token.
     *
     * @param grant how this engine's user is given IAM authentication
     */
    public static String refusedAdvice(String user, String grant, IamAuth auth) {
        return "The database refused the IAM token of user '" + user + "': check that the instance has IAM database "
                + "authentication enabled, that the user has it (" + grant + "), and that the AWS credentials "
                + "(aws.access.key.id and aws.secret.access.key, or the default AWS chain) may rds-db:connect as "
                + user + " in " + auth.region().id() + ".";
    }
}
