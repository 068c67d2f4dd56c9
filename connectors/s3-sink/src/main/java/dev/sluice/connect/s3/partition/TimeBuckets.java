package dev.sluice.connect.s3.partition;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Time buckets aligned to local time in a zone: an hourly bucket starts on the hour and a daily one at local
 * midnight, as Confluent's {@code TimeBasedPartitioner.getPartition} computes them.
 */
public final class TimeBuckets {

    private TimeBuckets() {
    }

    /** The start of the bucket of length {@code durationMs} that holds {@code epochMs}. */
    public static long start(long epochMs, long durationMs, ZoneId zone) {
        long local = toLocal(epochMs, zone);
        return toUtc(Math.floorDiv(local, durationMs) * durationMs, zone);
    }

    /** The start of the bucket after the one that holds {@code epochMs}. */
    public static long next(long epochMs, long durationMs, ZoneId zone) {
        long local = toLocal(epochMs, zone);
        return toUtc(Math.floorDiv(local, durationMs) * durationMs + durationMs, zone);
    }

    private static long toLocal(long epochMs, ZoneId zone) {
        ZoneOffset offset = zone.getRules().getOffset(Instant.ofEpochMilli(epochMs));
        return epochMs + offset.getTotalSeconds() * 1000L;
    }

    private static long toUtc(long localMs, ZoneId zone) {
        LocalDateTime local = LocalDateTime.ofInstant(Instant.ofEpochMilli(localMs), ZoneOffset.UTC);
        // In a daylight-saving gap the local time does not exist; ofLocal moves it forward, as Joda does.
        return ZonedDateTime.ofLocal(local, zone, null).toInstant().toEpochMilli();
    }
}
