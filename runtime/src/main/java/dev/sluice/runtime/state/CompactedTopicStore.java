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
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.errors.ConnectException;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * State that outlives every node: string values by key in a compacted, single-partition Kafka topic, a tombstone
 * once a key is removed. A write returns once every in-sync replica has it.
 */
public final class CompactedTopicStore implements KeyValueLog, AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String topic;
    private final Map<String, Object> clientProps;
    private final KafkaProducer<String, String> producer;

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

    /** Reads the whole topic: the live value of every key, in the order keys were first written. */
    @Override
    public Map<String, String> readAll() {
        Map<String, Object> consumerProps = new HashMap<>(clientProps);
        consumerProps.put("enable.auto.commit", "false");
        consumerProps.put("client.id", "sluice-state-reader-" + topic);
        Map<String, String> out = new LinkedHashMap<>();
        try (var consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), TIMEOUT).get(partition);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (consumer.position(partition, TIMEOUT) < end) {
                if (System.nanoTime() > deadline) {
                    throw new ConnectException("Timed out reading the state topic " + topic);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() == null) {
                        out.remove(record.key());
                    } else {
                        out.put(record.key(), record.value());
                    }
                }
            }
        }
        return out;
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
        try {
            producer.send(new ProducerRecord<>(topic, 0, key, value)).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while writing to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new ConnectException("Could not write " + key + " to " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
