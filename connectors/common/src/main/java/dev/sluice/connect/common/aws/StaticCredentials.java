package dev.sluice.connect.common.aws;

import java.util.Optional;
import org.apache.kafka.common.config.types.Password;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * {@code aws.access.key.id} and {@code aws.secret.access.key}; {@link Password} keeps them out of logs.
 * See {@link AwsCredentialsConfig}.
 */
public record StaticCredentials(Password accessKeyId, Password secretAccessKey) {

    /** The SDK's provider for these credentials, or for the default AWS chain when there are none. */
    public static AwsCredentialsProvider provider(Optional<StaticCredentials> credentials) {
        return credentials
                .<AwsCredentialsProvider>map(c -> StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        c.accessKeyId().value(), c.secretAccessKey().value())))
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
    }
}
