package dev.sluice.bench;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.common.utils.Time;

/** Waits for a condition by checking it at a fixed interval, up to a timeout. */
public final class Poller {

    /** A check that may fail with a checked exception (a REST or Admin call). */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    private final Time time;
    private final Duration interval;
    private final Duration timeout;

    public Poller(Time time, Duration interval, Duration timeout) {
        this.time = time;
        this.interval = interval;
        this.timeout = timeout;
    }

    /**
     * @param what describes the wait when it times out, e.g. the last status seen
     * @throws TimeoutException if {@code condition} still does not hold after the timeout
     */
    public void until(Condition condition, Supplier<String> what) throws Exception {
        long deadline = time.milliseconds() + timeout.toMillis();
        while (!condition.holds()) {
            if (time.milliseconds() > deadline) {
                throw new TimeoutException("gave up after " + timeout.toSeconds() + " s waiting for " + what.get());
            }
            time.sleep(interval.toMillis());
        }
    }
}
