package dev.sluice.connect.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.connect.common.testing.FakeSinkTaskContext;
import dev.sluice.connect.common.testing.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class DynamoDbSinkTaskTest {

    private static final TopicPartition ORDERS_0 = new TopicPartition("orders", 0);

    private final FakeDynamoDb dynamo = new FakeDynamoDb().table("orders", "id", ScalarAttributeType.S);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final List<DynamoDbSinkTask> tasks = new ArrayList<>();

    @AfterEach
    void stopTasks() {
        tasks.forEach(DynamoDbSinkTask::stop);
    }

    private DynamoDbSinkTask task(FakeSinkTaskContext context, String... overrides) {
        Map<String, String> props = new HashMap<>(Map.of(
                "topics", "orders",
                "aws.dynamodb.pk.hash", "key:id",
                "aws.dynamodb.pk.sort", "",
                "max.retries", "2"));
        for (int i = 0; i < overrides.length; i += 2) {
            props.put(overrides[i], overrides[i + 1]);
        }
        var task = new DynamoDbSinkTask(dynamo, clock, sleeper, new Random(7));
        task.initialize(context);
        task.start(props);
        tasks.add(task);
        return task;
    }

    private static SinkRecord record(String key, String json, long offset) {
        return new SinkRecord("orders", 0, Schema.OPTIONAL_STRING_SCHEMA, key, null, json, offset);
    }

    private String version(String id) {
        return dynamo.item("orders", Map.of("id", AttributeValue.fromS(id)))
                .map(item -> item.get("version").s()).orElse(null);
    }

    private static Map<TopicPartition, OffsetAndMetadata> committed(DynamoDbSinkTask task) {
        return task.preCommit(Map.of(ORDERS_0, new OffsetAndMetadata(1_000)));
    }

    @Test
    void writesEachBatchBeforeItsOffsetsAreCommitted() {
        var task = task(new FakeSinkTaskContext(false));
        assertThat(committed(task)).isEmpty();

        task.put(List.of(record("a", "{\"version\": \"1\"}", 0), record("b", "{\"version\": \"1\"}", 1)));

        assertThat(dynamo.items("orders")).hasSize(2);
        assertThat(committed(task)).isEqualTo(Map.of(ORDERS_0, new OffsetAndMetadata(2)));
    }

    @Test
    void whenThrottledBeyondTheBudgetTheBatchIsDeliveredAgainAndNothingIsLost() {
        var context = new FakeSinkTaskContext(false);
        var task = task(context, "retry.backoff.ms", "50");
        task.put(List.of(record("a", "{\"version\": \"1\"}", 0)));
        List<SinkRecord> batch = List.of(record("b", "{\"version\": \"1\"}", 1), record("c", "{\"version\": \"1\"}", 2));
        dynamo.failNext(6, FakeDynamoDb::throttled);

        assertThatThrownBy(() -> task.put(batch)).isInstanceOf(RetriableException.class);
        assertThat(committed(task)).as("nothing past what was written").isEqualTo(Map.of(ORDERS_0,
                new OffsetAndMetadata(1)));
        assertThatThrownBy(() -> task.put(batch)).isInstanceOf(RetriableException.class);
        assertThat(context.timeouts()).containsExactly(50L, 100L);

        task.put(batch);

        assertThat(dynamo.items("orders")).hasSize(3);
        assertThat(committed(task)).isEqualTo(Map.of(ORDERS_0, new OffsetAndMetadata(3)));
    }

    @Test
    void tombstonesDeleteTheItemTheirKeyNames() {
        var task = task(new FakeSinkTaskContext(false));
        task.put(List.of(record("a", "{\"version\": \"1\"}", 0), record("b", "{\"version\": \"1\"}", 1)));

        task.put(List.of(record("a", null, 2)));

        assertThat(version("a")).isNull();
        assertThat(version("b")).isEqualTo("1");
        assertThat(committed(task)).isEqualTo(Map.of(ORDERS_0, new OffsetAndMetadata(3)));
    }

    @Test
    void tombstonesCanBeIgnoredOrRefused() {
        var ignoring = task(new FakeSinkTaskContext(false), "behavior.on.null.values", "ignore");
        ignoring.put(List.of(record("a", "{\"version\": \"1\"}", 0), record("a", null, 1)));
        assertThat(version("a")).isEqualTo("1");
        assertThat(committed(ignoring)).isEqualTo(Map.of(ORDERS_0, new OffsetAndMetadata(2)));

        var failing = task(new FakeSinkTaskContext(false), "behavior.on.null.values", "fail");
        assertThatThrownBy(() -> failing.put(List.of(record("a", null, 2))))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("offset 2 of orders-0").hasMessageContaining("behavior.on.null.values");

        var context = new FakeSinkTaskContext(true);
        var tolerant = task(context, "behavior.on.null.values", "fail");
        tolerant.put(List.of(record("a", null, 2)));
        assertThat(context.errant()).extracting(SinkRecord::kafkaOffset).containsExactly(2L);
        assertThat(version("a")).isEqualTo("1");
    }

    @Test
    void aRecordThatCannotBeMappedFailsTheTaskNamingIt() {
        var task = task(new FakeSinkTaskContext(false));

        assertThatThrownBy(() -> task.put(List.of(record("a", "{\"version\": \"1\"}", 0),
                record(null, "{\"version\": \"1\"}", 1))))
                .isInstanceOf(ConnectException.class).isNotInstanceOf(RetriableException.class)
                .hasMessageContaining("offset 1 of orders-0").hasMessageContaining("errors.tolerance=all");
        assertThat(committed(task)).isEmpty();
    }

    @Test
    void withErrorsToleratedBadRecordsGoToTheReporterAndTheRestIsWritten() {
        var context = new FakeSinkTaskContext(true);
        var task = task(context);
        String tooLarge = "{\"version\": \"1\", \"blob\": \"" + "x".repeat(410_000) + "\"}";

        task.put(List.of(
                record("a", "{\"version\": \"1\"}", 0),
                record(null, "{\"version\": \"1\"}", 1),
                record("b", tooLarge, 2),
                record("c", "{\"version\": ", 3),
                record("d", "{\"version\": \"1\"}", 4)));

        assertThat(context.errant()).extracting(SinkRecord::kafkaOffset).containsExactly(1L, 2L, 3L);
        assertThat(dynamo.items("orders")).extracting(item -> item.get("id").s()).containsExactly("a", "d");
        assertThat(committed(task)).isEqualTo(Map.of(ORDERS_0, new OffsetAndMetadata(5)));
    }

    @Test
    void aKeyOfTheWrongTypeOrATombstoneKeyedByItsValueIsABadRecord() {
        var context = new FakeSinkTaskContext(true);
        var task = task(context, "aws.dynamodb.pk.hash", "value.id");

        task.put(List.of(new SinkRecord("orders", 0, null, null, null, Map.of("id", 7, "version", "1"), 0),
                new SinkRecord("orders", 0, null, null, null, Map.of("id", "x", "version", "1"), 1),
                new SinkRecord("orders", 0, null, "x", null, null, 2)));

        assertThat(context.errant()).extracting(SinkRecord::kafkaOffset).containsExactly(0L, 2L);
        assertThat(version("x")).isEqualTo("1");
    }

    @Test
    void kafkaCoordinatesAsTheKeyByDefault() {
        dynamo.table("events", "partition", ScalarAttributeType.N, "offset", ScalarAttributeType.N);
        var task = task(new FakeSinkTaskContext(false), "aws.dynamodb.pk.hash", "partition",
                "aws.dynamodb.pk.sort", "offset", "table.name.format", "events");

        task.put(List.of(record("a", "{\"n\": 1}", 5), record("a", "{\"n\": 2}", 6)));

        assertThat(dynamo.items("events")).containsExactly(
                Map.of("partition", AttributeValue.fromN("0"), "offset", AttributeValue.fromN("5"),
                        "n", AttributeValue.fromN("1")),
                Map.of("partition", AttributeValue.fromN("0"), "offset", AttributeValue.fromN("6"),
                        "n", AttributeValue.fromN("2")));
    }

    @Test
    void withOffsetOrderingAReplayByAnotherTaskNeverReplacesANewerItem() {
        var first = task(new FakeSinkTaskContext(false), "ordering.mode", "offset");
        first.put(List.of(record("a", "{\"version\": \"1\"}", 10), record("b", "{\"version\": \"1\"}", 11)));
        first.put(List.of(record("a", "{\"version\": \"2\"}", 12)));
        // The first task crashed before committing; a second one replays from offset 10, while the first, not yet
        // stopped, is still writing its last batch again.
        var second = task(new FakeSinkTaskContext(false), "ordering.mode", "offset");

        second.put(List.of(record("a", "{\"version\": \"1\"}", 10), record("b", "{\"version\": \"1\"}", 11)));
        assertThat(version("a")).isEqualTo("2");
        first.put(List.of(record("a", "{\"version\": \"2\"}", 12)));
        second.put(List.of(record("a", "{\"version\": \"2\"}", 12), record("a", "{\"version\": \"3\"}", 13)));

        assertThat(version("a")).isEqualTo("3");
        assertThat(dynamo.item("orders", Map.of("id", AttributeValue.fromS("a"))).orElseThrow())
                .containsEntry("kafka_partition", AttributeValue.fromN("0"))
                .containsEntry("kafka_offset", AttributeValue.fromN("13"));
        assertThat(committed(second)).isEqualTo(Map.of(ORDERS_0, new OffsetAndMetadata(14)));
    }

    @Test
    void withoutOffsetOrderingAReplayRewritesOlderVersionsUntilItCatchesUp() {
        var first = task(new FakeSinkTaskContext(false));
        first.put(List.of(record("a", "{\"version\": \"1\"}", 10), record("a", "{\"version\": \"2\"}", 11)));
        var second = task(new FakeSinkTaskContext(false));

        second.put(List.of(record("a", "{\"version\": \"1\"}", 10)));
        assertThat(version("a")).isEqualTo("1");
        second.put(List.of(record("a", "{\"version\": \"2\"}", 11)));
        assertThat(version("a")).isEqualTo("2");
    }

    @Test
    void aMissingTableFailsTheTaskUnlessItMayBeCreated() {
        var task = task(new FakeSinkTaskContext(true), "table.name.format", "kafka_${topic}");

        assertThatThrownBy(() -> task.put(List.of(record("a", "{\"version\": \"1\"}", 0))))
                .isInstanceOf(ConnectException.class).isNotInstanceOf(RetriableException.class)
                .hasMessageContaining("kafka_orders does not exist").hasMessageContaining("auto.create=true");

        var creating = task(new FakeSinkTaskContext(false), "table.name.format", "kafka_${topic}",
                "auto.create", "true");
        creating.put(List.of(record("a", "{\"version\": \"1\"}", 0)));

        assertThat(dynamo.description("kafka_orders").billingModeSummary().billingMode())
                .isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(dynamo.description("kafka_orders").attributeDefinitions().get(0).attributeType())
                .isEqualTo(ScalarAttributeType.S);
        assertThat(dynamo.items("kafka_orders")).hasSize(1);
    }

    @Test
    void aTableWhoseKeyIsNotTheConfiguredOneFailsTheTask() {
        var task = task(new FakeSinkTaskContext(true), "aws.dynamodb.pk.hash", "key");

        assertThatThrownBy(() -> task.put(List.of(record("a", "{\"version\": \"1\"}", 0))))
                .isInstanceOf(ConnectException.class).isNotInstanceOf(RetriableException.class)
                .hasMessageContaining("(id HASH S)").hasMessageContaining("Set aws.dynamodb.pk.hash");
    }

    @Test
    void accessDeniedFailsTheTask() {
        var task = task(new FakeSinkTaskContext(false));
        dynamo.failNext(1, FakeDynamoDb::accessDenied);

        assertThatThrownBy(() -> task.put(List.of(record("a", "{\"version\": \"1\"}", 0))))
                .isInstanceOf(ConnectException.class).isNotInstanceOf(RetriableException.class)
                .hasMessageContaining("access denied");
    }
}
