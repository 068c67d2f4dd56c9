package dev.sluice.connect.dynamodb;

import java.util.Locale;

/** What to do with a record whose value is null, a tombstone ({@code behavior.on.null.values}). */
public enum NullValueBehavior {
    /** Delete the item that the record's key names. */
    DELETE,
    /** Skip the record. */
    IGNORE,
    /** The record is a bad record: the task fails, or the record goes to the dead-letter queue. */
    FAIL;

    public static NullValueBehavior parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("Unknown behavior.on.null.values '" + value
                    + "'; use delete, ignore or fail");
        }
    }
}
