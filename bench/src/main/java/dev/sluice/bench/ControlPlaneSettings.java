package dev.sluice.bench;

import java.time.Duration;
import java.util.List;

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
        int creations = DEFAULTS.creations;
        int pairs = DEFAULTS.pairs;
        Duration idle = DEFAULTS.idle;
        for (int i = 0; i < args.size(); i += 2) {
            String option = args.get(i);
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args.get(i + 1);
            switch (option) {
                case "--creations" -> creations = number(option, value);
                case "--pairs" -> pairs = number(option, value);
                case "--idle-seconds" -> idle = Duration.ofSeconds(number(option, value));
                default -> throw new IllegalArgumentException(
                        "unknown option " + option + "; options: --creations N, --pairs N, --idle-seconds N");
            }
        }
        return new ControlPlaneSettings(creations, pairs, idle, DEFAULTS.runningBound);
    }

    private static int number(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a number, not '" + value + "'");
        }
    }
}
