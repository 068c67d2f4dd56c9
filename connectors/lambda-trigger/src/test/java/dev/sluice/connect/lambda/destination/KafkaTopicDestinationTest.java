package dev.sluice.connect.lambda.destination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.connect.lambda.Records;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

class KafkaTopicDestinationTest {

    private static final TopicPartition ORDERS_0 = new TopicPartition("orders", 0);

    private final FailureRecordFormat format = new FailureRecordFormat(Records.EVENTS, "my-function",
            Optional.empty(), Optional.of("broker:9092"));

    private static FailureReport report(long... offsets) {
        return new FailureReport(FailureReport.Condition.RETRY_ATTEMPTS_EXHAUSTED,
                java.util.Arrays.stream(offsets).mapToObj(o -> Records.encoded(ORDERS_0, o)).toList(), 3,
                Optional.empty(), Optional.of("req-1"), Instant.EPOCH);
    }

    @Test
    void eachFailedRecordIsOneRecordUnderItsOwnKey() throws Exception {
        var producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        var destination = new KafkaTopicDestination(producer, "orders-failed", format);

        destination.send(report(4, 5));

        List<ProducerRecord<byte[], byte[]>> sent = producer.history();
        assertThat(sent).hasSize(2).allSatisfy(r -> assertThat(r.topic()).isEqualTo("orders-failed"));
        assertThat(new String(sent.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("key-4");
        assertThat(JsonNode.parser().parse(sent.get(1).value()).asObject().get("KafkaBatchInfo").asObject()
                .get("recordInfo").asObject().get("offset").asString()).isEqualTo("5");
    }

    @Test
    void aRecordTheClusterRefusesFailsTheTaskSayingWhy() {
        var producer = new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
        var destination = new KafkaTopicDestination(producer, "orders-failed", format);
        Thread failer = new Thread(() -> {
            while (!producer.errorNext(new RecordTooLargeException("The message is 9000000 bytes"))) {
                Thread.onSpinWait();
            }
        });
        failer.setDaemon(true);
        failer.start();

        assertThatThrownBy(() -> destination.send(report(4)))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("Cannot write 1 record of orders-0 (offset 4) to the on-failure destination "
                        + "topic orders-failed")
                .hasMessageContaining("max.message.bytes");
    }
}
