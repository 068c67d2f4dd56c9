package dev.sluice.lambdahost;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One invocation on its way through an instance: handed to the runtime when it asks for the next one, then
 * completed by the runtime's response or error, or by the host (timeout, exit).
 *
 * @param pickedUp      completes with the {@link System#nanoTime()} at which the runtime took it, or null
 *
 * @param clientContext the client context JSON (decoded from {@code X-Amz-Client-Context}), or null
 */
record PendingInvocation(String requestId, byte[] payload, String functionArn, String traceId, String clientContext,
                         Duration timeout, InvocationLog log, CompletableFuture<Long> pickedUp,
                         CompletableFuture<RuntimeOutcome> outcome) {

    PendingInvocation(String requestId, byte[] payload, String functionArn, String traceId, String clientContext,
                      Duration timeout, InvocationLog log) {
        this(requestId, payload, functionArn, traceId, clientContext, timeout, log, new CompletableFuture<>(),
                new CompletableFuture<>());
    }

    /** Ends the invocation, unless it has ended already; whether this call ended it. */
    boolean complete(RuntimeOutcome result) {
        pickedUp.complete(null);
        return outcome.complete(result);
    }

    /**
     * Waits until the runtime has taken it, or for the time given.
     *
     * @return {@link System#nanoTime()} when the runtime took it; null when it ended before that
     */
    Long awaitPickup(Duration limit) throws TimeoutException, InterruptedException {
        return get(pickedUp, limit);
    }

    RuntimeOutcome awaitOutcome(Duration limit) throws TimeoutException, InterruptedException {
        return get(outcome, limit);
    }

    private static <T> T get(CompletableFuture<T> future, Duration limit)
            throws TimeoutException, InterruptedException {
        try {
            return future.get(Math.max(0, limit.toNanos()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
