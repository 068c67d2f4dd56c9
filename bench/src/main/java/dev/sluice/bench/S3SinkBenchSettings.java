package dev.sluice.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the {@code s3-sink} benchmark writes and how often; the defaults are the published figures'.
 *
 * @param records        records loaded into the topic, and read by each throughput run
 * @param valueBytes     size of each record's value (schema'd JSON, padded to exactly this)
 * @param partitions     the topic's partitions; records are spread over them evenly, round robin
 * @param tasks          the sink's {@code tasks.max}, and the raw S3 run's uploading threads
 * @param flushSize      the sink's {@code flush.size}; each partition's records must fill whole objects
 * @param rounds         rounds of one run of each reader (raw consumer, raw S3 and sink, for each format)
 * @param latencyWindow  how long records are produced, and timed, for the latency figures
 * @param latencyRate    records a second produced during the latency run
 */
public record S3SinkBenchSettings(long records, int valueBytes, int partitions, int tasks, int flushSize, int rounds,
                                  Duration latencyWindow, int latencyRate) {

    // 8 partitions, 1 KiB values, 1,000,000 records: the issue's. flush.size 12,500 divides the 125,000 records of
    // each partition into 10 whole objects (7.4 MiB of gzipped JSON lines, 9.8 MiB of Parquet each), so every
    // record ends up in an object without a time-based rotation. tasks.max=4 on the reference machine's 2 cores: two
    // partitions a task, and one task's upload overlaps with another's encoding. 5 rounds after a smaller warm-up:
    // single runs there vary by up to a factor of two, and the whole benchmark still takes about 6 minutes.
    public static final S3SinkBenchSettings DEFAULTS =
            new S3SinkBenchSettings(1_000_000, 1024, 8, 4, 12_500, 5, Duration.ofSeconds(30), 1000);

    public S3SinkBenchSettings {
        if (records <= 0 || valueBytes <= 0 || partitions <= 0 || tasks <= 0 || flushSize <= 0 || rounds <= 0
                || latencyRate <= 0 || latencyWindow.isNegative() || latencyWindow.isZero()) {
            throw new IllegalArgumentException("every setting must be positive");
        }
        if (records % ((long) partitions * flushSize) != 0) {
            throw new IllegalArgumentException("--records " + records + " must be a multiple of " + partitions
                    + " partitions x flush.size " + flushSize + " (" + (long) partitions * flushSize
                    + "), so that every record ends up in a full object");
        }
    }

    /** The objects one throughput run of the sink writes: all full, {@code flushSize} records each. */
    public long objectsPerRun() {
        return records / flushSize;
    }

    /** The records the latency run produces and times. */
    public long latencyRecords() {
        return latencyWindow.toSeconds() * latencyRate;
    }

    /**
     * The defaults, changed by {@code --records N}, {@code --rounds N}, {@code --tasks N}, {@code --flush-size N}
     * and {@code --latency-seconds N}.
     */
    public static S3SinkBenchSettings parse(List<String> args) {
        Map<String, Long> given = NumericOptions.parse(args,
                Set.of("--records", "--rounds", "--tasks", "--flush-size", "--latency-seconds"));
        return new S3SinkBenchSettings(
                given.getOrDefault("--records", DEFAULTS.records),
                DEFAULTS.valueBytes,
                DEFAULTS.partitions,
                given.getOrDefault("--tasks", (long) DEFAULTS.tasks).intValue(),
                given.getOrDefault("--flush-size", (long) DEFAULTS.flushSize).intValue(),
                given.getOrDefault("--rounds", (long) DEFAULTS.rounds).intValue(),
                given.containsKey("--latency-seconds") ? Duration.ofSeconds(given.get("--latency-seconds"))
                        : DEFAULTS.latencyWindow,
                DEFAULTS.latencyRate);
    }
}
