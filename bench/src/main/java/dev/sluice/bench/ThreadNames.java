package dev.sluice.bench;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Counts live threads by kind: a thread's name with what differs between connectors and instances (connector
 * names, ids, numbers) replaced, so that {@code task-thread-cp-idle-src-3-0} and {@code task-thread-cp-idle-src-4-0}
 * are one kind, {@code task-thread-cp-idle-src-#-#}.
 */
public final class ThreadNames {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}|(?<![0-9a-z])[0-9a-f]{8}(?![0-9a-z])");
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private ThreadNames() {
    }

    /** The kind of a thread named {@code name}: ids become {@code <id>}, other digit runs {@code #}. */
    public static String kind(String name) {
        return NUMBER.matcher(ID.matcher(name).replaceAll("<id>")).replaceAll("#");
    }

    /** How many of {@code names} there are of each kind. */
    public static Map<String, Integer> histogram(Collection<String> names) {
        return names.stream().collect(Collectors.toMap(ThreadNames::kind, n -> 1, Integer::sum, TreeMap::new));
    }

    /** The kinds whose count changed from {@code before} to {@code after}, largest increase first. */
    public static Map<String, Integer> increase(Map<String, Integer> before, Map<String, Integer> after) {
        Map<String, Integer> all = new TreeMap<>();
        after.forEach((kind, n) -> all.merge(kind, n, Integer::sum));
        before.forEach((kind, n) -> all.merge(kind, -n, Integer::sum));
        List<Map.Entry<String, Integer>> changed = all.entrySet().stream().filter(e -> e.getValue() != 0)
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .toList();
        Map<String, Integer> result = new LinkedHashMap<>();
        changed.forEach(e -> result.put(e.getKey(), e.getValue()));
        return result;
    }
}
