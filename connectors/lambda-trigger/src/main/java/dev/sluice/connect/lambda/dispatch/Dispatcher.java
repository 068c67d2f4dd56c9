package dev.sluice.connect.lambda.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs a task's invocations: each partition's records wait in its {@link PartitionBatcher}; a ready batch goes to an
 * invoker thread of the task's own pool (at most {@code aws.lambda.max.concurrent.invocations} at once), at most one
 * per partition at a time, so that a partition's records are processed in order while partitions go concurrently.
 * The thread that finishes a partition's batch goes on with the partition's next one, unless other partitions'
 * batches wait for a thread.
 * Batches become ready as records arrive, as the batch before them finishes, and as batching windows pass (a ticker
 * looks). The task thread adds records and never waits for an invocation.
 *
 * <p>Thread-safe: the task thread, the invoker threads and the ticker share it under one lock, held only for
 * bookkeeping, never across an invocation.
 */
public final class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final Object lock = new Object();
    private final Map<TopicPartition, PartitionState> partitions = new HashMap<>();
    private final OffsetTracker offsets = new OffsetTracker();
    private final AtomicReference<ConnectException> failure = new AtomicReference<>();
    private final BatchProcessor processor;
    private final Function<TopicPartition, PartitionBatcher> batchers;
    private final long bufferLimit;
    private final Clock clock;
    private final ThreadPoolExecutor invokers;
    private final ScheduledExecutorService ticker;
    private boolean stopped;

    /** A partition's records in the task: waiting, and the batch in flight. */
    private static final class PartitionState {
        final PartitionBatcher batcher;
        Batch inFlight;
        boolean paused;
        volatile boolean cancelled;

        PartitionState(PartitionBatcher batcher) {
            this.batcher = batcher;
        }

        long bytes() {
            return batcher.bytes() + (inFlight == null ? 0 : inFlight.bytes());
        }
    }

    /** Partitions to pause and to resume, as the buffered bytes say. */
    public record FlowControl(List<TopicPartition> pause, List<TopicPartition> resume) {
    }

    /**
     * @param batchSize        {@code aws.lambda.batch.size}
     * @param maxPayloadBytes  the invoke payload limit
     * @param overhead         the size of a partition's event without records
     * @param window           the batching window
     * @param concurrency      invocations in flight at once
     * @param bufferLimit      the bytes a partition may hold before it is paused
     * @param threadNamePrefix names the invoker threads, e.g. {@code lambda-trigger-orders-}
     */
    public Dispatcher(BatchProcessor processor, int batchSize, int maxPayloadBytes,
            Function<TopicPartition, Long> overhead, Duration window, int concurrency, long bufferLimit, Clock clock,
            String threadNamePrefix) {
        this.processor = processor;
        this.batchers = partition -> new PartitionBatcher(partition, batchSize, maxPayloadBytes,
                overhead.apply(partition), window);
        this.bufferLimit = bufferLimit;
        this.clock = clock;
        this.invokers = new ThreadPoolExecutor(concurrency, concurrency, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), threads(threadNamePrefix + "invoker-"));
        this.ticker = Executors.newSingleThreadScheduledExecutor(threads(threadNamePrefix + "window-"));
        long tick = Math.max(5, Math.min(100, window.toMillis() / 5));
        ticker.scheduleWithFixedDelay(this::dispatchQuietly, tick, tick, TimeUnit.MILLISECONDS);
    }

    /**
     * Takes the records (or skipped ones' places) of one delivery, each partition's in offset order, all at once: a
     * batch never goes out with part of a delivery that could have filled it.
     */
    public void add(Map<TopicPartition, List<Entry>> delivery) {
        synchronized (lock) {
            delivery.forEach((partition, entries) -> {
                PartitionBatcher batcher = partitions.computeIfAbsent(partition,
                        p -> new PartitionState(batchers.apply(p))).batcher;
                entries.forEach(batcher::add);
            });
        }
    }

    /** Sends every ready batch whose partition has nothing in flight. */
    public void dispatch() {
        synchronized (lock) {
            if (stopped || failure.get() != null) {
                return;
            }
            var now = clock.instant();
            partitions.forEach((partition, state) -> dispatch(partition, state, now));
        }
    }

    private void dispatchQuietly() {
        try {
            dispatch();
        } catch (RuntimeException e) {
            log.error("Cannot dispatch batches", e);
        }
    }

    /** Under the lock. */
    private void dispatch(TopicPartition partition, PartitionState state, Instant now) {
        Batch batch = next(partition, state, now);
        if (batch == null) {
            return;
        }
        try {
            invokers.execute(() -> run(partition, state, batch));
        } catch (RejectedExecutionException e) {
            state.inFlight = null; // stopping
        }
    }

    /** Under the lock: the partition's next batch, if one is ready and none is in flight, then in flight. */
    private Batch next(TopicPartition partition, PartitionState state, Instant now) {
        if (state.inFlight != null || state.batcher.isEmpty()) {
            return null;
        }
        if (state.batcher.onlySkipped()) {
            offsets.advance(partition, state.batcher.drainSkipped());
            return null;
        }
        if (!state.batcher.ready(now)) {
            return null;
        }
        state.inFlight = state.batcher.cut();
        return state.inFlight;
    }

    /**
     * Processes the batch, then the partition's next ones on this same thread while they are ready and no other
     * partition's batch waits for a thread (which then goes first, so that every partition gets its turn).
     */
    private void run(TopicPartition partition, PartitionState state, Batch first) {
        Batch batch = first;
        try {
            while (batch != null) {
                boolean done = processor.process(batch, () -> state.cancelled);
                batch = finished(partition, state, batch, done);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ConnectException e) {
            fail(state, e);
        } catch (RuntimeException e) {
            fail(state, new ConnectException("Unexpected failure while processing " + batch.records().size()
                    + " records of " + partition + ": " + e, e));
        }
    }

    /** @return the partition's next batch for this thread to process, or null */
    private Batch finished(TopicPartition partition, PartitionState state, Batch batch, boolean done) {
        synchronized (lock) {
            if (!done || partitions.get(partition) != state) {
                return null;
            }
            state.inFlight = null;
            offsets.advance(partition, batch.lastOffset() + 1);
            if (stopped || failure.get() != null) {
                return null;
            }
            if (!invokers.getQueue().isEmpty()) {
                dispatch(partition, state, clock.instant());
                return null;
            }
            return next(partition, state, clock.instant());
        }
    }

    private void fail(PartitionState state, ConnectException e) {
        if (state.cancelled) {
            return; // revoked or stopping: the failure is of no consequence any more
        }
        failure.compareAndSet(null, e);
    }

    /** @throws ConnectException the first failure of an invoker thread, which fails the task */
    public void throwIfFailed() {
        ConnectException e = failure.get();
        if (e != null) {
            throw e;
        }
    }

    public Map<TopicPartition, OffsetAndMetadata> committable() {
        return offsets.committable();
    }

    /** Whether records wait or are in flight, so that the task should look again soon. */
    public boolean busy() {
        synchronized (lock) {
            return partitions.values().stream().anyMatch(s -> s.inFlight != null || !s.batcher.isEmpty());
        }
    }

    /**
     * Partitions that hold more than {@code aws.lambda.partition.buffer.max.bytes} are to be paused, paused ones that
     * are back under it resumed; the caller (the task thread, which owns the consumer) does it.
     */
    public FlowControl flowControl() {
        List<TopicPartition> pause = new ArrayList<>();
        List<TopicPartition> resume = new ArrayList<>();
        synchronized (lock) {
            partitions.forEach((partition, state) -> {
                boolean over = state.bytes() > bufferLimit;
                if (over && !state.paused) {
                    state.paused = true;
                    pause.add(partition);
                } else if (!over && state.paused) {
                    state.paused = false;
                    resume.add(partition);
                }
            });
        }
        return new FlowControl(pause, resume);
    }

    /** Drops what the partitions hold, and leaves their batches in flight unfinished: they will be delivered again. */
    public void close(Collection<TopicPartition> revoked) {
        synchronized (lock) {
            for (TopicPartition partition : revoked) {
                PartitionState state = partitions.remove(partition);
                if (state != null) {
                    state.cancelled = true;
                }
            }
            offsets.remove(revoked);
        }
    }

    /** Stops the threads, waiting up to {@code timeout} for invocations in flight to end. */
    public void stop(Duration timeout) {
        synchronized (lock) {
            stopped = true;
            partitions.values().forEach(state -> state.cancelled = true);
            partitions.clear();
        }
        ticker.shutdownNow();
        invokers.shutdownNow();
        try {
            if (!invokers.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Invocations still in flight after {} ms; leaving them", timeout.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Daemon threads that log with the MDC of the thread that built the dispatcher: the task's, where Kafka Connect
     * names the connector and task, so that the invokers' lines are the connector's too.
     */
    private static ThreadFactory threads(String prefix) {
        var count = new AtomicInteger();
        Map<String, String> context = MDC.getCopyOfContextMap();
        return runnable -> {
            Thread thread = new Thread(() -> {
                if (context != null) {
                    MDC.setContextMap(context);
                }
                runnable.run();
            }, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
