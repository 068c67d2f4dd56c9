package dev.sluice.connect.cdc.iam;

import dev.sluice.connect.common.aws.StaticCredentials;
import software.amazon.awssdk.services.rds.RdsUtilities;

/**
 * RDS IAM authentication tokens from the AWS SDK v2's {@link RdsUtilities}: a SigV4-presigned {@code connect}
 * request for the database user, valid for 15 minutes, that RDS takes as the password. A new token is made for
 * every connection, so a reconnect never presents an expired one. Making one needs no network: it is a signature.
 */
public final class RdsIamTokens {

    private final IamAuth auth;
    private final RdsUtilities utilities;

    public RdsIamTokens(IamAuth auth) {
        this.auth = auth;
        this.utilities = RdsUtilities.builder()
                .region(auth.region())
                .credentialsProvider(StaticCredentials.provider(auth.credentials()))
                .build();
    }

    /** A fresh token for the database user. */
    public String token() {
        return utilities.generateAuthenticationToken(request -> request
                .hostname(auth.host())
                .port(auth.port())
                .username(auth.user()));
    }

    /** What to say when a token could not be made. */
    static String failure(RuntimeException e) {
        return "Could not make an RDS IAM authentication token: " + e.getMessage() + ". Check the AWS credentials "
                + "(aws.access.key.id and aws.secret.access.key, or the default AWS chain) and sluice.iam.region";
    }
}
