package dev.sluice.connect.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.sluice.connect.common.testing.FakeSinkTaskContext;
import dev.sluice.connect.common.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class S3SinkTaskTest {

    private static final String TOPIC = "orders";
    private static final TopicPartition TP0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition TP1 = new TopicPartition(TOPIC, 1);
    private static final long T0 = Instant.parse("2026-11-25T21:00:10Z").toEpochMilli();

    @TempDir
    Path spillDir;

    private final FakeS3 s3 = new FakeS3("bucket");
    private final MutableClock clock = new MutableClock(Instant.ofEpochMilli(T0));
    private FakeSinkTaskContext context;
    private S3SinkTask task;

    @AfterEach
    void stop() {
        if (task != null) {
            task.stop();
        }
    }

    @Test
    void defaultPartitionerCutsAnObjectEveryFlushSizeRecords() {
        start(Map.of("flush.size", "3"), false);

        task.put(records(TP0, 0, "a", "b", "c", "d", "e", "f", "g"));
        task.put(records(TP1, 40, "x"));

        assertThat(s3.objectsAsText()).containsExactly(
                entry("topics/orders/partition=0/orders+0+0000000000.txt", "a\nb\nc\n"),
                entry("topics/orders/partition=0/orders+0+0000000003.txt", "d\ne\nf\n"));
        assertThat(task.preCommit(Map.of())).containsExactly(entry(TP0, new OffsetAndMetadata(6)));
    }

    @Test
    void nothingIsCommittableBeforeItsObjectIsUploaded() {
        start(Map.of("flush.size", "3"), false);

        task.put(records(TP0, 0, "a", "b"));

        assertThat(s3.objectsAsText()).isEmpty();
        assertThat(task.preCommit(Map.of(TP0, new OffsetAndMetadata(2)))).isEmpty();
    }

    @Test
    void topicsDirDelimitersAndPaddingShapeTheKeys() {
        start(Map.of("flush.size", "1", "topics.dir", "lake", "file.delim", "-",
                "filename.offset.zero.pad.width", "4"), false);

        task.put(records(TP1, 12345, "a"));

        assertThat(s3.objectsAsText()).containsOnlyKeys("lake/orders/partition=1/orders-1-12345.txt");
    }

    @Test
    void fieldPartitionerKeepsAnObjectOpenPerValueAndRotatesThemTogether() {
        start(Map.of("flush.size", "4", "partitioner.class",
                "io.confluent.connect.storage.partitioner.FieldPartitioner", "partition.field.name", "region"), false);

        task.put(List.of(record(TP0, 0, Map.of("region", "eu", "n", 1)), record(TP0, 1, Map.of("region", "us", "n", 2)),
                record(TP0, 2, Map.of("region", "eu", "n", 3)), record(TP0, 3, Map.of("region", "us", "n", 4)),
                record(TP0, 4, Map.of("region", "eu", "n", 5))));

        assertThat(s3.objectsAsText()).containsOnlyKeys(
                "topics/orders/region=eu/orders+0+0000000000.txt",
                "topics/orders/region=us/orders+0+0000000001.txt");
        assertThat(s3.objectsAsText().get("topics/orders/region=eu/orders+0+0000000000.txt"))
                .contains("n=1").contains("n=3").doesNotContain("n=5");
        assertThat(task.preCommit(Map.of())).containsExactly(entry(TP0, new OffsetAndMetadata(4)));
    }

    @Test
    void hourlyPartitionerUsesTheRecordTimestampInTheTimezone() {
        start(Map.of("flush.size", "3", "partitioner.class", "hourly", "timestamp.extractor", "Record",
                "timezone", "Europe/Paris"), false);
        long t = Instant.parse("2026-11-25T21:59:59Z").toEpochMilli();

        task.put(List.of(timed(TP0, 0, "a", t), timed(TP0, 1, "b", t + 1000), timed(TP0, 2, "c", t + 2000)));

        assertThat(s3.objectsAsText()).containsOnlyKeys(
                "topics/orders/year=2026/month=11/day=25/hour=22/orders+0+0000000000.txt",
                "topics/orders/year=2026/month=11/day=25/hour=23/orders+0+0000000001.txt");
    }

    @Test
    void recordTimeRotationStartsANewObjectAtFirstRecordTimePlusTheInterval() {
        start(Map.of("flush.size", "100", "rotate.interval.ms", "60000", "timestamp.extractor", "Record"), false);

        task.put(List.of(timed(TP0, 0, "a", T0), timed(TP0, 1, "b", T0 + 30_000), timed(TP0, 2, "c", T0 + 59_999),
                timed(TP0, 3, "d", T0 + 60_000), timed(TP0, 4, "e", T0 + 61_000)));

        assertThat(s3.objectsAsText()).containsExactly(
                entry("topics/orders/partition=0/orders+0+0000000000.txt", "a\nb\nc\n"));
        assertThat(task.preCommit(Map.of())).containsExactly(entry(TP0, new OffsetAndMetadata(3)));
    }

    @Test
    void scheduledRotationFinishesObjectsOnTheClockEvenWithoutRecords() {
        start(Map.of("flush.size", "100", "rotate.schedule.interval.ms", "60000"), false);

        task.put(records(TP0, 0, "a", "b"));
        clock.advanceMs(49_000);
        task.put(List.of());
        assertThat(s3.objectsAsText()).isEmpty();

        clock.advanceMs(1_000); // 21:01:00, the next minute boundary
        task.put(List.of());

        assertThat(s3.objectsAsText()).containsExactly(
                entry("topics/orders/partition=0/orders+0+0000000000.txt", "a\nb\n"));
        assertThat(task.preCommit(Map.of())).containsExactly(entry(TP0, new OffsetAndMetadata(2)));
    }

    @Test
    void ignoredTombstonesAreSkippedButTheirOffsetsCommitted() {
        start(Map.of("flush.size", "2", "behavior.on.null.values", "ignore"), false);

        task.put(records(TP0, 0, "a", null, "b", null));

        assertThat(s3.objectsAsText()).containsExactly(
                entry("topics/orders/partition=0/orders+0+0000000000.txt", "a\nb\n"));
        assertThat(task.preCommit(Map.of())).containsExactly(entry(TP0, new OffsetAndMetadata(4)));
    }

    @Test
    void tombstonesFailTheTaskByDefault() {
        start(Map.of("flush.size", "3"), false);

        assertThatThrownBy(() -> task.put(records(TP0, 0, "a", null)))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("offset 1 of orders-0")
                .hasMessageContaining("behavior.on.null.values");
    }

    @Test
    void aBadRecordGoesToTheErrantRecordReporterAndIsSkipped() {
        start(Map.of("flush.size", "3"), true);

        task.put(records(TP0, 0, "a", LineFormat.POISON, "b", null, "c"));

        assertThat(context.errant()).extracting(SinkRecord::kafkaOffset).containsExactly(1L, 3L);
        assertThat(s3.objectsAsText()).containsExactly(
                entry("topics/orders/partition=0/orders+0+0000000000.txt", "a\nb\nc\n"));
        assertThat(task.preCommit(Map.of())).containsExactly(entry(TP0, new OffsetAndMetadata(5)));
    }

    @Test
    void aBadRecordFailsTheTaskWhenErrorsAreNotTolerated() {
        start(Map.of("flush.size", "3"), false);

        assertThatThrownBy(() -> task.put(records(TP0, 7, "a", LineFormat.POISON)))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("offset 8 of orders-0")
                .hasMessageContaining("errors.tolerance=all");
    }

    @Test
    void aRedeliveredBatchAfterARetriableFailureWritesEachRecordOnce() {
        start(Map.of("flush.size", "3"), false);
        List<SinkRecord> batch = records(TP0, 0, "a", "b", "c", "d", "e");
        s3.failNext(1);

        assertThatThrownBy(() -> task.put(batch)).isInstanceOf(RetriableException.class);
        assertThat(task.preCommit(Map.of())).isEmpty();
        assertThat(context.timeouts()).containsExactly(200L);

        task.put(batch); // the worker delivers the same batch again
        task.put(records(TP0, 5, "f", "g"));

        assertThat(s3.objectsAsText()).containsExactly(
                entry("topics/orders/partition=0/orders+0+0000000000.txt", "a\nb\nc\n"),
                entry("topics/orders/partition=0/orders+0+0000000003.txt", "d\ne\nf\n"));
        assertThat(task.preCommit(Map.of())).containsExactly(entry(TP0, new OffsetAndMetadata(6)));
    }

    @Test
    void consecutiveFailuresDoubleTheBackOff() {
        start(Map.of("flush.size", "1", "s3.retry.backoff.ms", "100"), false);
        List<SinkRecord> batch = records(TP0, 0, "a");
        s3.failNext(3);

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> task.put(batch)).isInstanceOf(RetriableException.class);
        }
        task.put(batch);

        assertThat(context.timeouts()).containsExactly(100L, 200L, 400L);
        assertThat(s3.objectsAsText()).hasSize(1);
    }

    @Test
    void aMissingBucketFailsTheTaskSayingWhatToChange() {
        start(Map.of("flush.size", "1"), false);
        s3.failNext(1, FakeS3::noSuchBucket);

        assertThatThrownBy(() -> task.put(records(TP0, 0, "a")))
                .isExactlyInstanceOf(ConnectException.class)
                .hasMessageContaining("s3://bucket/topics/orders/partition=0/orders+0+0000000000.txt")
                .hasMessageContaining("s3.bucket.name");
    }

    @Test
    void closeDropsUnfinishedObjectsAndTheReplayWritesTheSameKeys() {
        start(Map.of("flush.size", "2"), false);
        task.put(records(TP0, 0, "a", "b", "c"));
        long committed = task.preCommit(Map.of()).get(TP0).offset();

        task.close(List.of(TP0));
        task.open(List.of(TP0));
        task.put(records(TP0, (int) committed, "c", "d"));

        assertThat(s3.objectsAsText()).containsExactly(
                entry("topics/orders/partition=0/orders+0+0000000000.txt", "a\nb\n"),
                entry("topics/orders/partition=0/orders+0+0000000002.txt", "c\nd\n"));
    }

    @Test
    void aThousandOpenPartitionsStayWithinTheMemoryBudget() throws Exception {
        int partitions = 1000;
        start(Map.of("flush.size", "4", "s3.memory.budget.bytes", Integer.toString(1024 * 1024)), false);
        List<TopicPartition> tps = IntStream.range(0, partitions).mapToObj(p -> new TopicPartition(TOPIC, p))
                .collect(Collectors.toList());
        task.open(tps);
        String value = "v".repeat(4096);

        for (int offset = 0; offset < 3; offset++) {
            List<SinkRecord> batch = new ArrayList<>();
            for (TopicPartition tp : tps) {
                batch.add(record(tp, offset, value + offset));
            }
            task.put(batch);
        }
        assertThat(task.memoryBudget().peak()).isLessThanOrEqualTo(1024 * 1024);
        assertThat(s3.objectsAsText()).isEmpty();
        try (var files = Files.list(spillDir)) {
            assertThat(files.count()).isGreaterThan(0);
        }

        List<SinkRecord> last = tps.stream().map(tp -> record(tp, 3, value + 3)).collect(Collectors.toList());
        task.put(last);

        String expected = IntStream.range(0, 4).mapToObj(i -> value + i + "\n").collect(Collectors.joining());
        assertThat(s3.objectsAsText()).hasSize(partitions).allSatisfy((key, text) -> assertThat(text).isEqualTo(expected));
        assertThat(task.memoryBudget().used()).isZero();
        try (var files = Files.list(spillDir)) {
            assertThat(files.count()).isZero();
        }
    }

    private void start(Map<String, String> overrides, boolean toleratesErrors) {
        Map<String, String> props = new HashMap<>(Map.of("name", "orders-to-s3", "topics", TOPIC,
                "s3.bucket.name", "bucket", "format.class", "json", "s3.spill.dir", spillDir.toString()));
        props.putAll(overrides);
        task = new S3SinkTask(s3, clock, settings -> new LineFormat());
        context = new FakeSinkTaskContext(toleratesErrors);
        task.initialize(context);
        task.start(props);
        task.open(List.of(TP0, TP1));
    }

    private static List<SinkRecord> records(TopicPartition tp, int firstOffset, Object... values) {
        List<SinkRecord> records = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            records.add(record(tp, firstOffset + i, values[i]));
        }
        return records;
    }

    private static SinkRecord record(TopicPartition tp, long offset, Object value) {
        return timed(tp, offset, value, T0);
    }

    private static SinkRecord timed(TopicPartition tp, long offset, Object value, long timestamp) {
        return new SinkRecord(tp.topic(), tp.partition(), null, null, null, value, offset, timestamp,
                TimestampType.CREATE_TIME);
    }
}
