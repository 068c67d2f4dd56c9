package dev.sluice.bench;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.common.utils.Time;

/** Samples a reader's counters at a fixed interval until it has read a target number of records. */
public final class CounterSampler {

    private final Time time;
    private final Duration interval;
    private final Duration timeout;

    public CounterSampler(Time time, Duration interval, Duration timeout) {
        this.time = time;
        this.interval = interval;
        this.timeout = timeout;
    }

    /** Samples {@code counters} until it reports {@code target} records; see {@link RateWindow} for the rate. */
    public Throughput await(long target, Supplier<Counts> counters) throws TimeoutException {
        var window = new RateWindow(target);
        long deadline = time.nanoseconds() + timeout.toNanos();
        while (!window.sample(time.nanoseconds(), counters.get())) {
            if (time.nanoseconds() > deadline) {
                throw new TimeoutException("read " + counters.get().records() + " of " + target
                        + " records in " + timeout.toSeconds() + " s");
            }
            time.sleep(interval.toMillis());
        }
        return window.result().orElseThrow();
    }

    /**
     * Samples a pipeline's {@code input} and {@code output} counters until the output reports {@code target}
     * records; see {@link PipelineWindow} for the rate.
     */
    public Throughput await(long target, Supplier<Counts> input, Supplier<Counts> output) throws TimeoutException {
        var window = new PipelineWindow(target);
        long deadline = time.nanoseconds() + timeout.toNanos();
        while (!window.sample(time.nanoseconds(), input.get(), output.get())) {
            if (time.nanoseconds() > deadline) {
                throw new TimeoutException("read " + input.get().records() + " and finished " + output.get().records()
                        + " of " + target + " records in " + timeout.toSeconds() + " s");
            }
            time.sleep(interval.toMillis());
        }
        return window.result().orElseThrow();
    }
}
