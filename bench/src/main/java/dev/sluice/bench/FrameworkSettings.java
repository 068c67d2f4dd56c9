package dev.sluice.bench;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the {@code framework} benchmark reads and how often; the defaults are the published figures'.
 *
 * @param records    records loaded into the topic, and read by each run
 * @param valueBytes size of each record's value
 * @param partitions the topic's partitions
 * @param rounds     rounds of one raw run and one framework run each
 * @param creations  connector creations timed from {@code POST /connectors} to RUNNING
 */
public record FrameworkSettings(long records, int valueBytes, int partitions, int rounds, int creations) {

    // 4 partitions: more than one, so a single consumer interleaves fetches from several partitions as sink tasks
    // usually do, and enough for the tasks.max=partitions run to use both cores of the reference machine; few
    // enough that 1,000,000 records still make 250,000 per partition, long runs per fetch.
    // 7 rounds, after a warm-up: the reference machine's two shared cores make single runs vary by +-20%, and the
    // whole benchmark still takes about three minutes.
    public static final FrameworkSettings DEFAULTS = new FrameworkSettings(1_000_000, 1024, 4, 7, 10);

    public FrameworkSettings {
        if (records <= 0 || valueBytes <= 0 || partitions <= 0 || rounds <= 0 || creations <= 0) {
            throw new IllegalArgumentException("every setting must be positive");
        }
    }

    /** The defaults, changed by {@code --records N}, {@code --rounds N} and {@code --creations N}. */
    public static FrameworkSettings parse(List<String> args) {
        Map<String, Long> given = NumericOptions.parse(args, Set.of("--records", "--rounds", "--creations"));
        return new FrameworkSettings(given.getOrDefault("--records", DEFAULTS.records), DEFAULTS.valueBytes,
                DEFAULTS.partitions, given.getOrDefault("--rounds", (long) DEFAULTS.rounds).intValue(),
                given.getOrDefault("--creations", (long) DEFAULTS.creations).intValue());
    }
}
