package dev.sluice.runtime.state;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;

/**
 * State that outlives every node and that every node sees: string values by key in a compacted, single-partition
 * Kafka topic, a tombstone once a key is removed. A thread of its own follows the topic from its start, so writes
 * of other nodes reach this one's listeners within a poll; a write returns once every in-sync replica has it and
 * this node has followed the topic past it.
 */
public final class CompactedTopicStore implements KeyValueLog, AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(CompactedTopicStore.class);

    private final String topic;
    private final Map<String, Object> clientProps;
    private final KafkaProducer<String, String> producer;
    private final List<BiConsumer<String, String>> listeners = new CopyOnWriteArrayList<>();
    /** The live values, in the order keys were first written; guarded by {@code this}. */
    private final Map<String, String> live = new LinkedHashMap<>();
    /** The offset after the last record followed; guarded by {@code this}. */
    private long followed;
    private KafkaConsumer<String, String> consumer;
    private Thread follower;
    private volatile boolean running;

    public CompactedTopicStore(String topic, Map<String, Object> clientProps) {
        this.topic = topic;
        this.clientProps = Map.copyOf(clientProps);
        Map<String, Object> producerProps = new HashMap<>(clientProps);
        producerProps.put("acks", "all");
        producerProps.put("enable.idempotence", "true");
        producerProps.put("client.id", "sluice-state-" + topic);
        this.producer = new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer());
    }

    public String topic() {
        return topic;
    }

    /** Creates the topic when it does not exist yet. */
    public void ensureTopic(Admin admin) {
        NewTopic newTopic = new NewTopic(topic, Optional.of(1), Optional.empty())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        try {
            admin.createTopics(List.of(newTopic)).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new ConnectException("Could not create the state topic " + topic, e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while creating " + topic, e);
        } catch (TimeoutException e) {
            throw new ConnectException("Timed out creating the state topic " + topic, e);
        }
    }

    /** Starts following the topic; returns once everything written before the call has been read. */
    public void start() {
        Map<String, Object> consumerProps = new HashMap<>(clientProps);
        consumerProps.put("enable.auto.commit", "false");
        consumerProps.put("client.id", "sluice-state-reader-" + topic);
        TopicPartition partition = new TopicPartition(topic, 0);
        consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new StringDeserializer());
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        long end = consumer.endOffsets(List.of(partition), TIMEOUT).get(partition);
        running = true;
        follower = new Thread(this::follow, "sluice-state-follower-" + topic);
        follower.setDaemon(true);
        follower.start();
        awaitFollowed(end);
    }

    private void follow() {
        try {
            while (running) {
                try {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                        apply(record);
                    }
                } catch (WakeupException e) {
                    throw e;
                } catch (RuntimeException e) {
                    // the consumer retries what it can by itself; anything else: say so, and keep trying
                    log.error("Could not read the state topic {}; retrying", topic, e);
                    pause();
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private synchronized void apply(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            live.remove(record.key());
        } else {
            live.put(record.key(), record.value());
        }
        for (BiConsumer<String, String> listener : listeners) {
            try {
                listener.accept(record.key(), record.value());
            } catch (RuntimeException e) {
                log.error("A follower of {} failed on key {}", topic, record.key(), e);
            }
        }
        followed = record.offset() + 1;
        notifyAll();
    }

    private synchronized void awaitFollowed(long offset) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (followed < offset) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !running) {
                throw new ConnectException("Timed out reading the state topic " + topic + " up to offset " + offset);
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectException("Interrupted while reading " + topic, e);
            }
        }
    }

    private static void pause() {
        try {
            TimeUnit.SECONDS.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void follow(BiConsumer<String, String> listener) {
        live.forEach(listener);
        listeners.add(listener);
    }

    @Override
    public void put(String key, String value) {
        write(key, value);
    }

    @Override
    public void remove(String key) {
        write(key, null);
    }

    private void write(String key, String value) {
        long offset;
        try {
            offset = producer.send(new ProducerRecord<>(topic, 0, key, value))
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while writing to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new ConnectException("Could not write " + key + " to " + topic, e);
        }
        awaitFollowed(offset + 1);
    }

    @Override
    public void close() {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (follower != null) {
            try {
                follower.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        producer.close(Duration.ofSeconds(5));
    }
}
