package dev.sluice.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.kafka.common.utils.Time;

/**
 * The raw S3 limit: {@code concurrency} threads, each with a client of its own as each sink task has, upload the
 * sink's own objects again (the same bytes, the same sizes, the same PutObject or multipart choice) as fast as they
 * can, taking the next object as soon as the last is stored. Nothing is encoded or compressed: the bytes are ready
 * in memory.
 */
public final class RawS3Uploads {

    private final Supplier<S3Store> stores;
    private final long partSize;
    private final Time time;

    /** @param stores a new client of the bucket on each call; each thread closes its own */
    public RawS3Uploads(Supplier<S3Store> stores, long partSize, Time time) {
        this.stores = stores;
        this.partSize = partSize;
        this.time = time;
    }

    /**
     * Uploads {@code objects} objects under {@code prefix}, cycling through {@code samples}.
     *
     * @return the records those objects hold ({@code recordsPerObject} each) and their bytes, over the time from
     *         the first request to the last answer
     */
    public Throughput run(String prefix, List<byte[]> samples, long objects, int concurrency, long recordsPerObject)
            throws InterruptedException {
        var next = new AtomicLong();
        var bytes = new AtomicLong();
        var failure = new AtomicReference<RuntimeException>();
        var ready = new CountDownLatch(concurrency);
        var go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            Thread thread = new Thread(() -> {
                try (S3Store store = stores.get()) {
                    ready.countDown();
                    go.await();
                    for (long i = next.getAndIncrement(); i < objects && failure.get() == null;
                         i = next.getAndIncrement()) {
                        byte[] object = samples.get((int) (i % samples.size()));
                        store.put(prefix + i, object, partSize);
                        bytes.addAndGet(object.length);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                } finally {
                    // Also when the client could not be built; a second count-down is harmless.
                    ready.countDown();
                }
            }, "bench-raw-s3-" + t);
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
            throw new IllegalStateException("a raw upload under " + prefix + " failed", failure.get());
        }
        return new Throughput(new Counts(objects * recordsPerObject, bytes.get()), nanos);
    }
}
