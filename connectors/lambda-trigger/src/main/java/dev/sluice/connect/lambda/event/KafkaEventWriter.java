package dev.sluice.connect.lambda.event;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;

/**
 * Writes the event Lambda's Kafka event source mapping sends: {@code eventSource} ({@code aws:kafka} with the MSK
 * cluster's {@code eventSourceArn}, or {@code SelfManagedKafka}), {@code bootstrapServers}, and {@code records} under
 * {@code "<topic>-<partition>"}, each with {@code topic}, {@code partition}, {@code offset}, {@code timestamp},
 * {@code timestampType}, base64 {@code key} and {@code value} (left out when null), and {@code headers} as a list of
 * single-entry objects whose value is an array of signed byte numbers.
 *
 * <p>Each record is rendered once ({@link #record}); an event is its records' bytes between a fixed head and tail, so
 * its exact size is known before it is written ({@link #size}).
 */
public final class KafkaEventWriter {

    public static final String MSK_EVENT_SOURCE = "aws:kafka";
    public static final String SELF_MANAGED_EVENT_SOURCE = "SelfManagedKafka";

    private final byte[] head;
    /** Each thread's buffer for rendering records, reused so that a record's bytes are allocated once. */
    private final ThreadLocal<JsonBytes> recordBuffers = ThreadLocal.withInitial(() -> new JsonBytes(4096));
    /** Each partition's {@code {"topic":"<topic>","partition":<p>,"offset":}, rendered once. */
    private final Map<TopicPartition, byte[]> recordHeads = new ConcurrentHashMap<>();
    /** Each partition's {@link #overhead}, computed once. */
    private final Map<TopicPartition, Long> overheads = new ConcurrentHashMap<>();

    /**
     * @param eventSourceArn   the MSK cluster's ARN, for {@code aws:kafka} events; empty for {@code SelfManagedKafka}
     * @param bootstrapServers the event's {@code bootstrapServers}; empty to leave it out
     */
    public KafkaEventWriter(Optional<String> eventSourceArn, Optional<String> bootstrapServers) {
        var out = new JsonBytes(256).raw("{\"eventSource\":")
                .string(eventSourceArn.isPresent() ? MSK_EVENT_SOURCE : SELF_MANAGED_EVENT_SOURCE);
        eventSourceArn.ifPresent(arn -> out.raw(",\"eventSourceArn\":").string(arn));
        bootstrapServers.ifPresent(servers -> out.raw(",\"bootstrapServers\":").string(servers));
        this.head = out.raw(",\"records\":{").toByteArray();
    }

    /** Renders a record's object for the event. */
    public EncodedRecord record(TopicPartition partition, long offset, Long timestamp, TimestampType timestampType,
            RecordBytes bytes) {
        long time = timestamp == null ? -1 : timestamp;
        var out = recordBuffers.get().reset();
        out.raw(recordHeads.computeIfAbsent(partition, KafkaEventWriter::recordHead))
                .number(offset)
                .raw(",\"timestamp\":").number(time)
                .raw(",\"timestampType\":").string(timestampType(timestampType));
        if (bytes.key() != null) {
            out.raw(",\"key\":").base64(bytes.key());
        }
        if (bytes.value() != null) {
            out.raw(",\"value\":").base64(bytes.value());
        }
        out.raw(",\"headers\":[");
        List<RecordBytes.Header> headers = bytes.headers();
        for (int i = 0; i < headers.size(); i++) {
            RecordBytes.Header header = headers.get(i);
            out.raw(i == 0 ? "{" : ",{").string(header.key()).raw(':');
            if (header.value() == null) {
                out.raw("null");
            } else {
                out.byteArray(header.value());
            }
            out.raw('}');
        }
        out.raw("]}");
        return new EncodedRecord(partition, offset, time, bytes.key(), out.toByteArray());
    }

    private static byte[] recordHead(TopicPartition partition) {
        return new JsonBytes(64).raw("{\"topic\":").string(partition.topic())
                .raw(",\"partition\":").number(partition.partition())
                .raw(",\"offset\":").toByteArray();
    }

    /** The name the event gives a timestamp type: CREATE_TIME, LOG_APPEND_TIME (or NO_TIMESTAMP_TYPE). */
    public static String timestampType(TimestampType type) {
        return type == null ? TimestampType.NO_TIMESTAMP_TYPE.name() : type.name();
    }

    /** The size of an event of one partition's records, without writing it. */
    public long size(TopicPartition partition, List<EncodedRecord> records) {
        long total = overhead(partition) + Math.max(0, records.size() - 1);
        for (EncodedRecord record : records) {
            total += record.json().length;
        }
        return total;
    }

    /** The size of an event of the partition with no records; each record adds its JSON and a comma. */
    public long overhead(TopicPartition partition) {
        return overheads.computeIfAbsent(partition, p -> {
            // "<topic>-<partition>" (topic names need no escaping), then ":[", the records, and "]}}"
            return head.length + partitionKey(p).length() + 2L + 2 + 3;
        });
    }

    /** The size of an event of the record alone. */
    public long size(EncodedRecord record) {
        return overhead(record.partition()) + record.json().length;
    }

    /** Writes the event of one partition's records, in order. */
    public byte[] event(TopicPartition partition, List<EncodedRecord> records) {
        var out = new JsonBytes((int) Math.min(Integer.MAX_VALUE - 8, size(partition, records)));
        out.raw(head).string(partitionKey(partition)).raw(":[");
        for (int i = 0; i < records.size(); i++) {
            if (i > 0) {
                out.raw(',');
            }
            out.raw(records.get(i).json());
        }
        return out.raw("]}}").take();
    }

    /** {@code "<topic>-<partition>"}, as the event names a partition's records (and batchItemFailures a record's). */
    public static String partitionKey(TopicPartition partition) {
        return partition.topic() + "-" + partition.partition();
    }
}
