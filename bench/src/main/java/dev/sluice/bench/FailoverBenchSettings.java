package dev.sluice.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the {@code failover} benchmark runs; the defaults are the published figures'.
 *
 * @param rounds             node kills, one per round, rotating over the three nodes
 * @param rate               records a second the producer writes throughout, spread evenly over the partitions
 * @param valueBytes         size of each record's value (a JSON object padded to about this)
 * @param partitions         the topic's partitions
 * @param tasks              the sink's {@code tasks.max}
 * @param flushSize          the sink's {@code flush.size}: objects are cut by count only, so exactly once
 * @param steadyWindow       how long the committed rate is measured before each kill
 * @param rateWindow         the sliding window over which the committed rate after the kill is measured
 * @param recoveryTimeout    how long a round waits for the tasks and the rate to come back before it fails
 * @param consumerSessionMs  {@code consumer.override.session.timeout.ms} on the connector; 0 leaves the default
 */
public record FailoverBenchSettings(int rounds, int rate, int valueBytes, int partitions, int tasks, int flushSize,
                                    Duration steadyWindow, Duration rateWindow, Duration recoveryTimeout,
                                    long consumerSessionMs) {

    // 2,000 records/s of about 200 B into 6 partitions: 333 records/s a partition, an object of 250 records per
    // partition every 0.75 s, so a 3 s window sees about 4 objects of each partition and the committed rate is smooth
    // to a few per cent. tasks.max=6: one partition a task, two tasks a worker.
    public static final FailoverBenchSettings DEFAULTS = new FailoverBenchSettings(5, 2000, 200, 6, 6, 250,
            Duration.ofSeconds(10), Duration.ofSeconds(3), Duration.ofMinutes(4), 0);

    public FailoverBenchSettings {
        if (rounds <= 0 || rate <= 0 || valueBytes <= 0 || partitions <= 0 || tasks <= 0 || flushSize <= 0
                || consumerSessionMs < 0) {
            throw new IllegalArgumentException("every setting must be positive");
        }
    }

    /** The defaults, changed by {@code --rounds N}, {@code --rate N} and {@code --consumer-session-ms N}. */
    public static FailoverBenchSettings parse(List<String> args) {
        Map<String, Long> given = NumericOptions.parse(args, Set.of("--rounds", "--rate", "--consumer-session-ms"));
        return new FailoverBenchSettings(
                given.getOrDefault("--rounds", (long) DEFAULTS.rounds).intValue(),
                given.getOrDefault("--rate", (long) DEFAULTS.rate).intValue(),
                DEFAULTS.valueBytes, DEFAULTS.partitions, DEFAULTS.tasks, DEFAULTS.flushSize,
                DEFAULTS.steadyWindow, DEFAULTS.rateWindow, DEFAULTS.recoveryTimeout,
                given.getOrDefault("--consumer-session-ms", DEFAULTS.consumerSessionMs));
    }
}
