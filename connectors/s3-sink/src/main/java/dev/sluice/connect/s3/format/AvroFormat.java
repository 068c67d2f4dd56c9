package dev.sluice.connect.s3.format;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Avro object container files ({@code .avro}), one Avro schema per object, converted from the first record's
 * Connect schema by {@link ConnectAvroSchemas}; the codec ({@code avro.codec}) compresses each block inside the file.
 *
 * <p>Every record of an object must carry that same Connect schema: decide with {@link SchemaChanges} whether a
 * record needs a new object or a projection first.
 */
public final class AvroFormat implements RecordFormat {

    private final FormatSettings.AvroCodec codec;

    AvroFormat(FormatSettings.AvroCodec codec) {
        this.codec = codec;
    }

    @Override
    public String extension() {
        return ".avro";
    }

    /**
     * {@inheritDoc}
     *
     * @throws DataException if {@code valueSchema} is null or has no Avro form; nothing is written then
     */
    @Override
    public RecordWriter open(OutputStream out, Schema valueSchema) throws IOException {
        org.apache.avro.Schema avroSchema = ConnectAvroSchemas.toAvro(valueSchema);
        var writer = new DataFileWriter<Object>(new GenericDatumWriter<>(avroSchema));
        writer.setCodec(CodecFactory.fromString(codec.configName()));
        writer.create(avroSchema, out);
        return new Writer(writer, valueSchema, avroSchema);
    }

    private static final class Writer implements RecordWriter {
        private final DataFileWriter<Object> file;
        private final Schema schema;
        private final org.apache.avro.Schema avroSchema;

        Writer(DataFileWriter<Object> file, Schema schema, org.apache.avro.Schema avroSchema) {
            this.file = file;
            this.schema = schema;
            this.avroSchema = avroSchema;
        }

        @Override
        public Staged stage(SinkRecord record) {
            SchemaChanges.requireSameSchema(schema, record);
            Object datum = ConnectAvroValues.toAvro(schema, avroSchema, record.value());
            return () -> {
                try {
                    file.append(datum);
                } catch (DataFileWriter.AppendWriteException e) {
                    // Avro has rolled its block buffer back to before this record, so the file stays whole.
                    throw new DataException("Avro could not write " + record.topic() + "-" + record.kafkaPartition()
                            + "@" + record.kafkaOffset() + ": " + e.getCause().getMessage(), e);
                }
            };
        }

        @Override
        public void finish() throws IOException {
            try {
                // flush() writes the last block and flushes; close() would close the caller's stream too.
                file.flush();
            } catch (AvroRuntimeException e) {
                throw new IOException("Avro could not finish the object", e);
            }
        }
    }
}
