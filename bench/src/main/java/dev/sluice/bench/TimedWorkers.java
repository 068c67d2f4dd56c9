package dev.sluice.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.kafka.common.utils.Time;

/**
 * A raw limit's harness: {@code concurrency} threads, each with a resource of its own (a client, a compressor),
 * take the items {@code 0..items-1} in turn, each the next one as soon as its last is done, as fast as they can.
 * Timed from one common start, once every thread has its resource, to the last item's end.
 */
final class TimedWorkers {

    /** What a thread does with one item. */
    @FunctionalInterface
    interface Work<R> {
        void on(R resource, long item) throws Exception;
    }

    private final Time time;

    TimedWorkers(Time time) {
        this.time = time;
    }

    /**
     * @param name the threads' name, and what a failure names
     * @param resources a new resource on each call; each thread closes its own
     * @return the nanoseconds from the start to the last item's end
     * @throws IllegalStateException with the first failure as its cause, when an item failed
     */
    <R extends AutoCloseable> long run(String name, int concurrency, long items, Supplier<R> resources,
                                       Work<R> work) throws InterruptedException {
        var next = new AtomicLong();
        var failure = new AtomicReference<Exception>();
        var ready = new CountDownLatch(concurrency);
        var go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            Thread thread = new Thread(() -> {
                try (R resource = resources.get()) {
                    ready.countDown();
                    go.await();
                    for (long i = next.getAndIncrement(); i < items && failure.get() == null;
                         i = next.getAndIncrement()) {
                        work.on(resource, i);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                } finally {
                    // Also when the resource could not be made; a second count-down is harmless.
                    ready.countDown();
                }
            }, name + "-" + t);
            thread.start();
            threads.add(thread);
        }
        ready.await();
        long start = time.nanoseconds();
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        long nanos = time.nanoseconds() - start;
        if (failure.get() != null) {
            throw new IllegalStateException(name + " failed", failure.get());
        }
        return nanos;
    }
}
