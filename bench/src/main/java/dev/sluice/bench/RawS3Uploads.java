package dev.sluice.bench;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
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
    private final TimedWorkers workers;

    /** @param stores a new client of the bucket on each call; each thread closes its own */
    public RawS3Uploads(Supplier<S3Store> stores, long partSize, Time time) {
        this.stores = stores;
        this.partSize = partSize;
        this.workers = new TimedWorkers(time);
    }

    /**
     * Uploads {@code objects} objects under {@code prefix}, cycling through {@code samples}.
     *
     * @return the records those objects hold ({@code recordsPerObject} each) and their bytes, over the time from
     *         the first request to the last answer
     */
    public Throughput run(String prefix, List<byte[]> samples, long objects, int concurrency, long recordsPerObject)
            throws InterruptedException {
        var bytes = new AtomicLong();
        long nanos = workers.run("bench-raw-s3", concurrency, objects, stores, (store, i) -> {
            byte[] object = samples.get((int) (i % samples.size()));
            store.put(prefix + i, object, partSize);
            bytes.addAndGet(object.length);
        });
        return new Throughput(new Counts(objects * recordsPerObject, bytes.get()), nanos);
    }
}
