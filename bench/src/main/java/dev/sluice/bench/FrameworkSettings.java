package dev.sluice.bench;

import java.util.List;

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
        long records = DEFAULTS.records;
        int rounds = DEFAULTS.rounds;
        int creations = DEFAULTS.creations;
        for (int i = 0; i < args.size(); i += 2) {
            String option = args.get(i);
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args.get(i + 1);
            switch (option) {
                case "--records" -> records = number(option, value);
                case "--rounds" -> rounds = (int) number(option, value);
                case "--creations" -> creations = (int) number(option, value);
                default -> throw new IllegalArgumentException(
                        "unknown option " + option + "; options: --records N, --rounds N, --creations N");
            }
        }
        return new FrameworkSettings(records, DEFAULTS.valueBytes, DEFAULTS.partitions, rounds, creations);
    }

    private static long number(String option, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a number, not '" + value + "'");
        }
    }
}
