package dev.sluice.bench;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the {@code lambda-trigger} benchmark sends and how often; the defaults are the published figures'.
 *
 * @param records    records loaded into the topic, and sent by each run (raw and connector)
 * @param valueBytes size of each record's value
 * @param partitions the topic's partitions; records are spread over them evenly
 * @param tasks      the connector's {@code tasks.max}
 * @param batchSize  records an event holds: the connector's {@code aws.lambda.batch.size} (Lambda's default, 100)
 * @param rounds     rounds of one raw run and one connector run, after a warm-up round that is not counted
 */
public record LambdaTriggerBenchSettings(long records, int valueBytes, int partitions, int tasks, int batchSize,
                                         int rounds) {

    // The 200,000 records of 1 KiB; 8 partitions as the other sink benchmarks; Lambda's default batch size.
    // tasks.max=1, Kafka Connect's default: one task already invokes its partitions concurrently (up to
    // aws.lambda.max.concurrent.invocations, 10), so it gives the raw run's 8 calls in flight; more tasks add
    // consumers and threads, not concurrency. 5 rounds after a warm-up round, as single runs on a shared machine
    // vary widely.
    /** Events of this many 1 KiB records (about 1.5 KB each in the event) stay under Lambda's 6 MB payload limit. */
    static final int MAX_BATCH_SIZE = 4_000;

    public static final LambdaTriggerBenchSettings DEFAULTS =
            new LambdaTriggerBenchSettings(200_000, 1024, 8, 1, 100, 5);

    public LambdaTriggerBenchSettings {
        if (records <= 0 || valueBytes <= 0 || partitions <= 0 || tasks <= 0 || batchSize <= 0 || rounds <= 0) {
            throw new IllegalArgumentException("every setting must be positive");
        }
        if (tasks > partitions) {
            throw new IllegalArgumentException("--tasks " + tasks + " is more than the topic's " + partitions
                    + " partitions");
        }
        if (batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("--batch-size " + batchSize + " is over " + MAX_BATCH_SIZE
                    + ": the raw run's events of 1 KiB records would pass Lambda's 6 MB invoke payload limit");
        }
    }

    /**
     * The calls in flight at once, in both runs: the connector invokes one batch per partition at a time, and its
     * tasks together hold every partition.
     */
    public int concurrency() {
        return partitions;
    }

    /**
     * The defaults, changed by {@code --records N}, {@code --rounds N}, {@code --tasks N} and {@code --batch-size N}
     * (both runs' records per event, at most {@link #MAX_BATCH_SIZE}).
     */
    public static LambdaTriggerBenchSettings parse(List<String> args) {
        Map<String, Long> given = NumericOptions.parse(args, Set.of("--records", "--rounds", "--tasks",
                "--batch-size"));
        return new LambdaTriggerBenchSettings(
                given.getOrDefault("--records", DEFAULTS.records),
                DEFAULTS.valueBytes,
                DEFAULTS.partitions,
                given.getOrDefault("--tasks", (long) DEFAULTS.tasks).intValue(),
                given.getOrDefault("--batch-size", (long) DEFAULTS.batchSize).intValue(),
                given.getOrDefault("--rounds", (long) DEFAULTS.rounds).intValue());
    }
}
