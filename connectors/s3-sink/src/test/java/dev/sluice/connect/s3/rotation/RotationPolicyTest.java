package dev.sluice.connect.s3.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RotationPolicyTest {

    private static final long NOW = Instant.parse("2026-11-25T21:10:00Z").toEpochMilli();

    @Test
    void countRotatesAfterFlushSizeRecords() {
        var policy = new RotationPolicy(2, -1, -1, ZoneOffset.UTC);
        var state = policy.newState();

        assertThat(policy.afterWrite(state, 0, NOW)).isEmpty();
        assertThat(policy.afterWrite(state, 0, NOW)).contains(RotationReason.RECORD_COUNT);
    }

    @Test
    void recordTimeRotatesBeforeARecordAtTheFirstTimePlusTheInterval() {
        var policy = new RotationPolicy(100, 1000, -1, ZoneOffset.UTC);
        var state = policy.newState();
        assertThat(policy.beforeWrite(state, 5000, NOW)).isEmpty();
        policy.afterWrite(state, 5000, NOW);

        assertThat(policy.beforeWrite(state, 5999, NOW)).isEmpty();
        assertThat(policy.beforeWrite(state, 6000, NOW)).contains(RotationReason.RECORD_TIME);
        // Late records never rotate, whatever the wall clock says.
        assertThat(policy.beforeWrite(state, 10, NOW + 1_000_000)).isEmpty();
    }

    @Test
    void scheduleIsAlignedToTheClockInTheZone() {
        long hour = 3_600_000;
        var policy = new RotationPolicy(100, -1, 24 * hour, ZoneId.of("Asia/Kolkata"));
        var state = policy.newState();
        assertThat(policy.idle(state, NOW)).isEmpty(); // nothing open

        policy.afterWrite(state, 0, NOW); // 02:40 on the 26th in Kolkata
        long midnightKolkata = Instant.parse("2026-11-26T18:30:00Z").toEpochMilli();

        assertThat(policy.idle(state, midnightKolkata - 1)).isEmpty();
        assertThat(policy.idle(state, midnightKolkata)).isEqualTo(Optional.of(RotationReason.SCHEDULE));
        assertThat(policy.beforeWrite(state, 0, midnightKolkata)).contains(RotationReason.SCHEDULE);

        state.reset();
        assertThat(policy.idle(state, midnightKolkata + 1)).isEmpty();
    }
}
