package dev.sluice.connect.lambda.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.connect.lambda.Records;
import dev.sluice.connect.lambda.event.EncodedRecord;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class PartitionBatcherTest {

    private static final TopicPartition ORDERS_0 = new TopicPartition("orders", 0);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration WINDOW = Duration.ofMillis(500);

    private static PartitionBatcher batcher(int batchSize, long maxPayload) {
        return new PartitionBatcher(ORDERS_0, batchSize, maxPayload, Records.EVENTS.overhead(ORDERS_0), WINDOW);
    }

    private static void add(PartitionBatcher batcher, long from, long to, Instant at) {
        for (long offset = from; offset <= to; offset++) {
            batcher.add(Entry.invoke(Records.encoded(ORDERS_0, offset), at));
        }
    }

    @Test
    void aBatchIsReadyWhenFullAndTakesNoMoreThanTheBatchSize() {
        var batcher = batcher(3, 6_291_456);
        add(batcher, 0, 1, T0);
        assertThat(batcher.ready(T0)).isFalse();

        add(batcher, 2, 4, T0);

        assertThat(batcher.ready(T0)).isTrue();
        Batch batch = batcher.cut();
        assertThat(batch.records()).extracting(EncodedRecord::offset).containsExactly(0L, 1L, 2L);
        assertThat(batch.lastOffset()).isEqualTo(2);
        assertThat(batcher.ready(T0)).isFalse();
    }

    @Test
    void aBatchIsReadyWhenItsWindowHasPassedSinceItsFirstRecord() {
        var batcher = batcher(100, 6_291_456);
        add(batcher, 0, 0, T0);
        add(batcher, 1, 1, T0.plusMillis(400));

        assertThat(batcher.ready(T0.plusMillis(499))).isFalse();
        assertThat(batcher.ready(T0.plusMillis(500))).isTrue();
        assertThat(batcher.cut().records()).hasSize(2);
        assertThat(batcher.isEmpty()).isTrue();
    }

    @Test
    void aBatchNeverTakesItsEventOverThePayloadLimit() {
        EncodedRecord one = Records.encoded(ORDERS_0, 0);
        long twoRecords = Records.EVENTS.size(ORDERS_0, java.util.List.of(one, one));
        var batcher = batcher(100, twoRecords);
        add(batcher, 0, 4, T0);

        assertThat(batcher.ready(T0)).isTrue();
        Batch first = batcher.cut();
        assertThat(first.records()).hasSize(2);
        assertThat(Records.EVENTS.size(ORDERS_0, first.records())).isLessThanOrEqualTo(twoRecords);
        assertThat(batcher.cut().records()).hasSize(2);
        assertThat(batcher.ready(T0)).isFalse();
        assertThat(batcher.cut().records()).extracting(EncodedRecord::offset).containsExactly(4L);
    }

    @Test
    void skippedRecordsKeepTheirPlaceAndAreCoveredByTheBatchAroundThem() {
        var batcher = batcher(2, 6_291_456);
        batcher.add(Entry.skip(0, T0));
        add(batcher, 1, 1, T0);
        batcher.add(Entry.skip(2, T0));
        add(batcher, 3, 3, T0);
        batcher.add(Entry.skip(4, T0));
        add(batcher, 5, 5, T0);
        batcher.add(Entry.skip(6, T0));

        Batch first = batcher.cut();
        Batch second = batcher.cut();

        assertThat(first.records()).extracting(EncodedRecord::offset).containsExactly(1L, 3L);
        assertThat(first.lastOffset()).isEqualTo(4);
        assertThat(second.records()).extracting(EncodedRecord::offset).containsExactly(5L);
        assertThat(second.lastOffset()).isEqualTo(6);
        assertThat(batcher.isEmpty()).isTrue();
    }

    @Test
    void onlySkippedRecordsAreDoneWithAtOnce() {
        var batcher = batcher(2, 6_291_456);
        batcher.add(Entry.skip(7, T0));
        batcher.add(Entry.skip(8, T0));

        assertThat(batcher.ready(T0.plusSeconds(60))).isFalse();
        assertThat(batcher.onlySkipped()).isTrue();
        assertThat(batcher.drainSkipped()).isEqualTo(9);
        assertThat(batcher.isEmpty()).isTrue();
    }

    @Test
    void aRecordOverTheLimitIsABatchOfItsOwnInItsTurn() {
        var batcher = batcher(100, 6_291_456);
        add(batcher, 0, 1, T0);
        batcher.add(Entry.oversized(Records.encoded(ORDERS_0, 2), T0));
        add(batcher, 3, 3, T0);

        assertThat(batcher.ready(T0)).isTrue();
        assertThat(batcher.cut().records()).extracting(EncodedRecord::offset).containsExactly(0L, 1L);
        Batch oversized = batcher.cut();
        assertThat(oversized.oversized()).isTrue();
        assertThat(oversized.lastOffset()).isEqualTo(2);
        assertThat(batcher.ready(T0)).isFalse();
    }

    @Test
    void itCountsTheBytesItHolds() {
        var batcher = batcher(100, 6_291_456);
        add(batcher, 0, 9, T0);
        long held = batcher.bytes();

        Batch batch = batcher.cut();

        assertThat(held).isPositive();
        assertThat(batch.bytes()).isEqualTo(held);
        assertThat(batcher.bytes()).isZero();
    }
}
