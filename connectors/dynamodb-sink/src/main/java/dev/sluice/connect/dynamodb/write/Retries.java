package dev.sluice.connect.dynamodb.write;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;
import org.apache.kafka.connect.errors.RetriableException;

/**
 * The retry budget of one request within a task: at most {@code max.retries} retries and
 * {@code aws.dynamodb.max.retry.time.seconds}, with exponential back-off and jitter between them. Past the budget
 * the caller throws {@link RetriableException} and the worker takes over retrying.
 */
public final class Retries {

    /** Back-offs within a task stop growing here. */
    static final long MAX_BACKOFF_MS = 20_000;

    private final int maxRetries;
    private final long baseBackoffMs;
    private final Duration maxTime;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RandomGenerator random;

    public Retries(int maxRetries, long baseBackoffMs, Duration maxTime, Clock clock, Sleeper sleeper,
            RandomGenerator random) {
        this.maxRetries = maxRetries;
        this.baseBackoffMs = Math.max(1, baseBackoffMs);
        this.maxTime = maxTime;
        this.clock = clock;
        this.sleeper = sleeper;
        this.random = random;
    }

    /** Starts the budget of one request. */
    public Run start() {
        return new Run(clock.instant().plus(maxTime));
    }

    /**
     * Exponential back-off with "equal jitter": half of the doubled delay, plus a random part of the other half,
     * so that tasks throttled together spread out while each still waits longer after each failure.
     */
    long backoffMs(int retry) {
        long ceiling = Math.min(MAX_BACKOFF_MS, baseBackoffMs << Math.min(retry - 1, 30));
        long half = Math.max(1, ceiling / 2);
        return half + random.nextLong(ceiling - half + 1);
    }

    /** One request's retries. */
    public final class Run {

        private final Instant deadline;
        private int retries;

        private Run(Instant deadline) {
            this.deadline = deadline;
        }

        /**
         * Waits before the next retry and returns true, or returns false when the budget is spent.
         *
         * @throws RetriableException if the thread is interrupted while waiting (the task is stopping)
         */
        public boolean backOff() {
            if (retries >= maxRetries || !clock.instant().isBefore(deadline)) {
                return false;
            }
            retries++;
            try {
                sleeper.sleep(backoffMs(retries));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RetriableException("Interrupted while waiting to retry a DynamoDB request", e);
            }
            return true;
        }

        public int retries() {
            return retries;
        }
    }
}
