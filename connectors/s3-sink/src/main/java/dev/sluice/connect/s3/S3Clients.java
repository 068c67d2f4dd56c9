package dev.sluice.connect.s3;

import dev.sluice.connect.common.aws.StaticCredentials;
import java.time.Duration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Builds the S3 client that a connector's settings describe. */
final class S3Clients {

    /** The SDK's own back-off stops growing here; longer waits are the worker's redeliveries. */
    private static final Duration MAX_SDK_BACKOFF = Duration.ofSeconds(20);

    private S3Clients() {
    }

    static S3Client create(S3SinkSettings.S3Connection settings) {
        Duration backoff = Duration.ofMillis(Math.max(1, settings.retryBackoffMs()));
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(StaticCredentials.provider(settings.credentials()))
                .forcePathStyle(settings.pathStyleAccess())
                .httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(settings.partRetries() + 1)
                        .backoffStrategy(BackoffStrategy.exponentialDelay(backoff, MAX_SDK_BACKOFF))
                        .build()));
        settings.endpoint().ifPresent(endpoint -> builder.endpointOverride(endpoint)
                // Many S3-compatible stores reject the trailing checksums that AWS S3 accepts by default.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED));
        return builder.build();
    }
}
