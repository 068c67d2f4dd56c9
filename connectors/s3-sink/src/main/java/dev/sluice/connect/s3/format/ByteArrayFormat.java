package dev.sluice.connect.s3.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * The raw value bytes, each followed by a separator ({@code .bin}), as Confluent's {@code ByteArrayFormat} writes
 * them. Values must be {@code byte[]} or {@link ByteBuffer}, which is what {@code ByteArrayConverter} produces;
 * anything else, a null (tombstone) included, is a {@link DataException}, since no byte sequence could stand for
 * it without being mistaken for a real value.
 */
public final class ByteArrayFormat implements RecordFormat {

    private final Compression compression;
    private final int compressionLevel;
    private final byte[] separator;

    ByteArrayFormat(Compression compression, int compressionLevel, String separator) {
        this.compression = compression;
        this.compressionLevel = compressionLevel;
        this.separator = separator.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String extension() {
        return ".bin" + compression.extension();
    }

    @Override
    public RecordWriter open(OutputStream out, Schema valueSchema) throws IOException {
        return new DelimitedRecordWriter(compression.wrap(out, compressionLevel), ByteArrayFormat::bytes, separator);
    }

    private static byte[] bytes(SinkRecord record) {
        Object value = record.value();
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        if (value instanceof ByteBuffer buffer) {
            // Copy through a duplicate so the record's buffer keeps its position for anyone else reading it.
            ByteBuffer view = buffer.duplicate();
            byte[] bytes = new byte[view.remaining()];
            view.get(bytes);
            return bytes;
        }
        throw new DataException("The bytearray format needs byte[] values (use ByteArrayConverter), but "
                + record.topic() + "-" + record.kafkaPartition() + "@" + record.kafkaOffset() + " has "
                + (value == null ? "a null value" : "a " + value.getClass().getName()));
    }
}
