package dev.sluice.connect.datagen;

import org.apache.kafka.common.utils.Time;

/**
 * Paces a task to a steady rate. It waits at most {@link #MAX_PAUSE_MS} per call so that a task thread
 * notices {@code stop()} promptly, and lets at most one second of backlog build up (e.g. while the task is
 * paused) so that a resumed task does not burst.
 */
final class Throttle {

    static final long MAX_PAUSE_MS = 100;

    private final Time time;
    private final double perMs;
    private final long maxBacklog;
    private final long startMs;
    private long granted;

    /** @param perMs records per millisecond; 0 or less means unthrottled */
    Throttle(Time time, double perMs) {
        this.time = time;
        this.perMs = perMs;
        this.maxBacklog = (long) Math.ceil(perMs * 1000);
        this.startMs = time.milliseconds();
    }

    /** How many of {@code wanted} records may be produced now; pauses briefly if fewer than all are due. */
    long acquire(long wanted) {
        if (perMs <= 0) {
            return wanted;
        }
        long due = due();
        if (due < wanted) {
            long msUntilAllDue = (long) Math.ceil((granted + wanted) / perMs) - (time.milliseconds() - startMs);
            time.sleep(Math.max(1, Math.min(msUntilAllDue, MAX_PAUSE_MS)));
            due = due();
        }
        long n = Math.max(0, Math.min(due, wanted));
        granted += n;
        return n;
    }

    private long due() {
        long allowed = (long) ((time.milliseconds() - startMs) * perMs);
        granted = Math.max(granted, allowed - Math.max(maxBacklog, 1));
        return allowed - granted;
    }
}
