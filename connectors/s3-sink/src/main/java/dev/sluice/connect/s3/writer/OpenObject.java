package dev.sluice.connect.s3.writer;

import dev.sluice.connect.s3.buffer.SpillingBuffer;
import dev.sluice.connect.s3.format.RecordWriter;
import java.io.IOException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.sink.SinkRecord;

/** One object being written: its format writer, its buffer, and the offsets of the records in it. */
final class OpenObject {

    private final String topic;
    private final String encodedPartition;
    private final SpillingBuffer buffer;
    private final RecordWriter writer;
    private final Schema schema;
    private long startOffset = -1;
    private int count;

    OpenObject(String topic, String encodedPartition, SpillingBuffer buffer, RecordWriter writer, Schema schema) {
        this.topic = topic;
        this.encodedPartition = encodedPartition;
        this.buffer = buffer;
        this.writer = writer;
        this.schema = schema;
    }

    /** @throws org.apache.kafka.connect.errors.DataException leaving the object as it was */
    void write(SinkRecord record, long offset) throws IOException {
        writer.write(record);
        if (count == 0) {
            startOffset = offset;
        }
        count++;
    }

    /** Ends the object and hands over its buffer, which the caller must release. */
    FinishedObject finish(ObjectKeys keys, int kafkaPartition, String extension) throws IOException {
        writer.finish();
        buffer.finish();
        return new FinishedObject(keys.key(topic, kafkaPartition, encodedPartition, startOffset, extension), buffer,
                count);
    }

    /** Drops the object and its bytes. */
    void discard() throws IOException {
        buffer.release();
    }

    SpillingBuffer buffer() {
        return buffer;
    }

    int count() {
        return count;
    }

    Schema schema() {
        return schema;
    }

    /** A finished object waiting for its upload. */
    record FinishedObject(String key, SpillingBuffer buffer, int count) {
    }
}
