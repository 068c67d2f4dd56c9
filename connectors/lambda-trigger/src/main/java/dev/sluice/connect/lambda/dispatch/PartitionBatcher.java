package dev.sluice.connect.lambda.dispatch;

import dev.sluice.connect.lambda.event.EncodedRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.TopicPartition;

/**
 * Gathers one partition's records into batches as the event source mapping does: a batch is ready when it has
 * {@code aws.lambda.batch.size} records, when one more would take its event over the payload limit, or when the
 * batching window has passed since its first record arrived. Not thread-safe: the dispatcher guards it.
 */
final class PartitionBatcher {

    private final TopicPartition partition;
    private final int batchSize;
    private final long maxPayloadBytes;
    private final long overheadBytes;
    private final Duration window;
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    /** Entries that go to the function or the destination, that is all but the skipped ones. */
    private int invokable;
    private int oversized;
    /** The sum of the JSON sizes of the INVOKE entries. */
    private long jsonBytes;
    private long bytes;

    /** @param overheadBytes the size of this partition's event without records */
    PartitionBatcher(TopicPartition partition, int batchSize, long maxPayloadBytes, long overheadBytes,
            Duration window) {
        this.partition = partition;
        this.batchSize = batchSize;
        this.maxPayloadBytes = maxPayloadBytes;
        this.overheadBytes = overheadBytes;
        this.window = window;
    }

    void add(Entry entry) {
        entries.addLast(entry);
        bytes += entry.bytes();
        switch (entry.kind()) {
            case INVOKE -> {
                invokable++;
                jsonBytes += entry.record().json().length;
            }
            case OVERSIZED -> {
                invokable++;
                oversized++;
            }
            case SKIP -> {
            }
        }
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Whether everything held is skipped records, which can be done with at once. */
    boolean onlySkipped() {
        return !entries.isEmpty() && invokable == 0;
    }

    /** Drops the skipped records held, when {@link #onlySkipped}; returns the offset after the last. */
    long drainSkipped() {
        long last = entries.peekLast().offset();
        entries.clear();
        return last + 1;
    }

    /** What the records held take in memory. */
    long bytes() {
        return bytes;
    }

    boolean ready(Instant now) {
        if (invokable == 0) {
            return false;
        }
        if (oversized > 0 || invokable >= batchSize) {
            return true;
        }
        long eventBytes = overheadBytes + jsonBytes + invokable - 1;
        if (eventBytes > maxPayloadBytes) {
            return true;
        }
        Instant first = firstInvokableArrival();
        return !now.isBefore(first.plus(window));
    }

    /** Takes the next batch from the front; call when {@link #ready} (or to flush what is there). */
    Batch cut() {
        List<EncodedRecord> records = new ArrayList<>();
        long lastOffset = -1;
        long eventBytes = overheadBytes;
        long batchBytes = 0;
        while (!entries.isEmpty()) {
            Entry entry = entries.peekFirst();
            if (entry.kind() == Entry.Kind.OVERSIZED) {
                if (!records.isEmpty()) {
                    break;
                }
                take();
                return new Batch(partition, List.of(entry.record()), true, entry.offset(), entry.bytes());
            }
            if (entry.kind() == Entry.Kind.INVOKE) {
                long added = entry.record().json().length + (records.isEmpty() ? 0 : 1);
                if (records.size() == batchSize || (!records.isEmpty() && eventBytes + added > maxPayloadBytes)) {
                    break;
                }
                records.add(entry.record());
                eventBytes += added;
                batchBytes += entry.bytes();
            }
            take();
            lastOffset = entry.offset();
        }
        return new Batch(partition, List.copyOf(records), false, lastOffset, batchBytes);
    }

    private void take() {
        Entry entry = entries.pollFirst();
        bytes -= entry.bytes();
        switch (entry.kind()) {
            case INVOKE -> {
                invokable--;
                jsonBytes -= entry.record().json().length;
            }
            case OVERSIZED -> {
                invokable--;
                oversized--;
            }
            case SKIP -> {
            }
        }
    }

    private Instant firstInvokableArrival() {
        for (Entry entry : entries) {
            if (entry.kind() != Entry.Kind.SKIP) {
                return entry.arrived();
            }
        }
        throw new IllegalStateException("No record to invoke");
    }
}
