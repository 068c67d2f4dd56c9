package dev.sluice.bench;

import java.util.Optional;

/**
 * {@link RateWindow}'s definition of a rate for a reader whose work ends somewhere else than it starts, such as a
 * sink that reads records from Kafka and reports them done only once they are in S3. The window opens at the first
 * sample whose input count is positive (the first record read) and closes at the first whose output count reaches
 * the target (the last record stored). What is counted is what was read within the window and stored by its end:
 * the output at the close minus the input at the open, as {@link RateWindow} leaves out what its first sample saw;
 * their bytes are the output's, pro rata.
 * For a reader whose input and output are the same counter, the two windows agree.
 */
public final class PipelineWindow {

    private final long target;
    private long openNanos;
    private Counts inputAtOpen;
    private Throughput result;

    public PipelineWindow(long target) {
        if (target <= 0) {
            throw new IllegalArgumentException("target must be positive: " + target);
        }
        this.target = target;
    }

    /**
     * Records a sample taken at {@code nanos} (any monotonic origin); returns true once the target is reached.
     *
     * @param input  what the reader has taken in so far
     * @param output what it has finished so far
     */
    public boolean sample(long nanos, Counts input, Counts output) {
        if (result != null) {
            return true;
        }
        if (inputAtOpen == null && input.records() > 0) {
            inputAtOpen = input;
            openNanos = nanos;
        }
        if (inputAtOpen != null && output.records() >= target) {
            if (nanos == openNanos) {
                throw new IllegalStateException("all " + output.records()
                        + " records were read and stored between two samples; sample more often or use more records");
            }
            long counted = output.records() - inputAtOpen.records();
            // The output's bytes (e.g. of compressed objects) need not be the input's: counted pro rata.
            long bytes = Math.round((double) output.bytes() * counted / output.records());
            result = new Throughput(new Counts(counted, bytes), nanos - openNanos);
        }
        return result != null;
    }

    public Optional<Throughput> result() {
        return Optional.ofNullable(result);
    }
}
