package dev.sluice.connect.dynamodb;

import dev.sluice.connect.common.testing.MutableClock;
import dev.sluice.connect.dynamodb.write.Sleeper;
import java.util.ArrayList;
import java.util.List;

/** Records the waits instead of waiting, and moves the clock on by each. */
public final class RecordingSleeper implements Sleeper {

    private final MutableClock clock;
    private final List<Long> sleeps = new ArrayList<>();

    public RecordingSleeper(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void sleep(long millis) {
        sleeps.add(millis);
        clock.advanceMs(millis);
    }

    public synchronized List<Long> sleeps() {
        return List.copyOf(sleeps);
    }
}
