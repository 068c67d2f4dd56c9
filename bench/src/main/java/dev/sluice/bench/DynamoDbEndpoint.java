package dev.sluice.bench;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * The DynamoDB stand-in as the {@code dynamodb-sink} benchmark reaches it: its endpoint, the region it signs for and
 * static credentials.
 */
public record DynamoDbEndpoint(String endpoint, String region, String accessKey, String secretKey) {

    /**
     * A new client built as the DynamoDB sink builds each task's ({@code DynamoDbClients}): the Apache HTTP client
     * with its defaults, static credentials, the endpoint override, and no SDK retries (the connector retries
     * itself); the caller closes it.
     */
    public DynamoDbClient client() {
        return builder().overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    /**
     * A new client with the SDK's default retries, for the benchmark's own calls (tables, counts), which outlive a
     * restart of the stand-in and must get past the connections it closed; the caller closes it.
     */
    public DynamoDbClient retryingClient() {
        return builder().build();
    }

    private DynamoDbClientBuilder builder() {
        return DynamoDbClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey,
                        secretKey)))
                .httpClientBuilder(ApacheHttpClient.builder());
    }
}
