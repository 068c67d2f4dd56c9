package dev.sluice.connect.lambda.destination;

import dev.sluice.connect.lambda.event.EncodedRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka topic as the on-failure destination ({@code kafka://<topic>}), written as Lambda writes one: one record per
 * failed record, under the failed record's own key (so that it lands by the same partitioning), with
 * {@link FailureRecordFormat}'s value.
 */
public final class KafkaTopicDestination implements OnFailureDestination {

    private static final Logger log = LoggerFactory.getLogger(KafkaTopicDestination.class);

    /** Room for a failure record that carries a whole 6 MB event. */
    static final int DEFAULT_MAX_REQUEST_SIZE = 8 * 1024 * 1024;

    private final Producer<byte[], byte[]> producer;
    private final String topic;
    private final FailureRecordFormat format;

    public KafkaTopicDestination(Producer<byte[], byte[]> producer, String topic, FailureRecordFormat format) {
        this.producer = producer;
        this.topic = topic;
        this.format = format;
    }

    /**
     * @param settings the producer's settings: the cluster's {@code bootstrap.servers} and any of the user's; the
     *                 serializers are always byte arrays
     */
    public static KafkaTopicDestination create(Map<String, Object> settings, String topic,
            FailureRecordFormat format) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, DEFAULT_MAX_REQUEST_SIZE);
        config.putAll(settings);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaTopicDestination(new KafkaProducer<>(config), topic, format);
    }

    public String topic() {
        return topic;
    }

    @Override
    public void send(FailureReport report) throws InterruptedException {
        List<Future<RecordMetadata>> sends = new ArrayList<>(report.records().size());
        try {
            for (EncodedRecord record : report.records()) {
                sends.add(producer.send(new ProducerRecord<>(topic, record.key(), format.value(report, record))));
            }
            for (Future<RecordMetadata> send : sends) {
                send.get();
            }
        } catch (ExecutionException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new ConnectException("Cannot write " + report.describe() + " to the on-failure destination topic "
                    + topic + " (" + report.condition().lambdaName() + "): " + cause.getMessage() + ". Check that the "
                    + "topic exists in the cluster of aws.lambda.bootstrap.servers, that the "
                    + "aws.lambda.destination.producer.* settings let the task write to it, and that its "
                    + "max.message.bytes admits records this large", cause);
        }
        log.debug("Wrote {} to the on-failure destination topic {}", report.describe(), topic);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
