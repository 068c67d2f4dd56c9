package dev.sluice.bench;

import java.util.Collection;
import java.util.List;

/** Summaries of a handful of measurements. */
public final class Stats {

    private Stats() {
    }

    /** The middle value; for an even count, the mean of the two middle values. */
    public static double median(Collection<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
    }

    public static double max(Collection<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max()
                .orElseThrow(() -> new IllegalArgumentException("no values"));
    }
}
