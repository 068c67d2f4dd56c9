package dev.sluice.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A producer thread that writes a steady {@code rate} records a second, round robin over the partitions, JSON values
 * {@code {"p":P,"i":I,"pad":"..."}} of about {@code valueBytes}; it counts what each partition has acknowledged. On
 * {@link #stopAligned}, it tops each partition up to a multiple of a number (the sink's {@code flush.size}), so that
 * every record ends up in a full object.
 */
final class PacedProducer implements AutoCloseable {

    private final String topic;
    private final int partitions;
    private final int rate;
    private final String pad;
    private final KafkaProducer<byte[], byte[]> producer;
    private final long[] sent;
    private final AtomicLongArray acked;
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean running = true;

    PacedProducer(String bootstrapServers, String topic, int partitions, int rate, int valueBytes) {
        this.topic = topic;
        this.partitions = partitions;
        this.rate = rate;
        this.pad = "x".repeat(Math.max(0, valueBytes - 40));
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, "5",
                ProducerConfig.CLIENT_ID_CONFIG, "bench-failover-producer"),
                new ByteArraySerializer(), new ByteArraySerializer());
        this.sent = new long[partitions];
        this.acked = new AtomicLongArray(partitions);
        this.thread = new Thread(this::loop, "bench-failover-producer");
    }

    void start() {
        thread.start();
    }

    private void loop() {
        long start = System.nanoTime();
        long total = 0;
        while (running) {
            long due = (System.nanoTime() - start) * rate / 1_000_000_000L;
            while (total < due && running) {
                send((int) (total % partitions));
                total++;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void send(int partition) {
        long i = sent[partition]++;
        byte[] value = ("{\"p\":" + partition + ",\"i\":" + i + ",\"pad\":\"" + pad + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        producer.send(new ProducerRecord<>(topic, partition, null, value), (metadata, e) -> {
            if (e == null) {
                acked.incrementAndGet(partition);
            } else {
                failed.incrementAndGet();
                firstFailure.compareAndSet(null, e);
            }
        });
    }

    /** Records acknowledged so far, all partitions together. */
    long ackedTotal() {
        long sum = 0;
        for (int p = 0; p < partitions; p++) {
            sum += acked.get(p);
        }
        return sum;
    }

    /**
     * Stops the steady stream, tops every partition up to a multiple of {@code multiple}, waits for every
     * acknowledgement, and returns the records each partition holds.
     */
    long[] stopAligned(int multiple) throws InterruptedException {
        running = false;
        thread.join();
        for (int p = 0; p < partitions; p++) {
            while (sent[p] % multiple != 0) {
                send(p);
            }
        }
        producer.flush();
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " records were not acknowledged", firstFailure.get());
        }
        long[] counts = new long[partitions];
        for (int p = 0; p < partitions; p++) {
            counts[p] = acked.get(p);
        }
        if (!Arrays.equals(counts, sent)) {
            throw new IllegalStateException("acknowledged " + Arrays.toString(counts) + " of " + Arrays.toString(sent));
        }
        return counts;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
        producer.close(java.time.Duration.ofSeconds(10));
    }
}
