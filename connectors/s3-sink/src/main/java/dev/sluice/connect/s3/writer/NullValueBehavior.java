package dev.sluice.connect.s3.writer;

import java.util.Locale;

/** What to do with a record whose value is null, a tombstone ({@code behavior.on.null.values}). */
public enum NullValueBehavior {
    /** The record is a bad record: the task fails, or the record goes to the dead-letter queue. */
    FAIL,
    /** Skip the record. */
    IGNORE,
    /** Hand the record to the format, under the {@code tombstone.encoded.partition} folder. */
    WRITE;

    public static NullValueBehavior parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("Unknown behavior.on.null.values '" + value
                    + "'; use fail, ignore or write");
        }
    }
}
