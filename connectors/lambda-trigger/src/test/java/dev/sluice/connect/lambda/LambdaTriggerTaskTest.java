package dev.sluice.connect.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.sluice.connect.common.testing.MutableClock;
import dev.sluice.connect.lambda.destination.FailureReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LambdaTriggerTaskTest {

    private static final TopicPartition ORDERS_0 = new TopicPartition("orders", 0);
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final FakeLambda lambda = new FakeLambda();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final RecordingDestination destination = new RecordingDestination();
    private final List<LambdaTriggerTask> tasks = new ArrayList<>();
    private RecordingContext context;

    @AfterEach
    void stopTasks() {
        lambda.open();
        tasks.forEach(LambdaTriggerTask::stop);
    }

    private LambdaTriggerTask start(boolean toleratesErrors, String... settings) {
        Map<String, String> props = new HashMap<>(Map.of("name", "orders-to-lambda", "topics", "orders",
                LambdaTriggerConfig.FUNCTION_NAME, "my-function",
                LambdaTriggerConfig.BATCHING_WINDOW_MS, "0",
                LambdaTriggerConfig.RETRY_BACKOFF_MS, "1",
                LambdaTriggerConfig.RETRY_BACKOFF_MAX_MS, "2"));
        for (int i = 0; i < settings.length; i += 2) {
            props.put(settings[i], settings[i + 1]);
        }
        var task = new LambdaTriggerTask(lambda, clock, millis -> { }, new Random(3), (s, events) -> destination);
        context = new RecordingContext(toleratesErrors);
        task.initialize(context);
        task.start(props);
        tasks.add(task);
        return task;
    }

    private LambdaTriggerTask start(String... settings) {
        return start(false, settings);
    }

    private static Map<TopicPartition, Long> committed(LambdaTriggerTask task) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        task.preCommit(Map.of()).forEach((partition, offset) -> offsets.put(partition, offset.offset()));
        return offsets;
    }

    private static List<Long> offsets(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    @Test
    void putDoesNotWaitForTheFunctionAndOffsetsAreCommittedOnlyOnceItReturns() {
        lambda.hold();
        var task = start();

        task.put(Records.sinks("orders", 0, 0, 4));

        await().atMost(WAIT).until(() -> lambda.inFlight() == 1);
        assertThat(committed(task)).isEmpty();
        assertThat(context.timeouts()).contains(LambdaTriggerTask.POLL_BACK_MS);
        lambda.open();
        await().atMost(WAIT).until(() -> committed(task).equals(Map.of(ORDERS_0, 5L)));
        assertThat(lambda.batches()).containsExactly(offsets(0, 4));
    }

    @Test
    void batchesHaveAtMostTheBatchSizeAndAPartitionsBatchesGoOneAtATimeInOrder() {
        lambda.hold();
        var task = start(LambdaTriggerConfig.BATCH_SIZE, "10");

        task.put(Records.sinks("orders", 0, 0, 24));
        await().atMost(WAIT).until(() -> lambda.inFlight() == 1);
        lambda.open();

        await().atMost(WAIT).until(() -> committed(task).equals(Map.of(ORDERS_0, 25L)));
        assertThat(lambda.batches()).containsExactly(offsets(0, 9), offsets(10, 19), offsets(20, 24));
        assertThat(lambda.overlapSeen()).isFalse();
    }

    @Test
    void aPartialBatchWaitsForItsBatchingWindow() {
        var task = start(LambdaTriggerConfig.BATCHING_WINDOW_MS, "500");

        task.put(Records.sinks("orders", 0, 0, 2));
        clock.advanceMs(300);
        task.put(Records.sinks("orders", 0, 3, 3));

        await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> lambda.invocations().isEmpty());
        clock.advanceMs(200);
        await().atMost(WAIT).until(() -> lambda.invocations().size() == 1);
        assertThat(lambda.batches()).containsExactly(offsets(0, 3));
        await().atMost(WAIT).until(() -> committed(task).equals(Map.of(ORDERS_0, 4L)));
    }

    @Test
    void partitionsAreInvokedConcurrentlyUpToTheLimit() {
        lambda.hold();
        var task = start(LambdaTriggerConfig.MAX_CONCURRENT_INVOCATIONS, "2");
        List<SinkRecord> records = new ArrayList<>();
        for (int partition = 0; partition < 4; partition++) {
            records.addAll(Records.sinks("orders", partition, 0, 2));
        }

        task.put(records);

        await().atMost(WAIT).until(() -> lambda.inFlight() == 2);
        lambda.open();
        await().atMost(WAIT).until(() -> committed(task).size() == 4);
        assertThat(committed(task)).containsValues(3L, 3L, 3L, 3L);
        assertThat(lambda.maxInFlight()).isEqualTo(2);
        assertThat(lambda.invocations()).extracting(FakeLambda.Invocation::partition)
                .containsExactlyInAnyOrder("orders-0", "orders-1", "orders-2", "orders-3");
    }

    @Test
    void recordsThatMatchNoFilterInvokeNothingButTheirOffsetsAdvance() {
        var task = start(LambdaTriggerConfig.FILTER_CRITERIA,
                "{\"Filters\": [{\"Pattern\": \"{\\\"value\\\": {\\\"n\\\": [{\\\"numeric\\\": [\\\">=\\\", 3]}]}}\"}]}");

        task.put(Records.sinks("orders", 0, 0, 4));
        await().atMost(WAIT).until(() -> committed(task).equals(Map.of(ORDERS_0, 5L)));
        task.put(List.of(Records.sink("orders", 0, 5, "{\"n\":1}"), Records.sink("orders", 0, 6, "{\"n\":2}")));
        await().atMost(WAIT).until(() -> committed(task).equals(Map.of(ORDERS_0, 7L)));

        assertThat(lambda.batches()).containsExactly(List.of(3L, 4L));
    }

    @Test
    void aFailureThatRetryingCannotFixFailsTheTaskFromTheNextPut() {
        lambda.function(i -> {
            throw FakeLambda.notFound();
        });
        var task = start();

        task.put(Records.sinks("orders", 0, 0, 0));

        await().pollInSameThread().atMost(WAIT).untilAsserted(() -> assertThatThrownBy(() -> task.put(List.of()))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("the function my-function does not exist"));
        assertThat(committed(task)).isEmpty();
    }

    @Test
    void aPartitionThatHoldsTooMuchIsPausedUntilItsInvocationsCatchUp() {
        lambda.hold();
        var task = start(LambdaTriggerConfig.PARTITION_BUFFER_MAX_BYTES, "2048", LambdaTriggerConfig.BATCH_SIZE, "5");

        task.put(Records.sinks("orders", 0, 0, 49));

        assertThat(context.paused()).containsExactly(ORDERS_0);
        lambda.open();
        // put is the task thread's, as a worker calls it: poll in this thread.
        await().pollInSameThread().atMost(WAIT).untilAsserted(() -> {
            task.put(List.of());
            assertThat(context.paused()).isEmpty();
        });
        await().atMost(WAIT).until(() -> committed(task).equals(Map.of(ORDERS_0, 50L)));
        assertThat(lambda.batches()).hasSize(10).allSatisfy(batch -> assertThat(batch).hasSize(5));
    }

    @Test
    void aPausedPartitionRevokedAndAssignedAgainIsResumed() {
        lambda.hold();
        var task = start(LambdaTriggerConfig.PARTITION_BUFFER_MAX_BYTES, "2048");
        task.put(Records.sinks("orders", 0, 0, 49));
        assertThat(context.paused()).containsExactly(ORDERS_0);

        task.close(List.of(ORDERS_0));
        task.open(List.of(ORDERS_0));

        assertThat(context.paused()).isEmpty();
    }

    @Test
    void revokedPartitionsAreDroppedAndTheirOffsetsNoLongerReported() {
        lambda.hold();
        var task = start();
        var orders1 = new TopicPartition("orders", 1);
        task.put(Records.sinks("orders", 1, 0, 0));
        await().atMost(WAIT).until(() -> lambda.inFlight() == 1);

        task.close(List.of(orders1));
        lambda.open();
        task.put(Records.sinks("orders", 0, 0, 0));

        await().atMost(WAIT).until(() -> committed(task).equals(Map.of(ORDERS_0, 1L)));
        assertThat(committed(task)).doesNotContainKey(orders1);
    }

    @Test
    void aRecordThatFitsNoEventGoesToTheDeadLetterQueueWhenErrorsAreTolerated() {
        var task = start(true);
        var bad = new SinkRecord("orders", 0, null, null, null, new Object(), 1);

        task.put(List.of(Records.sink("orders", 0, 0, "a"), bad, Records.sink("orders", 0, 2, "c")));

        await().atMost(WAIT).until(() -> committed(task).equals(Map.of(ORDERS_0, 3L)));
        assertThat(context.errant()).containsExactly(bad);
        assertThat(lambda.batches()).containsExactly(List.of(0L, 2L));
    }

    @Test
    void aRecordThatFitsNoEventFailsTheTaskNamingItOtherwise() {
        var task = start();

        assertThatThrownBy(() -> task.put(List.of(new SinkRecord("orders", 0, null, null, null, new Object(), 7))))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("offset 7 of orders-0")
                .hasMessageContaining("errors.tolerance=all");
    }

    @Test
    void aRecordAloneOverThePayloadLimitGoesToTheOnFailureDestinationInItsTurn() {
        var task = start(LambdaTriggerConfig.INVOCATION_TYPE, "Event",
                LambdaTriggerConfig.DESTINATION_ON_FAILURE, "kafka://orders-failed",
                LambdaTriggerConfig.BOOTSTRAP_SERVERS, "broker:9092");
        String big = "x".repeat(300 * 1024);

        task.put(List.of(Records.sink("orders", 0, 0, "a"), Records.sink("orders", 0, 1, big),
                Records.sink("orders", 0, 2, "c")));

        await().atMost(WAIT).until(() -> committed(task).equals(Map.of(ORDERS_0, 3L)));
        assertThat(lambda.batches()).containsExactly(List.of(0L), List.of(2L));
        assertThat(destination.reports()).singleElement().satisfies(report -> {
            assertThat(report.condition()).isEqualTo(FailureReport.Condition.MAXIMUM_PAYLOAD_SIZE_EXCEEDED);
            assertThat(report.records()).singleElement().satisfies(r -> assertThat(r.offset()).isEqualTo(1));
        });
        assertThat(lambda.invocations()).allSatisfy(i -> assertThat(i.request().invocationTypeAsString())
                .isEqualTo("Event"));
    }

    @Test
    void stopClosesTheDestination() {
        var task = start(LambdaTriggerConfig.DESTINATION_ON_FAILURE, "kafka://orders-failed",
                LambdaTriggerConfig.BOOTSTRAP_SERVERS, "broker:9092");

        task.stop();
        tasks.remove(task);

        assertThat(destination.closed()).isTrue();
    }

    @Test
    void preCommitReportsNothingBeforeAnyBatchIsDone() {
        var task = start();
        Map<TopicPartition, OffsetAndMetadata> current = Map.of(ORDERS_0, new OffsetAndMetadata(100));

        assertThat(task.preCommit(current)).isEmpty();
    }
}
