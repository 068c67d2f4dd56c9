package dev.sluice.connect.lambda;

import dev.sluice.connect.common.aws.StaticCredentials;
import dev.sluice.connect.lambda.filter.FilterCriteria;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A Lambda trigger's settings, validated and frozen once by {@link LambdaTriggerSettingsParser}.
 *
 * @param name        the connector's name, for thread names and the destination producer's client ID
 * @param destination the on-failure destination; empty when records given up on fail the task
 * @param filter      {@code aws.lambda.filter.criteria}
 */
public record LambdaTriggerSettings(
        String name,
        Connection connection,
        Function function,
        EventSource eventSource,
        Batching batching,
        Errors errors,
        Optional<Destination> destination,
        FilterCriteria filter) {

    /**
     * How to reach Lambda.
     *
     * @param endpoint          {@code aws.lambda.endpoint}; empty for AWS
     * @param credentials       static credentials; empty for the default AWS chain
     * @param invocationTimeout {@code aws.lambda.invocation.timeout.ms}
     */
    public record Connection(String region, Optional<URI> endpoint, Optional<StaticCredentials> credentials,
            Duration invocationTimeout) {
    }

    /**
     * The function to invoke, and how.
     *
     * @param name      the name or ARN to send as Invoke's FunctionName, with its qualifier if it has one
     * @param qualifier {@code aws.lambda.qualifier}, when the name has none
     */
    public record Function(String name, Optional<String> qualifier, InvocationType invocationType) {

        /** The function as messages and failure records name it. */
        public String describe() {
            return name + qualifier.map(q -> ":" + q).orElse("");
        }
    }

    /**
     * What the event says of its source.
     *
     * @param eventSourceArn   {@code aws.lambda.event.source.arn}: an MSK cluster, for {@code aws:kafka} events
     * @param bootstrapServers {@code aws.lambda.bootstrap.servers}
     */
    public record EventSource(Optional<String> eventSourceArn, Optional<String> bootstrapServers) {
    }

    /**
     * @param batchSize       {@code aws.lambda.batch.size}
     * @param window          {@code aws.lambda.maximum.batching.window.ms}
     * @param concurrency     {@code aws.lambda.max.concurrent.invocations}
     * @param partitionBuffer {@code aws.lambda.partition.buffer.max.bytes}
     */
    public record Batching(int batchSize, Duration window, int concurrency, long partitionBuffer) {
    }

    /**
     * @param maxRetryAttempts        the retries a function error gets: {@code aws.lambda.maximum.retry.attempts},
     *                                or 10 when that is -1 and there is an on-failure destination; -1 for no limit
     * @param maxRecordAge            {@code aws.lambda.maximum.record.age.seconds}; empty for none
     * @param bisect                  {@code aws.lambda.bisect.batch.on.function.error}
     * @param reportBatchItemFailures {@code aws.lambda.function.response.types} has ReportBatchItemFailures
     * @param backoffMs               {@code retry.backoff.ms}
     * @param backoffMaxMs            {@code retry.backoff.max.ms}
     */
    public record Errors(int maxRetryAttempts, Optional<Duration> maxRecordAge, boolean bisect,
            boolean reportBatchItemFailures, long backoffMs, long backoffMaxMs) {
    }

    /**
     * A Kafka topic that records given up on are written to.
     *
     * @param producer the producer's settings: bootstrap servers and {@code aws.lambda.destination.producer.*}
     */
    public record Destination(String topic, Map<String, Object> producer) {
    }
}
