package dev.sluice.bench;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Time;

/** Creates a topic and fills it with records, random bytes unless told otherwise, as fast as one producer can. */
public final class TopicLoader {

    /** What the loader writes as its i-th record (from 0). */
    public interface RecordSource {

        /** The partition of record {@code i}, or null to let the producer choose. */
        Integer partition(long i);

        /** The key of record {@code i}; null unless a benchmark needs keys. */
        default byte[] key(long i) {
            return null;
        }

        byte[] value(long i);
    }

    /** Distinct values cycled through: random, so nothing downstream can profit from repetition within a batch. */
    private static final int DISTINCT_VALUES = 64;

    private final String bootstrapServers;
    private final Time time;

    public TopicLoader(String bootstrapServers, Time time) {
        this.bootstrapServers = bootstrapServers;
        this.time = time;
    }

    /**
     * Creates {@code topic} and writes {@code records} records with null keys and {@code valueBytes}-byte values.
     *
     * @return the rate from the first send to the moment every record was acknowledged
     */
    public Throughput load(String topic, int partitions, long records, int valueBytes)
            throws ExecutionException, InterruptedException, TimeoutException {
        byte[][] values = values(valueBytes);
        return load(topic, partitions, records, new RecordSource() {
            @Override
            public Integer partition(long i) {
                return null;
            }

            @Override
            public byte[] value(long i) {
                return values[(int) (i % values.length)];
            }
        });
    }

    /**
     * Creates {@code topic} and writes {@code records} records from {@code source}.
     *
     * @return the rate from the first send to the moment every record was acknowledged
     */
    public Throughput load(String topic, int partitions, long records, RecordSource source)
            throws ExecutionException, InterruptedException, TimeoutException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
            Throughput rate = produce(topic, records, source);
            long stored = TopicOffsets.endOffsetSum(admin, topic, partitions);
            if (stored != records) {
                throw new IllegalStateException("topic " + topic + " holds " + stored + " records, not " + records);
            }
            return rate;
        }
    }

    private Throughput produce(String topic, long records, RecordSource source) throws InterruptedException {
        // Tuned for throughput: large batches given time to fill, leader-only acknowledgement, no compression.
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "1",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false",
                ProducerConfig.LINGER_MS_CONFIG, "20",
                ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(512 * 1024),
                ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(128L * 1024 * 1024),
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        var failure = new AtomicReference<Exception>();
        var acknowledged = new AtomicLong();
        long bytes = 0;
        long start = time.nanoseconds();
        try (var producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (long i = 0; i < records && failure.get() == null; i++) {
                byte[] value = source.value(i);
                bytes += value.length;
                var record = new ProducerRecord<>(topic, source.partition(i), source.key(i), value);
                producer.send(record, (metadata, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    } else {
                        acknowledged.incrementAndGet();
                    }
                });
            }
            producer.flush();
        }
        long nanos = time.nanoseconds() - start;
        if (failure.get() != null) {
            throw new IllegalStateException("loading " + topic + " failed after " + acknowledged.get()
                    + " records", failure.get());
        }
        return new Throughput(new Counts(records, bytes), nanos);
    }

    private static byte[][] values(int valueBytes) {
        var random = new SplittableRandom(42);
        byte[][] values = new byte[DISTINCT_VALUES][valueBytes];
        for (byte[] value : values) {
            for (int i = 0; i < valueBytes; i++) {
                value[i] = (byte) random.nextInt(256);
            }
        }
        return values;
    }
}
