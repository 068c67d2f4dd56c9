package dev.sluice.connect.dynamodb;

import dev.sluice.connect.common.aws.StaticCredentials;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/** Builds the DynamoDB client that a connector's settings describe. */
final class DynamoDbClients {

    private DynamoDbClients() {
    }

    static DynamoDbClient create(DynamoDbSinkSettings.Connection settings) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(StaticCredentials.provider(settings.credentials()))
                .httpClientBuilder(ApacheHttpClient.builder())
                // The writers retry with max.retries, retry.backoff.ms and the max retry time, and unprocessed items
                // need that anyway; SDK retries underneath would multiply the waits.
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
        settings.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** Where the tables are, for messages. */
    static String location(DynamoDbSinkSettings.Connection settings) {
        return "region " + settings.region() + settings.endpoint().map(e -> " at " + e).orElse("");
    }
}
