package dev.sluice.bench;

import java.util.Locale;

/**
 * What a reader consumed between two moments: from the first sample that saw any record to the first sample that
 * saw the last one.
 */
public record Throughput(Counts counted, long nanos) {

    private static final double MIB = 1024.0 * 1024.0;

    public Throughput {
        if (nanos <= 0) {
            throw new IllegalArgumentException("an empty measurement window (" + nanos + " ns)");
        }
    }

    public double recordsPerSecond() {
        return counted.records() * 1e9 / nanos;
    }

    public double mibPerSecond() {
        return counted.bytes() / MIB * 1e9 / nanos;
    }

    /** For example {@code 412,345 records/s (402.7 MiB/s)}. */
    public String describe() {
        return String.format(Locale.ROOT, "%,.0f records/s (%.1f MiB/s)", recordsPerSecond(), mibPerSecond());
    }
}
