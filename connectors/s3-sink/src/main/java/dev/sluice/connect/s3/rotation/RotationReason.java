package dev.sluice.connect.s3.rotation;

/** Why the open objects of a topic partition were finished. */
public enum RotationReason {
    /** {@code flush.size} records were written. */
    RECORD_COUNT,
    /** A record's time reached the first record's time plus {@code rotate.interval.ms}. */
    RECORD_TIME,
    /** The wall clock passed a {@code rotate.schedule.interval.ms} boundary. */
    SCHEDULE,
    /** A record's schema cannot go into the open object ({@code schema.compatibility}). */
    SCHEMA_CHANGE
}
