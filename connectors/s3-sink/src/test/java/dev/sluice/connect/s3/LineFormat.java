package dev.sluice.connect.s3;

import dev.sluice.connect.s3.format.RecordFormat;
import dev.sluice.connect.s3.format.RecordWriter;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * A test-only format: one line per record, the value's {@code toString()} ({@code null} for tombstones). A value
 * that is the string {@code "poison"} cannot be converted, like a record a real format rejects. Keys and headers
 * objects written with it hold the {@code toString()} of the key or of the headers view.
 */
public final class LineFormat implements RecordFormat {

    public static final String POISON = "poison";

    @Override
    public String extension() {
        return ".txt";
    }

    @Override
    public RecordWriter open(OutputStream out, Schema valueSchema) {
        return new RecordWriter() {
            @Override
            public Staged stage(SinkRecord record) {
                if (POISON.equals(record.value())) {
                    throw new DataException("Cannot convert " + POISON);
                }
                byte[] line = (record.value() + "\n").getBytes(StandardCharsets.UTF_8);
                return () -> out.write(line);
            }

            @Override
            public void finish() throws java.io.IOException {
                out.flush();
            }
        };
    }
}
