package dev.sluice.bench;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the {@code dynamodb-sink} benchmark writes and how often; the defaults are the published figures'.
 *
 * @param records    records loaded into the topic, and written by each run (raw and sink)
 * @param valueBytes size of each record's value (schemaless JSON, padded to exactly this)
 * @param partitions the topic's partitions; records are spread over them evenly, round robin
 * @param tasks      the sink's {@code tasks.max}, and the raw run's writing threads
 * @param rounds     rounds of one raw run and one sink run, after a warm-up round that is not counted
 */
public record DynamoDbSinkBenchSettings(long records, int valueBytes, int partitions, int tasks, int rounds) {

    // 200,000 records of 1 KiB in 8 partitions: the issue's. tasks.max=4 on the reference machine's 2 cores: two
    // partitions a task, four requests in flight against a stand-in that serves one at a time. 5 rounds after a
    // warm-up round: single runs on a shared machine vary widely, and the whole benchmark takes about 7 minutes.
    public static final DynamoDbSinkBenchSettings DEFAULTS = new DynamoDbSinkBenchSettings(200_000, 1024, 8, 4, 5);

    public DynamoDbSinkBenchSettings {
        if (records <= 0 || valueBytes <= 0 || partitions <= 0 || tasks <= 0 || rounds <= 0) {
            throw new IllegalArgumentException("every setting must be positive");
        }
        if (tasks > partitions) {
            throw new IllegalArgumentException("--tasks " + tasks + " is more than the topic's " + partitions
                    + " partitions: a task beyond them would write nothing, while the raw run would use a thread "
                    + "for it");
        }
    }

    /** The defaults, changed by {@code --records N}, {@code --rounds N} and {@code --tasks N}. */
    public static DynamoDbSinkBenchSettings parse(List<String> args) {
        Map<String, Long> given = NumericOptions.parse(args, Set.of("--records", "--rounds", "--tasks"));
        return new DynamoDbSinkBenchSettings(
                given.getOrDefault("--records", DEFAULTS.records),
                DEFAULTS.valueBytes,
                DEFAULTS.partitions,
                given.getOrDefault("--tasks", (long) DEFAULTS.tasks).intValue(),
                given.getOrDefault("--rounds", (long) DEFAULTS.rounds).intValue());
    }
}
