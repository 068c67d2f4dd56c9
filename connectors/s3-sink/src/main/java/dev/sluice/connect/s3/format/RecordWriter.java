package dev.sluice.connect.s3.format;

import java.io.IOException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Writes the records of one object, in order, then finishes it.
 *
 * <p>Writing is two steps, {@link #stage} then {@link Staged#append}, so that a record bound for several objects
 * (the values and the keys and headers beside them) can be converted for all of them before any is written: a
 * record one of them rejects is then written to none, and the objects keep one entry per record.
 */
public interface RecordWriter {

    /**
     * Converts one record for this object without writing anything. A record that cannot be converted throws
     * {@link DataException}, and the caller can report it and go on with the next.
     */
    Staged stage(SinkRecord record);

    /** Stages and appends one record. */
    default void write(SinkRecord record) throws IOException {
        stage(record).append();
    }

    /** Writes what the format needs at the end (footers, compression trailers) and flushes; does not close the stream. */
    void finish() throws IOException;

    /**
     * The heap this writer holds for its object beyond what it has written to its stream, as far as the format
     * can tell: Parquet's open row group; zero for formats that write each record through.
     */
    default long bufferedBytes() {
        return 0;
    }

    /** A record converted for the object, not yet written. Stage and append one record at a time, in order. */
    @FunctionalInterface
    interface Staged {
        /**
         * Writes the record. Avro may still reject it ({@link DataException}), leaving the object as it was;
         * other formats fail here only on I/O.
         */
        void append() throws IOException;
    }
}
