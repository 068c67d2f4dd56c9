package dev.sluice.connect.lambda.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.connect.common.testing.MutableClock;
import dev.sluice.connect.lambda.FakeLambda;
import dev.sluice.connect.lambda.InvocationType;
import dev.sluice.connect.lambda.RecordingDestination;
import dev.sluice.connect.lambda.Records;
import dev.sluice.connect.lambda.destination.FailureReport;
import dev.sluice.connect.lambda.destination.FailureReport.Condition;
import dev.sluice.connect.lambda.destination.OnFailureDestination;
import dev.sluice.connect.lambda.event.EncodedRecord;
import dev.sluice.connect.lambda.invoke.Invoker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;

class BatchProcessorTest {

    private static final TopicPartition ORDERS_0 = new TopicPartition("orders", 0);

    private final FakeLambda lambda = new FakeLambda();
    private final MutableClock clock = new MutableClock(Instant.ofEpochMilli(1_000));
    private final List<Long> sleeps = new ArrayList<>();
    private final RecordingDestination destination = new RecordingDestination();

    private BatchProcessor processor(int maxRetries, boolean bisect, boolean reportItemFailures,
            Optional<OnFailureDestination> destination, Optional<Duration> maxAge) {
        var invoker = new Invoker(lambda, "my-function", Optional.empty(), InvocationType.REQUEST_RESPONSE,
                reportItemFailures, Records.EVENTS);
        var policy = new RetryPolicy(maxRetries, maxAge, 100, 30_000, new Random(7));
        return new BatchProcessor(invoker, policy, bisect, destination, 6_291_456, millis -> {
            sleeps.add(millis);
            clock.advanceMs(millis);
        }, clock);
    }

    private static Batch batch(long from, long to) {
        List<EncodedRecord> records = Records.encoded(ORDERS_0, from, to);
        return new Batch(ORDERS_0, records, false, to, 0);
    }

    @Test
    void aSucceedingBatchIsOneInvocation() throws Exception {
        boolean done = processor(-1, false, false, Optional.empty(), Optional.empty()).process(batch(0, 4), () -> false);

        assertThat(done).isTrue();
        assertThat(lambda.batches()).containsExactly(List.of(0L, 1L, 2L, 3L, 4L));
        assertThat(sleeps).isEmpty();
    }

    @Test
    void functionErrorsAreRetriedWithGrowingBackOffUntilTheFunctionSucceeds() throws Exception {
        lambda.thenAnswer(i -> FakeLambda.functionError("IllegalStateException", "boom"),
                i -> FakeLambda.functionError("IllegalStateException", "boom"));

        processor(-1, false, false, Optional.empty(), Optional.empty()).process(batch(0, 2), () -> false);

        assertThat(lambda.batches()).hasSize(3).allSatisfy(b -> assertThat(b).containsExactly(0L, 1L, 2L));
        assertThat(sleeps).hasSize(2);
        assertThat(sleeps.get(0)).isBetween(50L, 100L);
        assertThat(sleeps.get(1)).isBetween(100L, 200L);
    }

    @Test
    void exhaustedRetriesSendTheRecordsToTheDestinationWithTheFunctionsError() throws Exception {
        lambda.function(i -> FakeLambda.functionError("IllegalStateException", "bad order"));

        boolean done = processor(2, false, false, Optional.of(destination), Optional.empty())
                .process(batch(0, 2), () -> false);

        assertThat(done).isTrue();
        assertThat(lambda.invocations()).hasSize(3);
        FailureReport report = destination.reports().get(0);
        assertThat(report.condition()).isEqualTo(Condition.RETRY_ATTEMPTS_EXHAUSTED);
        assertThat(report.records()).extracting(EncodedRecord::offset).containsExactly(0L, 1L, 2L);
        assertThat(report.approximateInvokeCount()).isEqualTo(3);
        assertThat(report.response()).hasValueSatisfying(r -> {
            assertThat(r.functionError()).isEqualTo("Unhandled");
            assertThat(r.errorMessage()).isEqualTo("IllegalStateException: bad order");
            assertThat(r.executedVersion()).isEqualTo("$LATEST");
        });
        assertThat(report.requestId()).hasValueSatisfying(id -> assertThat(id).startsWith("req-"));
    }

    @Test
    void exhaustedRetriesWithoutADestinationFailTheTaskSayingWhatToDo() {
        lambda.function(i -> FakeLambda.functionError("IllegalStateException", "bad order"));

        assertThatThrownBy(() -> processor(1, false, false, Optional.empty(), Optional.empty())
                .process(batch(5, 6), () -> false))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("The function my-function failed on 2 records of orders-0 (offsets 5 to 6) "
                        + "after 1 retries: IllegalStateException: bad order")
                .hasMessageContaining("aws.lambda.destination.on.failure=kafka://");
        assertThat(lambda.invocations()).hasSize(2);
    }

    @Test
    void bisectingIsolatesTheBadRecord() throws Exception {
        lambda.function(i -> i.offsets().contains(2L) ? FakeLambda.functionError("E", "offset 2")
                : FakeLambda.ok());

        processor(3, true, false, Optional.of(destination), Optional.empty()).process(batch(0, 3), () -> false);

        // Halves are retried in order, so that the partition's records stay in order: 2 is given up on before 3 goes.
        assertThat(lambda.batches()).containsExactly(List.of(0L, 1L, 2L, 3L), List.of(0L, 1L), List.of(2L, 3L),
                List.of(2L), List.of(2L), List.of(3L));
        assertThat(destination.offsets()).containsExactly(2L);
    }

