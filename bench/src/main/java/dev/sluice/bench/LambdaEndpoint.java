package dev.sluice.bench;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** The local Lambda host as the {@code lambda-trigger} benchmark reaches it: endpoint, region, static credentials. */
public record LambdaEndpoint(String endpoint, String region, String accessKey, String secretKey) {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    /**
     * A new client built as the connector builds each task's ({@code LambdaClients}): the Apache HTTP client with
     * {@code connections} connections, no SDK retries; the caller closes it.
     */
    public LambdaClient client(int connections) {
        return LambdaClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey,
                        secretKey)))
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(connections).socketTimeout(TIMEOUT))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallAttemptTimeout(TIMEOUT).apiCallTimeout(TIMEOUT))
                .build();
    }
}
