package dev.sluice.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Time;

/**
 * End-to-end latency of an S3 sink that is already running: records are produced at a steady rate, and each is
 * timed from the producer's acknowledgement to the first listing (polled every 50 ms, one ListObjectsV2 per
 * partition after the last key seen) that shows the object holding it.
 *
 * <p>Three phases: a warm-up until every partition has an object listed (the tasks have joined their group and
 * written), not timed; the timed window; then a tail, not timed, until every partition has an object that starts
 * after its last timed record, so that each timed record's object is known by its start offset and the next one's.
 */
public final class SinkLatencyProbe {

    private static final Duration LIST_INTERVAL = Duration.ofMillis(50);
    private static final Duration TICK = Duration.ofMillis(10);
    private static final Duration PHASE_TIMEOUT = Duration.ofSeconds(90);

    /** The latencies of the timed records, in milliseconds, and the objects listed meanwhile. */
    public record Result(List<Double> latenciesMs, int objects) {
    }

    private final String bootstrapServers;
    private final S3Store store;
    private final Time time;

    public SinkLatencyProbe(String bootstrapServers, S3Store store, Time time) {
        this.bootstrapServers = bootstrapServers;
        this.store = store;
        this.time = time;
    }

    /**
     * @param partitionPrefix the folder of a partition's objects, e.g. {@code dir/topic/partition=} (the partition
     *                        number and a '/' follow)
     */
    public Result run(String topic, int partitions, String partitionPrefix, EnvelopeValues values, int rate,
                      Duration window) throws Exception {
        List<NavigableMap<Long, Long>> listed = new ArrayList<>();
        List<Map<Long, Long>> acked = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            listed.add(new ConcurrentSkipListMap<>());
            acked.add(new ConcurrentHashMap<>());
        }
        var lister = new Lister(partitionPrefix, listed);
        Thread listing = new Thread(lister, "bench-latency-lister");
        listing.start();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, "0"), new ByteArraySerializer(), new ByteArraySerializer())) {
            var pacer = new Pacer(producer, topic, partitions, values, rate, acked, lister::check);
            pacer.until(() -> listed.stream().noneMatch(Map::isEmpty), PHASE_TIMEOUT, false);
            long end = time.nanoseconds() + window.toNanos();
            pacer.until(() -> time.nanoseconds() >= end, window.plus(PHASE_TIMEOUT), true);
            producer.flush();
            long[] lastTimed = new long[partitions];
            for (int p = 0; p < partitions; p++) {
                lastTimed[p] = acked.get(p).keySet().stream().mapToLong(Long::longValue).max().orElse(-1);
            }
            pacer.until(() -> {
                for (int p = 0; p < partitions; p++) {
                    if (listed.get(p).higherKey(lastTimed[p]) == null) {
                        return false;
                    }
                }
                return true;
            }, PHASE_TIMEOUT, false);
        } finally {
            lister.stop();
            listing.join();
        }
        lister.check();
        List<Double> latencies = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            for (var record : acked.get(p).entrySet()) {
                long seen = listed.get(p).floorEntry(record.getKey()).getValue();
                latencies.add((seen - record.getValue()) / 1e6);
            }
        }
        return new Result(latencies, listed.stream().mapToInt(Map::size).sum());
    }

    /** Sends {@code rate} records a second, round robin over the partitions, in a burst every {@link #TICK}. */
    private final class Pacer {
        private final KafkaProducer<byte[], byte[]> producer;
        private final String topic;
        private final int partitions;
        private final EnvelopeValues values;
        private final double perTick;
        private final List<Map<Long, Long>> acked;
        private final Runnable checkLister;
        private final AtomicReference<Exception> failure = new AtomicReference<>();
        private long sent;
        private double due;

        Pacer(KafkaProducer<byte[], byte[]> producer, String topic, int partitions, EnvelopeValues values, int rate,
              List<Map<Long, Long>> acked, Runnable checkLister) {
            this.producer = producer;
            this.topic = topic;
            this.partitions = partitions;
            this.values = values;
            this.perTick = rate * TICK.toNanos() / 1e9;
            this.acked = acked;
            this.checkLister = checkLister;
        }

        /** Produces until {@code done}; with {@code timed}, each record's acknowledgement time is kept. */
        void until(BooleanSupplier done, Duration timeout, boolean timed) throws Exception {
            long deadline = time.nanoseconds() + timeout.toNanos();
            long nextTick = time.nanoseconds();
            while (!done.getAsBoolean()) {
                check();
                if (time.nanoseconds() > deadline) {
                    throw new TimeoutException("the latency run gave up after " + timeout.toSeconds() + " s of a phase");
                }
                for (due += perTick; due >= 1; due--) {
                    send(timed);
                }
                nextTick += TICK.toNanos();
                long wait = nextTick - time.nanoseconds();
                if (wait > 0) {
                    time.sleep(wait / 1_000_000);
                }
            }
        }

        private void send(boolean timed) {
            int partition = (int) (sent % partitions);
            var record = new ProducerRecord<byte[], byte[]>(topic, partition, null, values.value(sent++));
            producer.send(record, (metadata, e) -> {
                long now = time.nanoseconds();
                if (e != null) {
                    failure.compareAndSet(null, e);
                } else if (timed) {
                    acked.get(metadata.partition()).put(metadata.offset(), now);
                }
            });
        }

        void check() {
            checkLister.run();
            if (failure.get() != null) {
                throw new IllegalStateException("producing for the latency run failed", failure.get());
            }
        }
    }

    /** Notes when each object is first listed, by partition and start offset. */
    private final class Lister implements Runnable {
        private final String partitionPrefix;
        private final List<NavigableMap<Long, Long>> listed;
        private final String[] lastKey;
        private volatile boolean stopped;
        private volatile RuntimeException failure;

        Lister(String partitionPrefix, List<NavigableMap<Long, Long>> listed) {
            this.partitionPrefix = partitionPrefix;
            this.listed = listed;
            this.lastKey = new String[listed.size()];
        }

        @Override
        public void run() {
            try {
                while (!stopped) {
                    for (int p = 0; p < listed.size(); p++) {
                        for (var object : store.listAfter(partitionPrefix + p + "/", lastKey[p])) {
                            long now = time.nanoseconds();
                            listed.get(p).putIfAbsent(SinkObjectKey.parse(object.key()).startOffset(), now);
                            lastKey[p] = object.key();
                        }
                    }
                    time.sleep(LIST_INTERVAL.toMillis());
                }
            } catch (RuntimeException e) {
                failure = e;
            }
        }

        void stop() {
            stopped = true;
        }

        void check() {
            if (failure != null) {
                throw new IllegalStateException("listing the latency run's objects failed", failure);
            }
        }
    }
}
