package dev.sluice.connect.s3.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ParquetFormatTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(FormatSettings.ParquetCodec.class)
    void writesAFileThatParquetReadsBackFieldForField(FormatSettings.ParquetCodec codec) throws IOException {
        var format = RecordFormats.create(
                FormatSettings.defaults(FormatSettings.Kind.PARQUET).withParquetCodec(codec));

        Path file = save(JsonLinesFormatTest.write(format, Samples.orderRecord(1), Samples.orderRecord(2)));

        assertThat(format.extension()).isEqualTo(switch (codec) {
            case NONE -> ".parquet";
            case SNAPPY -> ".snappy.parquet";
            case GZIP -> ".gz.parquet";
            case ZSTD -> ".zstd.parquet";
            case LZ4_RAW -> ".lz4raw.parquet";
        });
        try (var reader = ParquetFileReader.open(new LocalInputFile(file), readOptions())) {
            ColumnChunkMetaData firstColumn = reader.getFooter().getBlocks().get(0).getColumns().get(0);
            assertThat(firstColumn.getCodec()).isEqualTo(ParquetCodecs.parquetName(codec));
            MessageType schema = reader.getFileMetaData().getSchema();
            assertThat(schema.getType("placed_at").getLogicalTypeAnnotation())
                    .isEqualTo(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS));
            assertThat(schema.getType("price").getLogicalTypeAnnotation())
                    .isEqualTo(LogicalTypeAnnotation.decimalType(2, 10));
            Statistics<?> ids = firstColumn.getStatistics();
            assertThat(ids.genericGetMin()).isEqualTo(1L);
            assertThat(ids.genericGetMax()).isEqualTo(2L);
        }
        List<GenericRecord> rows = read(file);
        assertThat(rows).hasSize(2);
        OrderAssertions.assertOrder(rows.get(0), 1);
        OrderAssertions.assertOrder(rows.get(1), 2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void nullElementsOfListsSurvive() throws IOException {
        Schema schema = SchemaBuilder.struct().name("WithNulls")
                .field("items", SchemaBuilder.array(Schema.OPTIONAL_INT32_SCHEMA).build())
                .build();
        var format = RecordFormats.create(FormatSettings.defaults(FormatSettings.Kind.PARQUET));
        List<Integer> items = new ArrayList<>(List.of(1, 2));
        items.add(1, null);

        Path file = save(JsonLinesFormatTest.write(format, Samples.record(schema, new Struct(schema).put("items",
                items), 1)));

        assertThat((List<Object>) read(file).get(0).get("items")).containsExactly(1, null, 2);
    }

    @Test
    void valuesThatAreNotStructsCannotOpenAParquetObject() {
        var format = RecordFormats.create(FormatSettings.defaults(FormatSettings.Kind.PARQUET));
        var out = new ByteArrayOutputStream();

        assertThatThrownBy(() -> format.open(out, null))
                .isInstanceOf(DataException.class).hasMessageContaining("Avro needs a schema");
        assertThatThrownBy(() -> format.open(out, Schema.STRING_SCHEMA))
                .isInstanceOf(DataException.class).hasMessageContaining("Parquet needs Struct values");
        assertThat(out.size()).isZero();
    }

    @Test
    void badRecordsAreRejectedWholeAndTheFileStaysReadable() throws IOException {
        Schema optionalOrder = SchemaBuilder.struct().name("Opt").optional()
                .field("id", Schema.INT64_SCHEMA)
                .build();
        var format = RecordFormats.create(FormatSettings.defaults(FormatSettings.Kind.PARQUET));
        var out = new ByteArrayOutputStream();
        RecordWriter writer = format.open(out, optionalOrder);

        writer.write(Samples.record(optionalOrder, new Struct(optionalOrder).put("id", 1L), 1));
        assertThatThrownBy(() -> writer.write(Samples.record(optionalOrder, null, 2)))
                .isInstanceOf(DataException.class).hasMessageContaining("null value");
        assertThatThrownBy(() -> writer.write(Samples.record(optionalOrder, new Struct(optionalOrder), 3)))
                .isInstanceOf(DataException.class);
        assertThatThrownBy(() -> writer.write(Samples.orderRecord(4)))
                .isInstanceOf(DataException.class).hasMessageContaining("differs from the schema");
        writer.write(Samples.record(optionalOrder, new Struct(optionalOrder).put("id", 5L), 5));
        writer.finish();

        assertThat(read(save(out.toByteArray()))).extracting(row -> row.get("id")).containsExactly(1L, 5L);
    }

    @Test
    void theOpenRowGroupIsReportedUntilWrittenAndRowGroupsKeepToTheirSize() throws IOException {
        long rowGroup = 64 * 1024;
        int rowBytes = 2048;
        Schema schema = SchemaBuilder.struct().name("Blob").field("id", Schema.INT64_SCHEMA)
                .field("data", Schema.STRING_SCHEMA).build();
        var format = RecordFormats.create(FormatSettings.defaults(FormatSettings.Kind.PARQUET)
                .withParquetRowGroupBytes(rowGroup));
        var out = new ByteArrayOutputStream();
        RecordWriter writer = format.open(out, schema);
        var random = new Random(42);
        long most = 0;
        int drops = 0;
        long before = writer.bufferedBytes();

        for (int id = 0; id < 310; id++) {
            writer.write(Samples.record(schema, new Struct(schema).put("id", (long) id)
                    .put("data", randomText(random, rowBytes)), id));
            long now = writer.bufferedBytes();
            most = Math.max(most, now);
            drops += now < before ? 1 : 0;
            before = now;
        }
        long unflushed = writer.bufferedBytes();
        writer.finish();

        assertThat(most).isGreaterThan(rowGroup / 2).isLessThanOrEqualTo(rowGroup + 2 * rowBytes);
        assertThat(drops).as("row groups written while the object is open").isGreaterThanOrEqualTo(5);
        assertThat(unflushed).isPositive();
        assertThat(writer.bufferedBytes()).isZero();
        Path file = save(out.toByteArray());
        try (var reader = ParquetFileReader.open(new LocalInputFile(file), readOptions())) {
            assertThat(reader.getFooter().getBlocks()).hasSizeGreaterThan(5);
        }
        assertThat(read(file)).extracting(row -> row.get("id")).containsExactlyElementsOf(
                LongStream.range(0, 310).boxed().toList());
    }

    static String randomText(Random random, int length) {
        var text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    private static ParquetReadOptions readOptions() {
        return ParquetReadOptions.builder(new PlainParquetConfiguration()).withCodecFactory(ParquetCodecs.INSTANCE)
                .build();
    }

    private Path save(byte[] bytes) throws IOException {
        Path file = Files.createTempFile(dir, "object", ".parquet");
        Files.write(file, bytes);
        return file;
    }

    /** Reads every row; Sluice's codecs decompress, since parquet's own need Hadoop. */
    static List<GenericRecord> read(Path file) throws IOException {
        ParquetReader.Builder<GenericRecord> builder = AvroParquetReader
                .<GenericRecord>builder(new LocalInputFile(file), new PlainParquetConfiguration())
                .withDataModel(GenericData.get())
                .withCodecFactory(ParquetCodecs.INSTANCE);
        List<GenericRecord> rows = new ArrayList<>();
        try (ParquetReader<GenericRecord> reader = builder.build()) {
            for (GenericRecord row = reader.read(); row != null; row = reader.read()) {
                rows.add(row);
            }
        }
        return rows;
    }
}
