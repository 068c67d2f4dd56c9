package dev.sluice.connect.lambda.dispatch;

import dev.sluice.connect.lambda.destination.FailureReport;
import dev.sluice.connect.lambda.destination.FailureReport.Condition;
import dev.sluice.connect.lambda.destination.OnFailureDestination;
import dev.sluice.connect.lambda.event.EncodedRecord;
import dev.sluice.connect.lambda.invoke.InvokeOutcome;
import dev.sluice.connect.lambda.invoke.Invoker;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one batch to its end, as the event source mapping does: invokes the function; after a function error retries
 * with back-off (bisecting the batch first, if configured) until {@link RetryPolicy} gives up; after a partial batch
 * response retries only from the earliest failed record; after throttling or Lambda's own errors retries without
 * counting; and sets records aside in the on-failure destination when they exhaust their retries, grow too old, or are
 * alone over the payload limit. Without a destination, giving up on a record fails the task.
 *
 * <p>Runs on an invoker thread, one batch of a partition at a time, so the partition's records stay in order.
 */
public final class BatchProcessor {

    private static final Logger log = LoggerFactory.getLogger(BatchProcessor.class);
    /** Consecutive failures of a batch are logged at WARN the first time and then every this many. */
    private static final int WARN_EVERY = 10;

    private final Invoker invoker;
    private final RetryPolicy policy;
    private final boolean bisect;
    private final Optional<OnFailureDestination> destination;
    private final int maxPayloadBytes;
    private final Sleeper sleeper;
    private final Clock clock;

