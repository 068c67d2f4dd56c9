package dev.sluice.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Parses a benchmark's {@code --name N} options: each known name once or not at all, each value a number. */
final class NumericOptions {

    private NumericOptions() {
    }

    /** The values given, by option name ({@code --records}); absent options are absent from the map. */
    static Map<String, Long> parse(List<String> args, Set<String> known) {
        Map<String, Long> values = new HashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            String option = args.get(i);
            if (!known.contains(option)) {
                throw new IllegalArgumentException("unknown option " + option + "; options: "
                        + String.join(" N, ", new TreeSet<>(known)) + " N");
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args.get(i + 1);
            try {
                values.put(option, Long.parseLong(value));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " takes a number, not '" + value + "'");
            }
        }
        return values;
    }
}
