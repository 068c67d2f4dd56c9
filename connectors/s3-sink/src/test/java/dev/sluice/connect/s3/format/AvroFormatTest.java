package dev.sluice.connect.s3.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.SeekableByteArrayInput;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AvroFormatTest {

    @ParameterizedTest
    @EnumSource(FormatSettings.AvroCodec.class)
    void writesAContainerFileThatAvroReadsBackFieldForField(FormatSettings.AvroCodec codec) throws IOException {
        var format = RecordFormats.create(FormatSettings.defaults(FormatSettings.Kind.AVRO).withAvroCodec(codec));

        byte[] file = JsonLinesFormatTest.write(format, Samples.orderRecord(1), Samples.orderRecord(2));

        assertThat(format.extension()).isEqualTo(".avro");
        try (var reader = new DataFileReader<Object>(new SeekableByteArrayInput(file), new GenericDatumReader<>())) {
            assertThat(reader.getMetaString("avro.codec")).isEqualTo(codec.configName());
            assertThat(reader.getSchema()).isEqualTo(ConnectAvroSchemas.toAvro(Samples.ORDER));
            List<Object> records = readAll(reader);
            assertThat(records).hasSize(2);
            OrderAssertions.assertOrder((GenericRecord) records.get(0), 1);
            OrderAssertions.assertOrder((GenericRecord) records.get(1), 2);
        }
    }

    @Test
    void schemalessValuesCannotOpenAnAvroObject() {
        var format = RecordFormats.create(FormatSettings.defaults(FormatSettings.Kind.AVRO));
        var out = new ByteArrayOutputStream();

        assertThatThrownBy(() -> format.open(out, null))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("Avro needs a schema; use JsonConverter with schemas.enable=true");
        assertThat(out.size()).as("nothing written").isZero();
    }

    @Test
    void badRecordsAreRejectedWholeAndTheFileStaysReadable() throws IOException {
        var format = RecordFormats.create(FormatSettings.defaults(FormatSettings.Kind.AVRO));
        var out = new ByteArrayOutputStream();
        RecordWriter writer = format.open(out, Samples.ORDER);
        Schema other = SchemaBuilder.struct().name("com.example.Order").version(2)
                .field("id", Schema.INT64_SCHEMA).build();
        Struct missingRequired = new Struct(Samples.ORDER).put("id", 3L);

        writer.write(Samples.orderRecord(1));
        assertThatThrownBy(() -> writer.write(Samples.record(Samples.ORDER, "not a struct", 2)))
                .isInstanceOf(DataException.class);
        assertThatThrownBy(() -> writer.write(Samples.record(Samples.ORDER, missingRequired, 3)))
                .isInstanceOf(DataException.class);
        assertThatThrownBy(() -> writer.write(Samples.record(other, new Struct(other).put("id", 4L), 4)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("differs from the schema of the object");
        writer.write(Samples.orderRecord(5));
        writer.finish();

        try (var reader = new DataFileReader<Object>(
                new SeekableByteArrayInput(out.toByteArray()), new GenericDatumReader<>())) {
            List<Object> records = readAll(reader);
            assertThat(records).extracting(r -> ((GenericRecord) r).get("id")).containsExactly(1L, 5L);
        }
    }

    @Test
    void primitiveAndOptionalValuesAreWrittenAsTheirAvroTypes() throws IOException {
        var format = RecordFormats.create(FormatSettings.defaults(FormatSettings.Kind.AVRO));

        byte[] file = JsonLinesFormatTest.write(format,
                Samples.record(Schema.OPTIONAL_STRING_SCHEMA, "hello", 1),
                Samples.record(Schema.OPTIONAL_STRING_SCHEMA, null, 2));

        try (var reader = new DataFileReader<Object>(new SeekableByteArrayInput(file), new GenericDatumReader<>())) {
            assertThat(reader.getSchema()).hasToString("[\"null\",\"string\"]");
            List<Object> values = readAll(reader);
            assertThat(values).hasSize(2);
            assertThat(values.get(0)).hasToString("hello");
            assertThat(values.get(1)).isNull();
        }
    }

    private static List<Object> readAll(DataFileReader<Object> reader) {
        List<Object> records = new ArrayList<>();
        reader.forEach(records::add);
        return records;
    }
}
