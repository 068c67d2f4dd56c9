package dev.sluice.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The raw limit: a plain consumer that reads a topic from the beginning and drops every record, counting records
 * and value bytes as the discard sink does. Runs on its own thread; {@link #counts()} may be read from any other.
 */
public final class RawConsumerLoop implements Runnable {

    private final Map<String, Object> config;
    private final String topic;
    private final long target;
    private volatile long records;
    private volatile long bytes;
    private volatile boolean stopped;
    private volatile RuntimeException failure;

    /**
     * @param groupId a group never used before, so that it starts from the beginning of the topic
     * @param target  stop once this many records have been read
     */
    public RawConsumerLoop(String bootstrapServers, String groupId, String topic, long target) {
        this.topic = topic;
        this.target = target;
        // Exactly what Kafka Connect's Worker sets for a sink task's consumer; everything else keeps the client's
        // defaults, as it does for the connector (max.poll.records 500, fetch.min.bytes 1, fetch.max.bytes 50 MiB,
        // max.partition.fetch.bytes 1 MiB, the classic group protocol).
        this.config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.CLIENT_ID_CONFIG, groupId,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    }

    @Override
    public void run() {
        try {
            consume();
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    private void consume() {
        try (var consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (!stopped && records < target) {
                long polledBytes = 0;
                var batch = consumer.poll(Duration.ofSeconds(1));
                for (ConsumerRecord<byte[], byte[]> record : batch) {
                    if (record.value() != null) {
                        polledBytes += record.value().length;
                    }
                }
                // One writer: this thread.
                bytes += polledBytes;
                records += batch.count();
            }
        }
    }

    /** Asks the loop to end after its current poll (when a measurement gave up). */
    public void stop() {
        stopped = true;
    }

    /** @throws IllegalStateException if the loop failed */
    public Counts counts() {
        if (failure != null) {
            throw new IllegalStateException("the raw consumer failed", failure);
        }
        long r = records;
        return new Counts(r, bytes);
    }
}
