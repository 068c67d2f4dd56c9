package dev.sluice.connect.s3.format;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.kafka.connect.data.Schema;

/**
 * How records become the bytes of one S3 object: JSON lines, raw bytes, Avro or Parquet.
 *
 * <p>A format is built once per task from the connector's settings and is stateless; each object gets its own
 * {@link RecordWriter}.
 */
public interface RecordFormat {

    /** The object key's extension, compression included, with its leading dot: {@code .json.gz}, {@code .avro}. */
    String extension();

    /**
     * Starts one object.
     *
     * @param out where the object's bytes go; the writer does not close it
     * @param valueSchema the Connect schema of the first record's value (null for schemaless records); formats
     *     that need one schema per file (Avro, Parquet) write every record of the object with it
     * @throws org.apache.kafka.connect.errors.DataException if this format cannot write values of
     *     {@code valueSchema} (Avro and Parquet need a schema; Parquet needs a Struct): nothing has been written,
     *     and the record that brought this schema is a bad record
     */
    RecordWriter open(OutputStream out, Schema valueSchema) throws IOException;
}
