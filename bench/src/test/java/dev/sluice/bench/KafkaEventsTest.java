package dev.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.connect.lambda.event.EncodedRecord;
import dev.sluice.connect.lambda.event.KafkaEventWriter;
import dev.sluice.connect.lambda.event.RecordBytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class KafkaEventsTest {

    @Test
    void theRawEventsAreTheBytesTheConnectorSends() {
        var partition = new TopicPartition("bench-lambda", 3);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            byte[] value = ("value " + i + " \u00e9").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            records.add(new ConsumerRecord<>(partition.topic(), partition.partition(), 40 + i, 1_700_000_000_000L + i,
                    TimestampType.CREATE_TIME, 0, value.length, null, value, new RecordHeaders(), Optional.empty()));
        }

        var writer = new KafkaEventWriter(Optional.empty(), Optional.empty());
        List<EncodedRecord> encoded = records.stream().map(r -> writer.record(partition, r.offset(), r.timestamp(),
                r.timestampType(), new RecordBytes(null, r.value(), List.of()))).toList();

        assertThat(new String(KafkaEvents.event(records), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(new String(writer.event(partition, encoded), java.nio.charset.StandardCharsets.UTF_8));
    }
}
