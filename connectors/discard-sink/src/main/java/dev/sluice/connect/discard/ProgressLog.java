package dev.sluice.connect.discard;

import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs a task's record count and rate each time the count passes a multiple of {@code every}. */
final class ProgressLog {

    private static final Logger log = LoggerFactory.getLogger(ProgressLog.class);

    private final Time time;
    private final long every;
    private long nextAt;
    private long lastCount;
    private long lastMs;

    ProgressLog(Time time, long every) {
        this.time = time;
        this.every = every;
        this.nextAt = every;
        this.lastMs = time.milliseconds();
    }

    /** @return whether a line was logged */
    boolean update(long count) {
        if (count < nextAt) {
            return false;
        }
        long now = time.milliseconds();
        long elapsedMs = Math.max(1, now - lastMs);
        log.info("Discarded {} records ({} records/s over the last {} ms)",
                count, (count - lastCount) * 1000 / elapsedMs, elapsedMs);
        nextAt = (count / every + 1) * every;
        lastCount = count;
        lastMs = now;
        return true;
    }
}
