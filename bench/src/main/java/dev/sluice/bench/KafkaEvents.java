package dev.sluice.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The events of the {@code lambda-trigger} benchmark's raw invokes: what Lambda's Kafka event source sends, and the
 * connector too, for its settings in the benchmark (self-managed Kafka, no {@code bootstrapServers}, records with
 * null keys and no headers): {@code {"eventSource":"SelfManagedKafka","records":{"<topic>-<partition>":[...]}}}. A
 * unit test checks the bytes against the connector's own {@code KafkaEventWriter}.
 */
public final class KafkaEvents {

    private KafkaEvents() {
    }

    /** One event of records of one partition, in order. */
    public static byte[] event(List<ConsumerRecord<byte[], byte[]>> records) {
        ConsumerRecord<byte[], byte[]> first = records.get(0);
        var out = new ByteArrayOutputStream(records.size() * 1500 + 128);
        write(out, "{\"eventSource\":\"SelfManagedKafka\",\"records\":{\"" + first.topic() + "-" + first.partition()
                + "\":[");
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<byte[], byte[]> record = records.get(i);
            if (record.key() != null || record.headers().toArray().length > 0) {
                throw new IllegalArgumentException("the benchmark's records have no keys and no headers");
            }
            write(out, (i == 0 ? "" : ",") + "{\"topic\":\"" + record.topic() + "\",\"partition\":"
                    + record.partition() + ",\"offset\":" + record.offset() + ",\"timestamp\":" + record.timestamp()
                    + ",\"timestampType\":\"" + record.timestampType().name() + "\"");
            if (record.value() != null) {
                write(out, ",\"value\":\"");
                out.writeBytes(Base64.getEncoder().encode(record.value()));
                write(out, "\"");
            }
            write(out, ",\"headers\":[]}");
        }
        write(out, "]}}");
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
