package dev.sluice.connect.s3.format;

import java.io.IOException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

/** Writes the records of one object, in order, then finishes it. */
public interface RecordWriter {

    /**
     * Appends one record. A record that cannot be converted throws {@link DataException} and leaves the object
     * as it was, so the caller can report it and go on with the next.
     */
    void write(SinkRecord record) throws IOException;

    /** Writes what the format needs at the end (footers, compression trailers) and flushes; does not close the stream. */
    void finish() throws IOException;
}