    public BatchProcessor(Invoker invoker, RetryPolicy policy, boolean bisect,
            Optional<OnFailureDestination> destination, int maxPayloadBytes, Sleeper sleeper, Clock clock) {
        this.invoker = invoker;
        this.policy = policy;
        this.bisect = bisect;
        this.destination = destination;
        this.maxPayloadBytes = maxPayloadBytes;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /**
     * Records still to be invoked, with what they went through so far.
     *
     * @param retries  retries after function errors so far
     * @param invokes  invocations so far
     * @param response Lambda's answer to the last invocation that failed, if any
     */
    private record Work(List<EncodedRecord> records, int retries, int invokes,
            Optional<InvokeOutcome.ResponseContext> response, Optional<String> requestId) {
    }

    /**
     * @param cancelled true once the partition is revoked or the task stops: the batch is left unfinished
     * @return whether the batch is done (every record succeeded, was set aside, or skipped), so that its offsets may be
     *         committed; false when it was cancelled
     * @throws ConnectException     when the task must fail: a record is given up on without a destination, the
     *                              destination cannot be written, or the function cannot be invoked at all
     * @throws InterruptedException when the task is stopping
     */
    public boolean process(Batch batch, BooleanSupplier cancelled) throws InterruptedException {
        if (batch.oversized()) {
            giveUp(Condition.MAXIMUM_PAYLOAD_SIZE_EXCEEDED, new Work(batch.records(), 0, 0, Optional.empty(),
                    Optional.empty()));
            return true;
        }
        Deque<Work> work = new ArrayDeque<>();
        work.add(new Work(batch.records(), 0, 0, Optional.empty(), Optional.empty()));
        int failures = 0;
        while (!work.isEmpty()) {
            if (cancelled.getAsBoolean()) {
                return false;
            }
            Work next = withoutExpired(work.pollFirst());
            if (next.records().isEmpty()) {
                continue;
            }
            InvokeOutcome outcome = invoker.invoke(batch.partition(), next.records());
            if (outcome instanceof InvokeOutcome.Succeeded) {
                failures = 0;
            } else if (outcome instanceof InvokeOutcome.Failed failed) {
                failures = retryFailed(work, next, failed) ? failures + 1 : 0;
                if (failures > 0) {
                    sleeper.sleep(policy.backoffMs(failures));
                }
            } else if (outcome instanceof InvokeOutcome.Transient transientFailure) {
                failures++;
                work.addFirst(new Work(next.records(), next.retries(), next.invokes() + 1, next.response(),
                        next.requestId()));
                long backoff = policy.backoffMs(failures);
                logTransient(batch, next, failures, backoff, transientFailure);
                sleeper.sleep(backoff);
            } else if (outcome instanceof InvokeOutcome.TooLarge) {
                splitTooLarge(work, next);
            } else if (outcome instanceof InvokeOutcome.Fatal fatal) {
                throw fatal.exception();
            }
        }
        return true;
    }

    /**
     * After a function error, or a partial batch response, from record {@code firstFailed} on.
     *
     * @return whether the failed records will be retried (after a back-off)
     */
    private boolean retryFailed(Deque<Work> work, Work tried, InvokeOutcome.Failed failed)
            throws InterruptedException {
        List<EncodedRecord> records = tried.records().subList(failed.firstFailed(), tried.records().size());
        var outcome = new Work(List.copyOf(records), tried.retries(), tried.invokes() + 1,
                Optional.of(failed.response()), Optional.ofNullable(failed.requestId()));
        if (!policy.mayRetry(tried.retries())) {
            giveUp(Condition.RETRY_ATTEMPTS_EXHAUSTED, outcome);
            return false;
        }
        int retries = tried.retries() + 1;
        if (retries == 1 || retries % WARN_EVERY == 0) {
            log.warn("The function {} failed {} of {} records of {} ({}); retry {} of {}", invoker.function(),
                    records.size(), tried.records().size(), records.get(0).partition(),
                    failed.response().errorMessage(), retries,
                    policy.maxRetryAttempts() < 0 ? "unlimited" : policy.maxRetryAttempts());
        }
        if (bisect && records.size() > 1) {
            int half = records.size() / 2;
            work.addFirst(new Work(List.copyOf(records.subList(half, records.size())), retries, outcome.invokes(),
                    outcome.response(), outcome.requestId()));
            work.addFirst(new Work(List.copyOf(records.subList(0, half)), retries, outcome.invokes(),
                    outcome.response(), outcome.requestId()));
        } else {
            work.addFirst(new Work(outcome.records(), retries, outcome.invokes(), outcome.response(),
                    outcome.requestId()));
        }
        return true;
    }

    /** Lambda found the event too large (its limit, or the host's, is below ours): send halves, or give up on one. */
    private void splitTooLarge(Deque<Work> work, Work tried) throws InterruptedException {
        List<EncodedRecord> records = tried.records();
        if (records.size() == 1) {
            giveUp(Condition.MAXIMUM_PAYLOAD_SIZE_EXCEEDED, tried);
            return;
        }
        int half = records.size() / 2;
        work.addFirst(new Work(List.copyOf(records.subList(half, records.size())), tried.retries(), tried.invokes(),
                tried.response(), tried.requestId()));
        work.addFirst(new Work(List.copyOf(records.subList(0, half)), tried.retries(), tried.invokes(),
                tried.response(), tried.requestId()));
    }

    /** Sets aside the records too old to be sent, and returns the others. */
    private Work withoutExpired(Work work) throws InterruptedException {
        if (policy.maxRecordAge().isEmpty()) {
            return work;
        }
        var now = clock.instant();
        List<EncodedRecord> expired = new ArrayList<>();
        List<EncodedRecord> live = new ArrayList<>();
        for (EncodedRecord record : work.records()) {
            (policy.expired(record, now) ? expired : live).add(record);
        }
        if (expired.isEmpty()) {
            return work;
        }
        giveUp(Condition.RECORD_AGE_EXCEEDED, new Work(expired, work.retries(), work.invokes(), work.response(),
                work.requestId()));
        return new Work(live, work.retries(), work.invokes(), work.response(), work.requestId());
    }

    private void giveUp(Condition condition, Work work) throws InterruptedException {
        var report = new FailureReport(condition, work.records(), work.invokes(), work.response(), work.requestId(),
                clock.instant());
        if (destination.isEmpty()) {
            throw new ConnectException(failureMessage(report));
        }
        destination.get().send(report);
        log.warn("Sent {} to the on-failure destination: {}{}", report.describe(), condition.lambdaName(),
                work.response().map(r -> r.errorMessage() == null ? "" : " (" + r.errorMessage() + ")").orElse(""));
    }

    private String failureMessage(FailureReport report) {
        String setDestination = "set aws.lambda.destination.on.failure=kafka://<topic> (and "
                + "aws.lambda.bootstrap.servers) to set such records aside and go on. The task starts again from the "
                + "last committed offset when restarted";
        return switch (report.condition()) {
            case RETRY_ATTEMPTS_EXHAUSTED -> "The function " + invoker.function() + " failed on "
                    + report.describe() + " after " + policy.maxRetryAttempts() + " retries"
                    + report.response().map(r -> r.errorMessage() == null ? "" : ": " + r.errorMessage()).orElse("")
                    + ". Fix the function, raise aws.lambda.maximum.retry.attempts, or " + setDestination;
            case RECORD_AGE_EXCEEDED -> report.describe() + " are older than aws.lambda.maximum.record.age.seconds="
                    + policy.maxRecordAge().map(d -> Long.toString(d.toSeconds())).orElse("-1") + " and will not be "
                    + "sent to " + invoker.function() + ". Raise the maximum age, or " + setDestination;
            case MAXIMUM_PAYLOAD_SIZE_EXCEEDED -> "The record at offset " + report.records().get(0).offset() + " of "
                    + report.records().get(0).partition() + " alone makes an event over Lambda's invoke payload "
                    + "limit (" + maxPayloadBytes + " bytes). Set errors.tolerance=all (and "
                    + "errors.deadletterqueue.topic.name) to send such records to the dead-letter queue, or "
                    + setDestination;
        };
    }

    private void logTransient(Batch batch, Work work, int failures, long backoff,
            InvokeOutcome.Transient failure) {
        if (failures == 1 || failures % WARN_EVERY == 0) {
            log.warn("Cannot invoke {} with {} records of {} for now ({} consecutive failures), retrying in {} ms: {}",
                    invoker.function(), work.records().size(), batch.partition(), failures, backoff,
                    failure.cause().getMessage());
        } else {
            log.debug("Retrying {} records of {} in {} ms after: {}", work.records().size(), batch.partition(),
                    backoff, failure.cause().getMessage());
        }
    }
}
