package dev.sluice.connect.lambda.dispatch;

import dev.sluice.connect.lambda.event.EncodedRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to stop retrying, as the event source mapping decides: after {@code MaximumRetryAttempts} retries of a
 * function error (-1: never), or once a record is older than {@code MaximumRecordAgeInSeconds}; and how long to wait
 * before each retry: exponential back-off with jitter.
 */
public final class RetryPolicy {

    private final int maxRetryAttempts;
    private final Optional<Duration> maxRecordAge;
    private final long baseBackoffMs;
    private final long maxBackoffMs;
    private final RandomGenerator random;

    /** @param maxRetryAttempts the retries a function error gets; -1 for no limit */
    public RetryPolicy(int maxRetryAttempts, Optional<Duration> maxRecordAge, long baseBackoffMs, long maxBackoffMs,
            RandomGenerator random) {
        this.maxRetryAttempts = maxRetryAttempts;
        this.maxRecordAge = maxRecordAge;
        this.baseBackoffMs = Math.max(1, baseBackoffMs);
        this.maxBackoffMs = Math.max(this.baseBackoffMs, maxBackoffMs);
        this.random = random;
    }

    /** Whether records that have been retried {@code retries} times after function errors may be retried again. */
    public boolean mayRetry(int retries) {
        return maxRetryAttempts < 0 || retries < maxRetryAttempts;
    }

    public int maxRetryAttempts() {
        return maxRetryAttempts;
    }

    public Optional<Duration> maxRecordAge() {
        return maxRecordAge;
    }

    /** Whether the record is too old to be sent to the function; records without a timestamp never are. */
    public boolean expired(EncodedRecord record, Instant now) {
        return maxRecordAge.isPresent() && record.timestamp() >= 0
                && Instant.ofEpochMilli(record.timestamp()).plus(maxRecordAge.get()).isBefore(now);
    }

    /**
     * The wait before the next attempt after {@code failures} consecutive failures: "equal jitter", half of the
     * doubled delay plus a random part of the other half, so that partitions throttled together spread out.
     */
    public long backoffMs(int failures) {
        long ceiling = Math.min(maxBackoffMs, baseBackoffMs << Math.min(Math.max(failures, 1) - 1, 30));
        long half = Math.max(1, ceiling / 2);
        synchronized (random) { // shared by the invoker threads; most generators are not thread-safe
            return half + random.nextLong(ceiling - half + 1);
        }
    }
}
