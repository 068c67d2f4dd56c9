package dev.sluice.connect.lambda.dispatch;

import dev.sluice.connect.lambda.event.EncodedRecord;
import java.time.Instant;

/**
 * A record as a partition's batcher holds it, in offset order. Skipped records (filtered out, or sent to the
 * dead-letter queue) invoke nothing but keep their place, so that their offsets are committed only after the records
 * before them are done.
 *
 * @param record  the record's event form; null for a skipped record
 * @param arrived when the task received it, which starts a batching window
 */
public record Entry(Kind kind, long offset, EncodedRecord record, Instant arrived) {

    public enum Kind {
        /** Goes to the function in a batch. */
        INVOKE,
        /** Invokes nothing; its offset advances with the records around it. */
        SKIP,
        /** Alone over the payload limit: goes straight to the on-failure destination, in its turn. */
        OVERSIZED
    }

    public static Entry invoke(EncodedRecord record, Instant arrived) {
        return new Entry(Kind.INVOKE, record.offset(), record, arrived);
    }

    public static Entry skip(long offset, Instant arrived) {
        return new Entry(Kind.SKIP, offset, null, arrived);
    }

    public static Entry oversized(EncodedRecord record, Instant arrived) {
        return new Entry(Kind.OVERSIZED, record.offset(), record, arrived);
    }

    /** What the entry holds in memory. */
    long bytes() {
        return record == null ? 0 : record.bytes();
    }
}
