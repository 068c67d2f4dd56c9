package dev.sluice.connect.dynamodb.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.connect.common.testing.MutableClock;
import dev.sluice.connect.dynamodb.FakeDynamoDb;
import dev.sluice.connect.dynamodb.RecordingSleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class BatchWriterTest {

    private final FakeDynamoDb dynamo = new FakeDynamoDb().table("orders", "id", ScalarAttributeType.S);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);

    private BatchWriter writer(int maxRetries) {
        return new BatchWriter(dynamo, 25, new Retries(maxRetries, 100, Duration.ofMinutes(5), clock, sleeper,
                new Random(1)));
    }

    static WriteOp.Put put(String id, String version, long offset) {
        Map<String, AttributeValue> key = Map.of("id", AttributeValue.fromS(id));
        return new WriteOp.Put("orders", key, Map.of("id", AttributeValue.fromS(id),
                "version", AttributeValue.fromS(version)), 0, offset);
    }

    @Test
    void writesInBatchesOfAtMost25() {
        List<WriteOp> ops = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ops.add(put("o-" + i, "v1", i));
        }

        writer(3).write(ops);

        assertThat(dynamo.batchSizes()).containsExactly(25, 25, 10);
        assertThat(dynamo.items("orders")).hasSize(60);
    }

    @Test
    void duplicateKeysInABatchCollapseToTheLastWrite() {
        writer(3).write(List.of(put("a", "v1", 0), put("b", "v1", 1), put("a", "v2", 2),
                new WriteOp.Delete("orders", Map.of("id", AttributeValue.fromS("b")), 0, 3), put("a", "v3", 4)));

        assertThat(dynamo.batchSizes()).containsExactly(2);
        assertThat(dynamo.items("orders")).containsExactly(Map.of("id", AttributeValue.fromS("a"),
                "version", AttributeValue.fromS("v3")));
    }

    @Test
    void unprocessedItemsAreRetriedWithGrowingBackOffUntilWritten() {
        dynamo.leaveUnprocessed(20, 10, 5);
        List<WriteOp> ops = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            ops.add(put("o-" + i, "v1", i));
        }

        writer(10).write(ops);

        assertThat(dynamo.batchSizes()).containsExactly(25, 20, 10, 5);
        assertThat(dynamo.items("orders")).hasSize(25);
        List<Long> sleeps = sleeper.sleeps();
        assertThat(sleeps).hasSize(3);
        assertThat(sleeps.get(0)).isBetween(50L, 100L);
        assertThat(sleeps.get(1)).isBetween(100L, 200L);
        assertThat(sleeps.get(2)).isBetween(200L, 400L);
    }

    @Test
    void throttlingServerErrorsAndTimeoutsAreRetried() {
        dynamo.failNext(1, FakeDynamoDb::throttled).failNext(1, FakeDynamoDb::throttling)
                .failNext(1, FakeDynamoDb::serverError).failNext(1, FakeDynamoDb::timeout);

        writer(10).write(List.of(put("a", "v1", 0)));

        assertThat(dynamo.items("orders")).hasSize(1);
        assertThat(sleeper.sleeps()).hasSize(4);
    }

    @Test
    void pastTheRetryBudgetTheBatchGoesBackToTheWorker() {
        dynamo.leaveUnprocessed(1, 1, 1, 1);

        assertThatThrownBy(() -> writer(2).write(List.of(put("a", "v1", 0), put("b", "v1", 1))))
                .isInstanceOf(RetriableException.class).hasMessageContaining("unprocessed after 2 retries");
        dynamo.failNext(3, FakeDynamoDb::throttled);
        assertThatThrownBy(() -> writer(2).write(List.of(put("c", "v1", 2))))
                .isInstanceOf(RetriableException.class).hasMessageContaining("will retry");
    }

    @Test
    void theRetryTimeBoundsRetriesToo() {
        var writer = new BatchWriter(dynamo, 25, new Retries(100, 1000, Duration.ofSeconds(5), clock, sleeper,
                new Random(1)));
        dynamo.failNext(100, FakeDynamoDb::throttled);

        assertThatThrownBy(() -> writer.write(List.of(put("a", "v1", 0)))).isInstanceOf(RetriableException.class);
        assertThat(sleeper.sleeps().stream().mapToLong(Long::longValue).sum()).isBetween(5_000L, 20_000L);
    }

    @Test
    void accessDeniedFailsWithAdvice() {
        dynamo.failNext(1, FakeDynamoDb::accessDenied);

        assertThatThrownBy(() -> writer(10).write(List.of(put("a", "v1", 0))))
                .isInstanceOf(ConnectException.class).isNotInstanceOf(RetriableException.class)
                .hasMessageContaining("aws.access.key.id").hasMessageContaining("BatchWriteItem");
        assertThat(sleeper.sleeps()).isEmpty();
    }
}