    @Test
    void aPartialBatchResponseRetriesOnlyFromTheEarliestFailedRecord() throws Exception {
        lambda.thenAnswer(FakeLambda.failing(4, 2), FakeLambda.failing(3));

        processor(-1, false, true, Optional.empty(), Optional.empty()).process(batch(0, 5), () -> false);

        assertThat(lambda.batches()).containsExactly(List.of(0L, 1L, 2L, 3L, 4L, 5L), List.of(2L, 3L, 4L, 5L),
                List.of(3L, 4L, 5L));
    }

    @Test
    void anInvalidPartialBatchResponseFailsTheWholeBatch() throws Exception {
        lambda.thenAnswer(i -> FakeLambda.response(200, null, "{\"batchItemFailures\": [{\"itemIdentifier\": "
                + "{\"partition\": \"orders-0\", \"offset\": 77}}]}"));

        processor(-1, false, true, Optional.empty(), Optional.empty()).process(batch(0, 2), () -> false);

        assertThat(lambda.batches()).containsExactly(List.of(0L, 1L, 2L), List.of(0L, 1L, 2L));
    }

    @Test
    void throttlingIsRetriedWithoutCountingAgainstTheRetryAttempts() throws Exception {
        lambda.thenAnswer(i -> {
            throw FakeLambda.throttled();
        }, i -> {
            throw FakeLambda.throttled();
        }, i -> {
            throw FakeLambda.serviceError(500, "ServiceException");
        });

        boolean done = processor(0, false, false, Optional.empty(), Optional.empty())
                .process(batch(0, 1), () -> false);

        assertThat(done).isTrue();
        assertThat(sleeps).hasSize(3);
        assertThat(lambda.batches()).last().isEqualTo(List.of(0L, 1L));
    }

    @Test
    void recordsOlderThanTheMaximumAgeAreSetAsideInsteadOfRetried() throws Exception {
        lambda.thenAnswer(i -> {
            throw FakeLambda.throttled();
        });
        var records = List.of(Records.encoded(ORDERS_0, 0, 1_000, "old"), Records.encoded(ORDERS_0, 1, 70_000, "new"));
        clock.advanceMs(59_990); // the first record turns 60 s old during the first back-off

        processor(-1, false, false, Optional.of(destination), Optional.of(Duration.ofSeconds(60)))
                .process(new Batch(ORDERS_0, records, false, 1, 0), () -> false);

        assertThat(destination.reports()).singleElement().satisfies(r -> {
            assertThat(r.condition()).isEqualTo(Condition.RECORD_AGE_EXCEEDED);
            assertThat(r.records()).extracting(EncodedRecord::offset).containsExactly(0L);
            assertThat(r.approximateInvokeCount()).isEqualTo(1);
        });
        assertThat(lambda.batches()).containsExactly(List.of(0L, 1L), List.of(1L));
    }

    @Test
    void aBatchLambdaFindsTooLargeIsSentInHalves() throws Exception {
        lambda.thenAnswer(i -> {
            throw FakeLambda.serviceError(413, "RequestTooLargeException");
        });

        processor(-1, false, false, Optional.empty(), Optional.empty()).process(batch(0, 3), () -> false);

        assertThat(lambda.batches()).containsExactly(List.of(0L, 1L, 2L, 3L), List.of(0L, 1L), List.of(2L, 3L));
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aRecordAloneOverTheLimitGoesStraightToTheDestination() throws Exception {
        var batch = new Batch(ORDERS_0, List.of(Records.encoded(ORDERS_0, 9)), true, 9, 0);

        processor(-1, false, false, Optional.of(destination), Optional.empty()).process(batch, () -> false);

        assertThat(lambda.invocations()).isEmpty();
        assertThat(destination.reports()).singleElement().satisfies(r -> {
            assertThat(r.condition()).isEqualTo(Condition.MAXIMUM_PAYLOAD_SIZE_EXCEEDED);
            assertThat(r.response()).isEmpty();
        });
    }

    @Test
    void aMissingFunctionFailsTheTaskAtOnce() {
        lambda.function(i -> {
            throw FakeLambda.notFound();
        });

        assertThatThrownBy(() -> processor(-1, false, false, Optional.of(destination), Optional.empty())
                .process(batch(0, 0), () -> false))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("my-function does not exist");
        assertThat(lambda.invocations()).hasSize(1);
        assertThat(destination.reports()).isEmpty();
    }

    @Test
    void aCancelledBatchStopsRetryingAndIsNotDone() throws Exception {
        lambda.function(i -> FakeLambda.functionError("E", "e"));
        var cancelled = new java.util.concurrent.atomic.AtomicBoolean();
        var processor = new BatchProcessor(new Invoker(lambda, "my-function", Optional.empty(),
                InvocationType.REQUEST_RESPONSE, false, Records.EVENTS),
                new RetryPolicy(-1, Optional.empty(), 100, 1_000, new Random(1)), false, Optional.empty(), 6_291_456,
                millis -> cancelled.set(true), clock);

        assertThat(processor.process(batch(0, 1), cancelled::get)).isFalse();
        assertThat(lambda.invocations()).hasSize(1);
    }
}
