package dev.sluice.connect.s3.format;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Parquet files ({@code .snappy.parquet}, {@code .parquet} uncompressed, and so on, as Confluent names them),
 * written by parquet-avro from the Avro schema {@link ConnectAvroSchemas} makes, without Hadoop: the configuration
 * is Parquet's plain one, the file is the caller's stream ({@link StreamOutputFile}) and the codecs are
 * {@link ParquetCodecs}.
 *
 * <p>A Parquet row must be a record, so values must be Structs, and not null. Lists are written in the standard
 * three-level form, which every current reader expects and which, unlike the old two-level one, allows null
 * elements.
 *
 * <p>Memory: Parquet shreds rows into column buffers in heap and writes them to the stream only a row group at a
 * time, when the buffered data reaches the row group size ({@code parquet.row.group.size.bytes}; Parquet's own
 * default, and Confluent's, is 128 MiB) or the object is finished. Parquet checks that size every so many rows,
 * planning each check halfway to where the average row size says the row group will be full (and at most 10,000
 * rows ahead), so a row group ends within about two rows of the limit unless rows grow sharply between two checks.
 * Parquet has no public way to end a row group early, and ending the object early would make object boundaries
 * depend on memory rather than on the records, so each open Parquet object holds up to about one row group of heap
 * whatever else is going on. {@link RecordWriter#bufferedBytes()} reports it (Parquet's own estimate of its
 * buffered data, which is what it compares with the row group size) so that the caller can count it against the
 * task's memory budget.
 */
public final class ParquetFormat implements RecordFormat {

    // Confluent's page size: smaller pages than Parquet's 1 MiB default keep readers' memory low.
    private static final int PAGE_SIZE = 64 * 1024;

    private final CompressionCodecName codec;
    private final long rowGroupBytes;

    ParquetFormat(FormatSettings.ParquetCodec codec, long rowGroupBytes) {
        this.codec = ParquetCodecs.parquetName(codec);
        this.rowGroupBytes = rowGroupBytes;
    }

    @Override
    public String extension() {
        return codec.getExtension() + ".parquet";
    }

    /**
     * {@inheritDoc}
     *
     * @throws DataException if {@code valueSchema} is null, not a Struct, or has no Avro form; nothing is written
     */
    @Override
    public RecordWriter open(OutputStream out, Schema valueSchema) throws IOException {
        org.apache.avro.Schema avroSchema = ConnectAvroSchemas.toAvro(valueSchema);
        if (valueSchema.type() != Schema.Type.STRUCT || valueSchema.fields().isEmpty()) {
            throw new DataException("Parquet needs Struct values with at least one field, not "
                    + ConnectAvroSchemas.describe(valueSchema) + "; use the json or avro format for these records");
        }
        if (avroSchema.getType() == org.apache.avro.Schema.Type.UNION) {
            // An optional Struct: rows are the record itself; null values are refused one by one.
            avroSchema = avroSchema.getTypes().get(1);
        }
        var file = new StreamOutputFile(out);
        ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(file)
                .withSchema(avroSchema)
                .withDataModel(GenericData.get())
                .withConf(new PlainParquetConfiguration(Map.of(AvroWriteSupport.WRITE_OLD_LIST_STRUCTURE, "false")))
                .withCodecFactory(ParquetCodecs.INSTANCE)
                .withCompressionCodec(codec)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withPageSize(PAGE_SIZE)
                .withRowGroupSize(rowGroupBytes)
                // Parquet measures its buffers first after 100 rows, by default, which for big rows would let a
                // row group grow far past its size; the caller measures after every row anyway.
                .withMinRowCountForPageSizeCheck(1)
                .withDictionaryEncoding(true)
                .build();
        return new Writer(writer, file, valueSchema, avroSchema);
    }

    private static final class Writer implements RecordWriter {
        private final ParquetWriter<GenericRecord> parquet;
        private final StreamOutputFile file;
        private final Schema schema;
        private final org.apache.avro.Schema avroSchema;
        private boolean finished;

        Writer(ParquetWriter<GenericRecord> parquet, StreamOutputFile file, Schema schema,
                org.apache.avro.Schema avroSchema) {
            this.parquet = parquet;
            this.file = file;
            this.schema = schema;
            this.avroSchema = avroSchema;
        }

        @Override
        public Staged stage(SinkRecord record) {
            SchemaChanges.requireSameSchema(schema, record);
            if (record.value() == null) {
                throw new DataException("Parquet cannot store a null value (" + record.topic() + "-"
                        + record.kafkaPartition() + "@" + record.kafkaOffset() + ")");
            }
            // Converted and checked in full first: Parquet shreds a row into column buffers as it goes, so a row
            // that failed half-way would leave the columns out of step.
            var row = (GenericRecord) ConnectAvroValues.toAvro(schema, avroSchema, record.value());
            return () -> {
                try {
                    parquet.write(row);
                } catch (RuntimeException e) {
                    throw new IOException("Parquet failed to write a checked row; the object is not usable", e);
                }
            };
        }

        @Override
        public void finish() throws IOException {
            try {
                // Writes the last row group and the footer, then closes the StreamOutputFile, which only flushes.
                parquet.close();
            } finally {
                finished = true;
            }
        }

        @Override
        public long bufferedBytes() {
            if (finished) {
                return 0; // closed: Parquet has let go of its column buffers
            }
            // getDataSize() is where the last row group ended plus the open one's buffered bytes; before the first
            // row group it counts from 0, not from the 4-byte magic number already written.
            long position = file.position();
            long written = position <= ParquetFileWriter.MAGIC.length ? 0 : position;
            return Math.max(0, parquet.getDataSize() - written);
        }
    }
}
