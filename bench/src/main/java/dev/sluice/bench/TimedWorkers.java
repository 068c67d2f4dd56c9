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
        return run(name, concurrency, items, resources, work, () -> { });
    }

    /**
     * @param whileAlive runs once every item is done, before the threads close their resources and end: to read what
     *                   only live threads show, such as their CPU time
     */
    <R extends AutoCloseable> long run(String name, int concurrency, long items, Supplier<R> resources,
                                       Work<R> work, Runnable whileAlive) throws InterruptedException {
        var next = new AtomicLong();
        var failure = new AtomicReference<Exception>();
        var ready = new CountDownLatch(concurrency);
        var go = new CountDownLatch(1);
        var done = new CountDownLatch(concurrency);
        var release = new CountDownLatch(1);
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
                    done.countDown();
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                } finally {
                    // Also when the resource could not be made or an item failed; second count-downs are harmless.
                    ready.countDown();
                    done.countDown();
                }
            }, name + "-" + t);
            thread.start();
            threads.add(thread);
        }
        ready.await();
        long start = time.nanoseconds();
        go.countDown();
        done.await();
        long nanos = time.nanoseconds() - start;
        try {
            whileAlive.run();
        } finally {
            release.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
        }
        if (failure.get() != null) {
            throw new IllegalStateException(name + " failed", failure.get());
        }
        return nanos;
    }
}
