package dev.sluice.bench;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the {@code cdc-source} benchmark inserts and how often; the defaults are the published figures'.
 *
 * @param records        rows inserted in each round, and read by each run (raw and connector)
 * @param insertBatch    rows in one multi-row {@code INSERT}, one transaction
 * @param warmUpRounds   rounds first run and shown, not counted
 * @param rounds         rounds of one raw run and one connector run, after the warm-up rounds
 * @param latencyRate    rows a second inserted while the commit-to-topic latency is measured
 * @param latencySeconds how long the latency is measured, after a warm-up of {@link #LATENCY_WARM_UP_SECONDS}
 */
public record CdcSourceBenchSettings(long records, int insertBatch, int warmUpRounds, int rounds, int latencyRate,
                                     int latencySeconds) {

    /** Seconds of steady inserts, once the connector streams, before the latency is timed. */
    public static final int LATENCY_WARM_UP_SECONDS = 5;

    // The 200,000 rows and 1,000 rows/s; transactions of 1,000 rows, so that inserting is quick next to
    // reading; 5 rounds, as single runs on a shared machine vary widely, after 3 rounds of warm-up: the JIT compiles
    // the connector's paths (Debezium's, Connect's, the broker's) through the first two.
    public static final CdcSourceBenchSettings DEFAULTS = new CdcSourceBenchSettings(200_000, 1000, 3, 5, 1000, 30);

    public CdcSourceBenchSettings {
        if (records <= 0 || insertBatch <= 0 || warmUpRounds < 0 || rounds <= 0 || latencyRate <= 0
                || latencySeconds <= 0) {
            throw new IllegalArgumentException("every setting must be positive (--warm-up-rounds may be 0)");
        }
        if (records % insertBatch != 0) {
            throw new IllegalArgumentException("--records " + records + " is not a multiple of the " + insertBatch
                    + " rows an INSERT holds");
        }
    }

    /**
     * The defaults, changed by {@code --records N}, {@code --warm-up-rounds N}, {@code --rounds N} and
     * {@code --latency-seconds N}.
     */
    public static CdcSourceBenchSettings parse(List<String> args) {
        Map<String, Long> given = NumericOptions.parse(args, Set.of("--records", "--warm-up-rounds", "--rounds",
                "--latency-seconds"));
        return new CdcSourceBenchSettings(
                given.getOrDefault("--records", DEFAULTS.records),
                DEFAULTS.insertBatch,
                given.getOrDefault("--warm-up-rounds", (long) DEFAULTS.warmUpRounds).intValue(),
                given.getOrDefault("--rounds", (long) DEFAULTS.rounds).intValue(),
                DEFAULTS.latencyRate,
                given.getOrDefault("--latency-seconds", (long) DEFAULTS.latencySeconds).intValue());
    }
}
