package dev.sluice.connect.dynamodb;

import dev.sluice.connect.common.aws.StaticCredentials;
import dev.sluice.connect.dynamodb.mapping.KeyRef;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * A DynamoDB sink's settings, validated and frozen once by {@link DynamoDbSinkSettingsParser}.
 *
 * @param tableNameFormat {@code table.name.format}
 * @param autoCreate      {@code auto.create}
 * @param batchSize       {@code batch.size}
 * @param nullValues      {@code behavior.on.null.values}
 * @param ordering        {@code ordering.mode}
 * @param maxInFlight     {@code ordering.max.in.flight}
 * @param arraysAsSets    {@code arrays.as.sets}
 */
public record DynamoDbSinkSettings(
        Connection connection,
        Keys keys,
        String tableNameFormat,
        boolean autoCreate,
        int batchSize,
        Retry retry,
        NullValueBehavior nullValues,
        OrderingMode ordering,
        int maxInFlight,
        boolean arraysAsSets) {

    /** The table a record of {@code topic} goes to. */
    public String tableName(String topic) {
        return tableNameFormat.replace(DynamoDbSinkConfig.TOPIC_PLACEHOLDER, topic);
    }

    /**
     * How to reach DynamoDB.
     *
     * @param endpoint    {@code aws.dynamodb.endpoint}; empty for AWS
     * @param credentials static credentials; empty for the default AWS chain
     */
    public record Connection(String region, Optional<URI> endpoint, Optional<StaticCredentials> credentials) {
    }

    /** {@code aws.dynamodb.pk.hash} and {@code aws.dynamodb.pk.sort}. */
    public record Keys(KeyRef hash, Optional<KeyRef> sort) {
    }

    /**
     * Retrying within a task, before a batch goes back to the worker.
     *
     * @param maxRetries   {@code max.retries}
     * @param backoffMs    {@code retry.backoff.ms}
     * @param maxRetryTime {@code aws.dynamodb.max.retry.time.seconds}
     */
    public record Retry(int maxRetries, long backoffMs, Duration maxRetryTime) {
    }
}
