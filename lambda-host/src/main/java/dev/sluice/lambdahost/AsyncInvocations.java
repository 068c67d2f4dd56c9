package dev.sluice.lambdahost;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Invocations of the Event type, run after Invoke has answered 202, as Lambda's event queue runs them: a throttled
 * event waits for capacity (up to six hours, Lambda's default maximum event age), a failed one is retried after each
 * of {@link LambdaHostSettings#asyncRetryDelays()} (Lambda: twice, after 1 and 2 minutes), then dropped with a
 * warning. Events still queued when the host stops are lost, as they are in Lambda without a destination.
 */
final class AsyncInvocations implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AsyncInvocations.class);
    private static final Duration MAX_EVENT_AGE = Duration.ofHours(6);
    private static final Duration MAX_THROTTLE_WAIT = Duration.ofMinutes(1);

    private record Event(String functionName, String requestId, byte[] payload, long queuedNanos, int attempt,
                         Duration throttleWait) {
    }

    private final FunctionStore store;
    private final Invoker invoker;
    private final LambdaHostSettings settings;
    private final ExecutorService runner = Executors.newCachedThreadPool(r -> daemon(r, "lambda-event"));
    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "lambda-event-queue"));

    AsyncInvocations(FunctionStore store, Invoker invoker, LambdaHostSettings settings) {
        this.store = store;
        this.invoker = invoker;
        this.settings = settings;
    }

    void submit(String functionName, String requestId, byte[] payload) {
        schedule(new Event(functionName, requestId, payload, System.nanoTime(), 0, Duration.ofSeconds(1)),
                Duration.ZERO);
    }

    private void schedule(Event event, Duration delay) {
        try {
            scheduler.schedule(() -> runner.execute(() -> run(event)), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("Dropping event {} of function {}: the host is stopping", event.requestId(),
                    event.functionName());
        }
    }

    private void run(Event event) {
        Optional<LambdaFunction> function = store.find(event.functionName());
        if (function.isEmpty()) {
            log.warn("Dropping event {}: function {} no longer exists", event.requestId(), event.functionName());
            return;
        }
        FunctionInstance.Result result;
        try {
            result = invoker.invoke(function.get(), event.requestId(), event.payload(), null);
        } catch (LambdaApiException throttled) {
            if (Duration.ofNanos(System.nanoTime() - event.queuedNanos()).compareTo(MAX_EVENT_AGE) > 0) {
                log.warn("Dropping event {} of function {}: throttled for longer than {}", event.requestId(),
                        event.functionName(), MAX_EVENT_AGE);
                return;
            }
            Duration wait = event.throttleWait();
            schedule(new Event(event.functionName(), event.requestId(), event.payload(), event.queuedNanos(),
                    event.attempt(), min(wait.multipliedBy(2), MAX_THROTTLE_WAIT)), wait);
            return;
        }
        if (!result.outcome().functionError()) {
            return;
        }
        if (event.attempt() < settings.asyncRetryDelays().size()) {
            Duration delay = settings.asyncRetryDelays().get(event.attempt());
            log.info("Event {} of function {} failed; retrying in {}", event.requestId(), event.functionName(), delay);
            schedule(new Event(event.functionName(), event.requestId(), event.payload(), event.queuedNanos(),
                    event.attempt() + 1, event.throttleWait()), delay);
        } else {
            log.warn("Event {} of function {} failed {} times; dropped (see the function's log)", event.requestId(),
                    event.functionName(), event.attempt() + 1);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        runner.shutdownNow();
    }
}
