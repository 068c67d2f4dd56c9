package dev.sluice.connect.s3.format;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * One of the objects each rotation writes per encoded partition: a {@link RecordView} of the records in a
 * {@link RecordFormat}. The values' object always; the keys' and headers' objects when stored.
 *
 * @param enveloped whether keys and headers are wrapped in a struct first, which Parquet needs
 */
public record ViewFormat(RecordView view, RecordFormat format, boolean enveloped) {

    public ViewFormat {
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(format, "format");
    }

    /** The object key's extension: {@code .avro} for values, {@code .keys.avro}, {@code .headers.json.gz}. */
    public String extension() {
        return view.infix() + format.extension();
    }

    /** The record as this object's writer takes it; see {@link RecordView#project}. */
    public SinkRecord project(SinkRecord record) {
        return view.project(record, enveloped);
    }

    /**
     * Starts an object with the schema of {@code first}'s view.
     *
     * @throws org.apache.kafka.connect.errors.DataException if {@code first} has no such view, or the format cannot
     *     write it; nothing has been written
     */
    public RecordWriter open(OutputStream out, SinkRecord first) throws IOException {
        return format.open(out, project(first).valueSchema());
    }
}
