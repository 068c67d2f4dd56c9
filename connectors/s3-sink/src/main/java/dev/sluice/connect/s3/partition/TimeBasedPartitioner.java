package dev.sluice.connect.s3.partition;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Partitions by time: the record's time (from a {@link TimestampExtractor}) is floored to a bucket of
 * {@code partition.duration.ms} in {@code timezone}, then formatted with {@code path.format}, a Joda-Time pattern
 * as Confluent's TimeBasedPartitioner takes ({@code 'year'=YYYY/'month'=MM/'day'=dd/'hour'=HH}).
 */
public final class TimeBasedPartitioner implements Partitioner {

    /** Confluent's HourlyPartitioner. */
    public static final String HOURLY_PATH_FORMAT = "'year'=YYYY/'month'=MM/'day'=dd/'hour'=HH";
    public static final long HOURLY_DURATION_MS = 3_600_000L;
    /** Confluent's DailyPartitioner. */
    public static final String DAILY_PATH_FORMAT = "'year'=YYYY/'month'=MM/'day'=dd";
    public static final long DAILY_DURATION_MS = 86_400_000L;

    private final long durationMs;
    private final ZoneId zone;
    private final DateTimeFormatter formatter;
    private final TimestampExtractor extractor;

    /**
     * @param pathFormat a Joda-Time pattern; a trailing {@code directoryDelim} is dropped, as Confluent does
     * @throws IllegalArgumentException when the pattern is not valid
     */
    public TimeBasedPartitioner(String pathFormat, String directoryDelim, long durationMs, Locale locale,
            ZoneId zone, TimestampExtractor extractor) {
        if (durationMs <= 0) {
            throw new IllegalArgumentException("partition.duration.ms must be positive, not " + durationMs);
        }
        String format = pathFormat.endsWith(directoryDelim) && !directoryDelim.isEmpty()
                ? pathFormat.substring(0, pathFormat.length() - directoryDelim.length())
                : pathFormat;
        this.durationMs = durationMs;
        this.zone = zone;
        this.formatter = JodaPattern.toFormatter(format, locale).withZone(zone);
        this.extractor = extractor;
    }

    @Override
    public String encodePartition(SinkRecord record) {
        long bucket = TimeBuckets.start(extractor.extract(record), durationMs, zone);
        return formatter.format(Instant.ofEpochMilli(bucket));
    }
}
