package dev.sluice.connect.lambda;

import dev.sluice.connect.common.aws.StaticCredentials;
import java.time.Duration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.LambdaClientBuilder;

/** Builds the Lambda client that a connector's settings describe. */
final class LambdaClients {

    private LambdaClients() {
    }

    /** @param connections how many calls may be under way at once: the task's invocations, and one to spare */
    static LambdaClient create(LambdaTriggerSettings.Connection settings, int connections) {
        Duration timeout = settings.invocationTimeout();
        LambdaClientBuilder builder = LambdaClient.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(StaticCredentials.provider(settings.credentials()))
                // A synchronous invoke answers only when the function returns: the socket waits as long as a call may.
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(connections + 1).socketTimeout(timeout)
                        .connectionTimeout(Duration.ofSeconds(10)))
                // The batch processor retries with the event source mapping's rules; SDK retries underneath would
                // multiply the waits and hide throttling from them.
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallAttemptTimeout(timeout).apiCallTimeout(timeout));
        settings.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** Where the function is, for messages. */
    static String location(LambdaTriggerSettings.Connection settings) {
        return "region " + settings.region() + settings.endpoint().map(e -> " at " + e).orElse("");
    }
}
