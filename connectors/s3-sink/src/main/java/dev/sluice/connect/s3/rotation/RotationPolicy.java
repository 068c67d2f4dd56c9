package dev.sluice.connect.s3.rotation;

import dev.sluice.connect.s3.partition.TimeBuckets;
import java.time.ZoneId;
import java.util.Optional;

/**
 * When to finish the open objects of one topic partition, as Confluent's S3 sink decides.
 *
 * <p>Count ({@code flush.size}) and record time ({@code rotate.interval.ms}, on extracted timestamps) depend only
 * on the records, so a replay cuts the same objects: exactly once. The wall-clock schedule
 * ({@code rotate.schedule.interval.ms}) does not: at least once.
 *
 * @param flushSize          rotate after this many records written
 * @param rotateIntervalMs   rotate before a record whose time is at least the first record's plus this; ≤ 0: off
 * @param scheduleIntervalMs rotate when the clock passes a multiple of this, aligned in {@code zone}; ≤ 0: off
 * @param zone               the zone the schedule is aligned in
 */
public record RotationPolicy(int flushSize, long rotateIntervalMs, long scheduleIntervalMs, ZoneId zone) {

    public RotationPolicy {
        if (flushSize < 1) {
            throw new IllegalArgumentException("flush.size must be at least 1, not " + flushSize);
        }
    }

    /** Whether records' times are needed, so that the timestamp extractor must run on every record. */
    public boolean usesRecordTime() {
        return rotateIntervalMs > 0;
    }

    /** Whether {@code put} with no records must still check the open objects. */
    public boolean usesSchedule() {
        return scheduleIntervalMs > 0;
    }

    /** Starts the state of a topic partition with nothing open. */
    public State newState() {
        return new State();
    }

    /** Before writing a record at {@code recordTimeMs} (ignored unless {@link #usesRecordTime()}). */
    public Optional<RotationReason> beforeWrite(State state, long recordTimeMs, long nowMs) {
        if (state.count == 0) {
            return Optional.empty();
        }
        if (usesRecordTime() && recordTimeMs - state.firstRecordTimeMs >= rotateIntervalMs) {
            return Optional.of(RotationReason.RECORD_TIME);
        }
        return scheduled(state, nowMs);
    }

    /** After a record was written. */
    public Optional<RotationReason> afterWrite(State state, long recordTimeMs, long nowMs) {
        if (state.count == 0) {
            state.firstRecordTimeMs = recordTimeMs;
            state.nextScheduledMs = usesSchedule() ? TimeBuckets.next(nowMs, scheduleIntervalMs, zone) : Long.MAX_VALUE;
        }
        state.count++;
        return state.count >= flushSize ? Optional.of(RotationReason.RECORD_COUNT) : Optional.empty();
    }

    /** When no record comes: only the schedule can rotate. */
    public Optional<RotationReason> idle(State state, long nowMs) {
        return state.count == 0 ? Optional.empty() : scheduled(state, nowMs);
    }

    private Optional<RotationReason> scheduled(State state, long nowMs) {
        return usesSchedule() && nowMs >= state.nextScheduledMs ? Optional.of(RotationReason.SCHEDULE) : Optional.empty();
    }

    /** What the policy tracks for the open objects of one topic partition; reset after each rotation. */
    public static final class State {
        private int count;
        private long firstRecordTimeMs;
        private long nextScheduledMs = Long.MAX_VALUE;

        private State() {
        }

        /** Records written into the open objects. */
        public int count() {
            return count;
        }

        public void reset() {
            count = 0;
            firstRecordTimeMs = 0;
            nextScheduledMs = Long.MAX_VALUE;
        }
    }
}
