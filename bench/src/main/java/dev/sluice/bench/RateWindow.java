package dev.sluice.bench;

import java.util.Optional;

/**
 * The one definition of a rate that every reader in a benchmark is held to. Fed samples of a reader's counters,
 * it keeps the first sample that saw any record and the first that saw {@code target} records; the rate is what
 * was counted between them divided by the time between them. Start-up (joining the group, the first fetch) is
 * outside the window, for the raw consumer and the connector alike.
 */
public final class RateWindow {

    private final long target;
    private long firstNanos;
    private Counts first;
    private Throughput result;

    public RateWindow(long target) {
        if (target <= 0) {
            throw new IllegalArgumentException("target must be positive: " + target);
        }
        this.target = target;
    }

    /** Records a sample taken at {@code nanos} (any monotonic origin); returns true once the target is reached. */
    public boolean sample(long nanos, Counts counts) {
        if (result != null) {
            return true;
        }
        if (first == null && counts.records() > 0) {
            first = counts;
            firstNanos = nanos;
        }
        if (first != null && counts.records() >= target) {
            if (nanos == firstNanos) {
                throw new IllegalStateException("all " + counts.records()
                        + " records arrived between two samples; sample more often or read more records");
            }
            result = new Throughput(counts.minus(first), nanos - firstNanos);
        }
        return result != null;
    }

    public Optional<Throughput> result() {
        return Optional.ofNullable(result);
    }
}
