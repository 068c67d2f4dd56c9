package dev.sluice.runtime.mskconnect;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

/** The model's {@code date-time} timestamps: ISO 8601 in UTC, to the millisecond. */
public final class Timestamps {

    private Timestamps() {
    }

    public static String now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
