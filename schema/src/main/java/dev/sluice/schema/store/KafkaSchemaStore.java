package dev.sluice.schema.store;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The registry's log in a compacted, single-partition Kafka topic. Each write is one Kafka transaction, so a node
 * that dies mid-write leaves nothing half-written; a thread tails the topic (read committed) and hands every change
 * to the node's state, so every node sees every node's writes. Keys are entity keys, so compaction keeps the latest
 * state of each entity and a removed one disappears.
 *
 * <p>Every node writes with the same transactional id, which makes writing exclusive: a node's producer can commit
 * only while no other node has initialised the id since it did, and initialising aborts whatever another node had
 * open. A node that catches up after its initialisation and then commits has therefore checked against every write
 * before its own; one that finds itself fenced takes the id back and throws {@link WriteConflictException} so that
 * the caller checks again.
 */
public final class KafkaSchemaStore implements SchemaStore {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaSchemaStore.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final TopicPartition partition;
    private final Map<String, Object> clientProps;
    private final String transactionalId;
    private final StateSink sink;
    private final ReadPosition position = new ReadPosition();
    private KafkaProducer<String, String> producer;
    private KafkaConsumer<String, String> tail;
    private KafkaConsumer<String, String> probe;
    private Thread tailThread;
    private volatile boolean running;

    public KafkaSchemaStore(String topic, Map<String, Object> clientProps, StateSink sink) {
        this.partition = new TopicPartition(topic, 0);
        this.clientProps = Map.copyOf(clientProps);
        this.transactionalId = "sluice-schema-registry-" + topic;
        this.sink = sink;
    }

    public String topic() {
        return partition.topic();
    }

    /** Creates the topic if need be, then replays it whole into the state; returns once the state is current. */
    public void start(Admin admin) {
        StoreTopic.ensure(admin, partition.topic());
        producer = newProducer();
        tail = consumer("sluice-schema-registry-tail");
        tail.assign(List.of(partition));
        tail.seekToBeginning(List.of(partition));
        probe = consumer("sluice-schema-registry-probe");
        probe.assign(List.of(partition)); // never polled: asked for the end offset only, which needs the assignment
        running = true;
        tailThread = new Thread(this::tailLoop, "sluice-schema-registry-tail");
        tailThread.setDaemon(true);
        tailThread.start();
        catchUp();
        LOG.info("Schema registry state loaded from {} (up to offset {})", partition.topic(), position.get());
    }

    /** A transactional producer; initialising it aborts whatever transaction this id's previous run left open. */
    private KafkaProducer<String, String> newProducer() {
        Map<String, Object> producerProps = new HashMap<>(clientProps);
        producerProps.put("acks", "all");
        producerProps.put("enable.idempotence", "true");
        producerProps.put("transactional.id", transactionalId);
        // Bounds how long a node that died mid-write holds back the other nodes' reads (read committed).
        producerProps.put("transaction.timeout.ms", "15000");
        producerProps.put("client.id", "sluice-schema-registry-writer");
        KafkaProducer<String, String> created = new KafkaProducer<>(producerProps, new StringSerializer(),
                new StringSerializer());
        created.initTransactions();
        return created;
    }

    private KafkaConsumer<String, String> consumer(String clientId) {
        Map<String, Object> props = new HashMap<>(clientProps);
        props.put("enable.auto.commit", "false");
        props.put("isolation.level", "read_committed");
        props.put("client.id", clientId);
        props.remove("group.id");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    private void tailLoop() {
        try {
            while (running) {
                for (ConsumerRecord<String, String> record : tail.poll(Duration.ofMillis(200))) {
                    try {
                        sink.apply(new Change(record.key(), record.value()));
                    } catch (RuntimeException e) {
                        LOG.error("Skipped an unreadable record at offset {} of {}", record.offset(), topic(), e);
                    }
                }
                // The position passes transaction markers and aborted records too, which no poll returns.
                position.advanceTo(tail.position(partition));
            }
        } catch (WakeupException e) {
            if (running) {
                LOG.error("The schema registry's tail of {} stopped", topic(), e);
            }
        } catch (RuntimeException e) {
            LOG.error("The schema registry's tail of {} stopped; this node no longer sees writes", topic(), e);
            position.fail(e);
        }
    }

    @Override
    public synchronized void write(List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        long last;
        boolean committing = false;
        try {
            KafkaProducer<String, String> writer = producer();
            writer.beginTransaction();
            for (Change change : changes) {
                sent.add(writer.send(new ProducerRecord<>(partition.topic(), 0, change.key(), change.document())));
            }
            committing = true;
            writer.commitTransaction();
            last = sent.get(sent.size() - 1).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            discardProducer();
            throw new StoreException("Interrupted while writing to " + topic(), e);
        } catch (ExecutionException | TimeoutException e) {
            discardProducer();
            throw new StoreException("Could not write to " + topic() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // Whatever failed (fenced, a commit that timed out with its outcome unknown, a producer that could not
            // start), the next write starts a new producer: its initTransactions takes the writer's id back and
            // aborts whatever this one left open, so one failure never leaves the node unable to write.
            discardProducer();
            if (fenced(e)) {
                // Another node has taken the writer's id since this one last did: it may have written since our
                // checks. The caller checks again.
                throw new WriteConflictException("Another node wrote to " + topic() + " meanwhile", e);
            }
            if (committing) {
                // A commit that failed otherwise (the coordinator answering an unexpected error while another node
                // takes the id, a timeout) has an unknown outcome: the caller catches up and checks again, and
                // finds its change there if it was committed after all.
                throw new WriteConflictException("The commit to " + topic() + " failed with its outcome unknown: "
                        + e.getMessage(), e);
            }
            throw new StoreException("Could not write to " + topic() + ": " + e.getMessage(), e);
        }
        position.awaitPast(last, TIMEOUT);
    }

    /** Starts the transactional producer if there is none: its initTransactions fences every other node's. */
    @Override
    public synchronized void claimWriter() {
        producer();
    }

    /** The transactional producer, started on first use and after a failure. */
    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = newProducer();
        }
        return producer;
    }

    private void discardProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException e) {
                LOG.warn("Closing the schema registry's failed producer on {}: {}", topic(), e.getMessage());
            }
            producer = null;
        }
    }

    private static boolean fenced(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // InvalidTxnStateException: another node's initTransactions aborted this transaction mid-way
            if (t instanceof ProducerFencedException || t instanceof InvalidProducerEpochException
                    || t instanceof InvalidTxnStateException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized void catchUp() {
        long end;
        try {
            end = probe.endOffsets(List.of(partition), TIMEOUT).get(partition);
        } catch (KafkaException e) {
            throw new StoreException("Could not read the end of " + topic() + ": " + e.getMessage(), e);
        }
        if (end > 0) {
            position.awaitPast(end - 1, TIMEOUT);
        }
    }

    @Override
    public void close() {
        running = false;
        if (tail != null) {
            tail.wakeup();
        }
        if (tailThread != null) {
            try {
                tailThread.join(TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (tail != null) {
            tail.close(Duration.ofSeconds(5));
        }
        if (probe != null) {
            probe.close(Duration.ofSeconds(5));
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
