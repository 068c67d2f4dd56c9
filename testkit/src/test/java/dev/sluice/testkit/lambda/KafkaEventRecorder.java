package dev.sluice.testkit.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.amazonaws.services.lambda.runtime.events.KafkaEvent.KafkaEventRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A function as a user of Lambda's Kafka event source writes it: it takes AWS's own {@link KafkaEvent}, as Lambda's
 * Java runtime deserializes it, and records what it got, one JSON line per record, to the file named by its
 * environment variable {@value #FILE_VARIABLE}, for a test to read back: the event's {@code eventSource},
 * {@code eventSourceArn} and {@code bootstrapServers}, the record's key in {@code records} ({@code recordsKey},
 * {@code "<topic>-<partition>"}), and the record's {@code topic}, {@code partition}, {@code offset},
 * {@code timestamp}, {@code timestampType}, base64 {@code key} and {@code value} (null when absent) and
 * {@code headers} (a list of single-entry objects, each value a list of byte values, or null); and, of the invocation
 * that brought it, {@code requestId}, {@code batchSize} (the records in the event) and {@code invokedAt} (epoch
 * milliseconds when the handler began). Answers {@code "recorded <count>"}.
 *
 * <p>Other test functions record what they got through {@link #append}, and package this class with theirs.
 */
public class KafkaEventRecorder implements RequestHandler<KafkaEvent, String> {

    public static final String FILE_VARIABLE = "SLUICE_RECORDER_FILE";

    @Override
    public String handleRequest(KafkaEvent event, Context context) {
        return "recorded " + append(event, context);
    }

    /** Appends a line per record of the event to the file named by {@value #FILE_VARIABLE}; returns how many. */
    public static int append(KafkaEvent event, Context context) {
        long invokedAt = System.currentTimeMillis();
        Map<String, List<KafkaEventRecord>> records = event.getRecords() == null ? Map.of() : event.getRecords();
        int count = records.values().stream().mapToInt(List::size).sum();
        String invocation = ",\"requestId\":" + string(context.getAwsRequestId()) + ",\"batchSize\":" + count
                + ",\"invokedAt\":" + invokedAt;
        StringBuilder lines = new StringBuilder();
        for (Map.Entry<String, List<KafkaEventRecord>> partition : records.entrySet()) {
            for (KafkaEventRecord record : partition.getValue()) {
                lines.append(line(event, partition.getKey(), record, invocation)).append('\n');
            }
        }
        // under a lock: the instances of the function are JVMs of their own, invoked at once for other partitions
        try (FileChannel file = FileChannel.open(Path.of(System.getenv(FILE_VARIABLE)), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND); FileLock lock = file.lock()) {
            ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                file.write(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return count;
    }

    /** The record's value as UTF-8 text; empty for a record without one. */
    public static String value(KafkaEventRecord record) {
        return record.getValue() == null ? ""
                : new String(Base64.getDecoder().decode(record.getValue()), StandardCharsets.UTF_8);
    }

    private static String line(KafkaEvent event, String recordsKey, KafkaEventRecord record, String invocation) {
        StringJoiner headers = new StringJoiner(",", "[", "]");
        if (record.getHeaders() != null) {
            for (Map<String, byte[]> header : record.getHeaders()) {
                for (Map.Entry<String, byte[]> entry : header.entrySet()) {
                    headers.add("{" + string(entry.getKey()) + ":" + bytes(entry.getValue()) + "}");
                }
            }
        }
        return "{\"eventSource\":" + string(event.getEventSource())
                + ",\"eventSourceArn\":" + string(event.getEventSourceArn())
                + ",\"bootstrapServers\":" + string(event.getBootstrapServers())
                + ",\"recordsKey\":" + string(recordsKey)
                + ",\"topic\":" + string(record.getTopic())
                + ",\"partition\":" + record.getPartition()
                + ",\"offset\":" + record.getOffset()
                + ",\"timestamp\":" + record.getTimestamp()
                + ",\"timestampType\":" + string(record.getTimestampType())
                + ",\"key\":" + string(record.getKey())
                + ",\"value\":" + string(record.getValue())
                + ",\"headers\":" + headers + invocation + "}";
    }

    private static String bytes(byte[] value) {
        if (value == null) {
            return "null";
        }
        StringJoiner bytes = new StringJoiner(",", "[", "]");
        for (byte b : value) {
            bytes.add(Integer.toString(b));
        }
        return bytes.toString();
    }

    private static String string(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}
