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
 * elements. The whole object is buffered in memory until {@link RecordWriter#finish()} unless it outgrows a row
 * group (Parquet's default, 128 MiB).
 */
public final class ParquetFormat implements RecordFormat {

    // Confluent's page size: smaller pages than Parquet's 1 MiB default keep readers' memory low.
    private static final int PAGE_SIZE = 64 * 1024;

    private final CompressionCodecName codec;

    ParquetFormat(FormatSettings.ParquetCodec codec) {
        this.codec = ParquetCodecs.parquetName(codec);
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
        ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(new StreamOutputFile(out))
                .withSchema(avroSchema)
                .withDataModel(GenericData.get())
                .withConf(new PlainParquetConfiguration(Map.of(AvroWriteSupport.WRITE_OLD_LIST_STRUCTURE, "false")))
                .withCodecFactory(ParquetCodecs.INSTANCE)
                .withCompressionCodec(codec)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withPageSize(PAGE_SIZE)
                .withDictionaryEncoding(true)
                .build();
        return new Writer(writer, valueSchema, avroSchema);
    }

    private static final class Writer implements RecordWriter {
        private final ParquetWriter<GenericRecord> parquet;
        private final Schema schema;
        private final org.apache.avro.Schema avroSchema;

        Writer(ParquetWriter<GenericRecord> parquet, Schema schema, org.apache.avro.Schema avroSchema) {
            this.parquet = parquet;
            this.schema = schema;
            this.avroSchema = avroSchema;
        }

        @Override
        public void write(SinkRecord record) throws IOException {
            SchemaChanges.requireSameSchema(schema, record);
            if (record.value() == null) {
                throw new DataException("Parquet cannot store a null value (" + record.topic() + "-"
                        + record.kafkaPartition() + "@" + record.kafkaOffset() + ")");
            }
            // Converted and checked in full first: Parquet shreds a row into column buffers as it goes, so a row
            // that failed half-way would leave the columns out of step.
            var row = (GenericRecord) ConnectAvroValues.toAvro(schema, avroSchema, record.value());
            try {
                parquet.write(row);
            } catch (RuntimeException e) {
                throw new IOException("Parquet failed to write a checked row; the object is not usable", e);
            }
        }

        @Override
        public void finish() throws IOException {
            // Writes the last row group and the footer, then closes the StreamOutputFile, which only flushes.
            parquet.close();
        }
    }
}
