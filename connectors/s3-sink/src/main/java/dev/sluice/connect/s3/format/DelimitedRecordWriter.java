package dev.sluice.connect.s3.format;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Writes each record as its encoded bytes and a separator, through the object's compression: the shape JSON
 * lines and bytes objects share.
 */
final class DelimitedRecordWriter implements RecordWriter {

    /** Turns one record into its bytes, or throws {@link org.apache.kafka.connect.errors.DataException}. */
    @FunctionalInterface
    interface Encoder {
        byte[] encode(SinkRecord record);
    }

    private final OutputStream out;
    private final Encoder encoder;
    private final byte[] separator;

    DelimitedRecordWriter(OutputStream out, Encoder encoder, byte[] separator) {
        this.out = out;
        this.encoder = encoder;
        this.separator = separator.clone();
    }

    @Override
    public Staged stage(SinkRecord record) {
        // Encoded in full before the stream is touched, so that a bad record leaves no partial line behind.
        byte[] bytes = encoder.encode(record);
        return () -> {
            out.write(bytes);
            out.write(separator);
        };
    }

    @Override
    public void finish() throws IOException {
        // The stream is the compression wrapper, whose close writes the trailer but keeps the caller's stream open.
        out.close();
    }
}
