package dev.sluice.bench;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the {@code schema-registry} benchmark produces and how often; the defaults are the published figures'.
 *
 * @param records        Avro records each producer run sends
 * @param noteBytes      the length of each record's note field; a record is about 30 B more
 * @param rounds         rounds of one run with the registry and one without, after a warm-up round not counted
 * @param clients        concurrent {@code GetSchemaByDefinition} callers in the latency run
 * @param lookupsPerClient calls each of them makes
 */
public record SchemaRegistryBenchSettings(long records, int noteBytes, int rounds, int clients,
                                          int lookupsPerClient) {

    // the 500,000 records and 50 clients; records of about 1 KiB, as the other benchmarks'; 5 rounds because
    // single runs on a shared machine vary widely
    public static final SchemaRegistryBenchSettings DEFAULTS =
            new SchemaRegistryBenchSettings(500_000, 1000, 5, 50, 200);

    public SchemaRegistryBenchSettings {
        if (records <= 0 || noteBytes < 0 || rounds <= 0 || clients <= 0 || lookupsPerClient <= 0) {
            throw new IllegalArgumentException("every setting must be positive");
        }
    }

    /**
     * The defaults, changed by {@code --records N}, {@code --note-bytes N}, {@code --rounds N}, {@code --clients N},
     * {@code --lookups N}.
     */
    public static SchemaRegistryBenchSettings parse(List<String> args) {
        Map<String, Long> given = NumericOptions.parse(args, Set.of("--records", "--note-bytes", "--rounds",
                "--clients", "--lookups"));
        return new SchemaRegistryBenchSettings(
                given.getOrDefault("--records", DEFAULTS.records),
                given.getOrDefault("--note-bytes", (long) DEFAULTS.noteBytes).intValue(),
                given.getOrDefault("--rounds", (long) DEFAULTS.rounds).intValue(),
                given.getOrDefault("--clients", (long) DEFAULTS.clients).intValue(),
                given.getOrDefault("--lookups", (long) DEFAULTS.lookupsPerClient).intValue());
    }
}
