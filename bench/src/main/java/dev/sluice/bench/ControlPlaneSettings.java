package dev.sluice.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the {@code control-plane} benchmark creates and how long it waits; the defaults are the published figures'.
 *
 * @param creations  datagen sources created one after another, each timed from {@code POST /v1/connectors} to
 *                   RUNNING
 * @param pairs      idle datagen-to-discard pairs (two connectors each) whose memory is measured
 * @param idle       how long the pairs run before the memory is read
 * @param runningBound how long all the pairs may take to reach RUNNING before the benchmark reports how many did
 */
public record ControlPlaneSettings(int creations, int pairs, Duration idle, Duration runningBound) {

    // 20 creations: enough for a p99 that is not just the one slow outlier of ten; 25 pairs: the goal of
    // 50 connectors on one node.
    public static final ControlPlaneSettings DEFAULTS =
            new ControlPlaneSettings(20, 25, Duration.ofSeconds(20), Duration.ofMinutes(5));

    public ControlPlaneSettings {
        if (creations <= 0 || pairs <= 0 || idle.isNegative() || runningBound.isNegative()
                || runningBound.isZero()) {
            throw new IllegalArgumentException("every setting must be positive");
        }
    }

    /** The connectors of the memory phase: a source and a sink per pair. */
    public int idleConnectors() {
        return 2 * pairs;
    }

    /** The defaults, changed by {@code --creations N}, {@code --pairs N} and {@code --idle-seconds N}. */
    public static ControlPlaneSettings parse(List<String> args) {
        Map<String, Long> given = NumericOptions.parse(args, Set.of("--creations", "--pairs", "--idle-seconds"));
        return new ControlPlaneSettings(
                given.getOrDefault("--creations", (long) DEFAULTS.creations).intValue(),
                given.getOrDefault("--pairs", (long) DEFAULTS.pairs).intValue(),
                given.containsKey("--idle-seconds") ? Duration.ofSeconds(given.get("--idle-seconds")) : DEFAULTS.idle,
                DEFAULTS.runningBound);
    }
}
