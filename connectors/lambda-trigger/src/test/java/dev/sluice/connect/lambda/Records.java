package dev.sluice.connect.lambda;

import dev.sluice.connect.lambda.event.EncodedRecord;
import dev.sluice.connect.lambda.event.KafkaEventWriter;
import dev.sluice.connect.lambda.event.RecordBytes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.sink.SinkRecord;

/** Records for tests: sink records as the worker delivers them with ByteArrayConverter, and their event forms. */
public final class Records {

    public static final KafkaEventWriter EVENTS = new KafkaEventWriter(Optional.empty(), Optional.of("broker:9092"));

    private Records() {
    }

    public static SinkRecord sink(String topic, int partition, long offset, String value) {
        return sink(topic, partition, offset, value, 1_000L);
    }

    public static SinkRecord sink(String topic, int partition, long offset, String value, Long timestamp) {
        return new SinkRecord(topic, partition, Schema.OPTIONAL_BYTES_SCHEMA,
                ("key-" + offset).getBytes(StandardCharsets.UTF_8), Schema.OPTIONAL_BYTES_SCHEMA,
                value == null ? null : value.getBytes(StandardCharsets.UTF_8), offset, timestamp,
                TimestampType.CREATE_TIME);
    }

    /** Records at these offsets of one partition, each with a small value. */
    public static List<SinkRecord> sinks(String topic, int partition, long from, long to) {
        List<SinkRecord> records = new ArrayList<>();
        for (long offset = from; offset <= to; offset++) {
            records.add(sink(topic, partition, offset, "{\"n\":" + offset + "}"));
        }
        return records;
    }

    public static EncodedRecord encoded(TopicPartition partition, long offset) {
        return encoded(partition, offset, 1_000L, "{\"n\":" + offset + "}");
    }

    public static EncodedRecord encoded(TopicPartition partition, long offset, long timestamp, String value) {
        return EVENTS.record(partition, offset, timestamp, TimestampType.CREATE_TIME,
                new RecordBytes(("key-" + offset).getBytes(StandardCharsets.UTF_8),
                        value.getBytes(StandardCharsets.UTF_8), List.of()));
    }

    public static List<EncodedRecord> encoded(TopicPartition partition, long from, long to) {
        List<EncodedRecord> records = new ArrayList<>();
        for (long offset = from; offset <= to; offset++) {
            records.add(encoded(partition, offset));
        }
        return records;
    }
}
