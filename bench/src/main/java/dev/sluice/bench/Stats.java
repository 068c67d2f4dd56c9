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

    /**
     * The nearest-rank percentile: the smallest value with at least {@code percent}% of the values at or below it.
     * With 20 values, p50 is the 10th smallest and p99 the largest.
     */
    public static double percentile(Collection<Double> values, double percent) {
        if (percent <= 0 || percent > 100) {
            throw new IllegalArgumentException("percent must be in (0, 100]: " + percent);
        }
        List<Double> sorted = values.stream().sorted().toList();
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        int rank = (int) Math.ceil(percent / 100 * sorted.size());
        return sorted.get(rank - 1);
    }

    public static double max(Collection<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max()
                .orElseThrow(() -> new IllegalArgumentException("no values"));
    }
}
