package dev.sluice.connect.s3.partition;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * How records are spread over folders, parsed once from the connector config.
 *
 * @param kind               {@code partitioner.class}
 * @param fieldNames         {@code partition.field.name}, for the field partitioner
 * @param pathFormat         {@code path.format}, a Joda-Time pattern, for the time partitioner
 * @param durationMs         {@code partition.duration.ms}, for the time partitioner
 * @param locale             {@code locale}; {@link Locale#ROOT} when unset
 * @param zone               {@code timezone}; UTC when unset
 * @param timestampSource    {@code timestamp.extractor}
 * @param timestampField     {@code timestamp.field}, for the RecordField extractor
 * @param directoryDelim     {@code directory.delim}, between the parts of an encoded partition
 */
public record PartitionerSettings(
        PartitionerKind kind,
        List<String> fieldNames,
        String pathFormat,
        long durationMs,
        Locale locale,
        ZoneId zone,
        TimestampSource timestampSource,
        String timestampField,
        String directoryDelim) {

    public PartitionerSettings {
        fieldNames = List.copyOf(fieldNames);
    }

    /** The configured timestamp extractor; {@code clock} serves the Wallclock one. */
    public TimestampExtractor timestampExtractor(Clock clock) {
        return switch (timestampSource) {
            case RECORD -> new TimestampExtractor.RecordTime();
            case RECORD_FIELD -> new TimestampExtractor.RecordField(timestampField, zone);
            case WALLCLOCK -> new TimestampExtractor.Wallclock(clock);
        };
    }

    /** Builds the configured partitioner. */
    public Partitioner partitioner(Clock clock) {
        return switch (kind) {
            case DEFAULT -> new DefaultPartitioner();
            case FIELD -> new FieldPartitioner(fieldNames, directoryDelim);
            case TIME -> time(pathFormat, durationMs, clock);
            case HOURLY -> time(TimeBasedPartitioner.HOURLY_PATH_FORMAT, TimeBasedPartitioner.HOURLY_DURATION_MS, clock);
            case DAILY -> time(TimeBasedPartitioner.DAILY_PATH_FORMAT, TimeBasedPartitioner.DAILY_DURATION_MS, clock);
        };
    }

    private Partitioner time(String format, long duration, Clock clock) {
        return new TimeBasedPartitioner(format, directoryDelim, duration, locale, zone, timestampExtractor(clock));
    }

    /** Checks a {@code path.format}; used by the config's validator. */
    public static void checkPathFormat(String pattern) {
        JodaPattern.toFormatter(pattern, Locale.ROOT);
    }
}
