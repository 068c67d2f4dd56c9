package dev.sluice.connect.dynamodb;

import java.util.Locale;

/** How writes guard against an older record replacing a newer one ({@code ordering.mode}). */
public enum OrderingMode {
    /**
     * Unconditional BatchWriteItem: within a batch the last write per key wins; a replay rewrites items in Kafka
     * order, so the table ends as it would have without the crash, but may briefly show older versions.
     */
    NONE,
    /**
     * Conditional PutItem/DeleteItem that store the record's Kafka partition and offset on the item and refuse
     * to replace an item written from a later offset of the same partition, even by another task's replay.
     */
    OFFSET;

    public static OrderingMode parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("Unknown ordering.mode '" + value + "'; use none or offset");
        }
    }
}
