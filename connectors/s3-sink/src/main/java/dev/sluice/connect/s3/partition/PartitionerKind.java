package dev.sluice.connect.s3.partition;

import java.util.Locale;

/**
 * The partitioners ({@code partitioner.class}), by short name or by Confluent's class name so that Confluent
 * configs carry over unchanged.
 */
public enum PartitionerKind {
    DEFAULT("default", "io.confluent.connect.storage.partitioner.DefaultPartitioner"),
    FIELD("field", "io.confluent.connect.storage.partitioner.FieldPartitioner"),
    TIME("time", "io.confluent.connect.storage.partitioner.TimeBasedPartitioner"),
    HOURLY("hourly", "io.confluent.connect.storage.partitioner.HourlyPartitioner"),
    DAILY("daily", "io.confluent.connect.storage.partitioner.DailyPartitioner");

    private final String shortName;
    private final String confluentClass;

    PartitionerKind(String shortName, String confluentClass) {
        this.shortName = shortName;
        this.confluentClass = confluentClass;
    }

    public String shortName() {
        return shortName;
    }

    /** Whether records are partitioned by their time, so that a timestamp extractor is needed. */
    public boolean timeBased() {
        return this == TIME || this == HOURLY || this == DAILY;
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static PartitionerKind parse(String value) {
        String trimmed = value == null ? "" : value.trim();
        for (PartitionerKind kind : values()) {
            if (kind.confluentClass.equals(trimmed) || kind.shortName.equals(trimmed.toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Unknown partitioner '" + value
                + "'; use default, field, time, hourly, daily or a Confluent partitioner class name");
    }

    public static String describe() {
        return "default, field, time, hourly, daily, or the Confluent class name (io.confluent.connect.storage."
                + "partitioner.DefaultPartitioner, FieldPartitioner, TimeBasedPartitioner, HourlyPartitioner, "
                + "DailyPartitioner)";
    }
}
