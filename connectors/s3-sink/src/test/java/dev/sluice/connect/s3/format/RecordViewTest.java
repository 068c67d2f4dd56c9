package dev.sluice.connect.s3.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.connect.s3.format.FormatSettings.Kind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.SeekableByteArrayInput;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys and headers objects in each format, in the shapes Confluent's S3 sink gives them. */
class RecordViewTest {

    @TempDir
    Path dir;

    @Test
    void theViewsAreTheValuesThenTheKeysThenTheHeadersWithConfluentsExtensions() {
        List<ViewFormat> views = RecordFormats.views(FormatSettings.defaults(Kind.PARQUET)
                .withStoredViews(Optional.of(Kind.AVRO), Optional.of(Kind.JSON)).withCompression(Compression.NONE, -1));

        assertThat(views).extracting(ViewFormat::view)
                .containsExactly(RecordView.VALUE, RecordView.KEYS, RecordView.HEADERS);
        assertThat(views).extracting(ViewFormat::extension)
                .containsExactly(".snappy.parquet", ".keys.avro", ".headers.json");
        assertThat(views).extracting(ViewFormat::enveloped).containsExactly(true, false, false);
    }

    @Test
    void avroKeysAreTheKeysWithTheKeySchema() throws IOException {
        byte[] object = write(view(RecordView.KEYS, Kind.AVRO), Samples.orderRecord(1), Samples.orderRecord(2));

        try (var reader = new DataFileReader<>(new SeekableByteArrayInput(object), new GenericDatumReader<>())) {
            assertThat(reader.getSchema().getType()).isEqualTo(org.apache.avro.Schema.Type.STRING);
            List<String> keys = new ArrayList<>();
            reader.forEach(key -> keys.add(key.toString()));
            assertThat(keys).containsExactly("key-1", "key-2");
        }
    }

    @Test
    void avroHeadersAreAnArrayOfKeyValueStringRecords() throws IOException {
        byte[] object = write(view(RecordView.HEADERS, Kind.AVRO), Samples.orderRecord(1));

        try (var reader = new DataFileReader<>(new SeekableByteArrayInput(object), new GenericDatumReader<>())) {
            org.apache.avro.Schema element = reader.getSchema().getElementType();
            assertThat(element.getFullName()).isEqualTo("io.confluent.connect.avro.ConnectDefault");
            assertThat(element.getFields()).extracting(org.apache.avro.Schema.Field::name)
                    .containsExactly("key", "value");
            assertThat(reader.next()).hasToString("[{\"key\": \"trace\", \"value\": \"abc\"}, "
                    + "{\"key\": \"attempt\", \"value\": \"2\"}]");
        }
    }

    @Test
    void parquetWrapsKeysInRecordKeyAndHeadersInRecordHeaders() throws IOException {
        List<GenericRecord> keys = ParquetFormatTest.read(save(write(view(RecordView.KEYS, Kind.PARQUET),
                Samples.orderRecord(1), Samples.orderRecord(2))));
        List<GenericRecord> headers = ParquetFormatTest.read(save(write(view(RecordView.HEADERS, Kind.PARQUET),
                Samples.orderRecord(1))));

        assertThat(keys.get(0).getSchema().getName()).isEqualTo("RecordKey");
        assertThat(keys).extracting(row -> row.get("key").toString()).containsExactly("key-1", "key-2");
        assertThat(headers.get(0).getSchema().getName()).isEqualTo("RecordHeaders");
        assertThat(headers.get(0).get("headers")).hasToString("[{\"key\": \"trace\", \"value\": \"abc\"}, "
                + "{\"key\": \"attempt\", \"value\": \"2\"}]");
    }

    @Test
    void recordsThatCannotKeepOneEntryPerRecordAreRejectedBeforeAnythingIsWritten() {
        SinkRecord noKey = new SinkRecord("t", 0, null, null, null, "v", 1);
        SinkRecord nullHeader = new SinkRecord("t", 0, Schema.STRING_SCHEMA, "k", null, "v", 2, 0L,
                org.apache.kafka.common.record.TimestampType.CREATE_TIME, new ConnectHeaders().addString("h", null));
        SinkRecord schemalessKey = new SinkRecord("t", 0, null, "k", null, "v", 3);

        assertThatThrownBy(() -> RecordView.KEYS.project(noKey, false))
                .isInstanceOf(DataException.class).hasMessageContaining("key of t-0@1 is null");
        assertThatThrownBy(() -> RecordView.HEADERS.project(noKey, false))
                .isInstanceOf(DataException.class).hasMessageContaining("no headers");
        assertThatThrownBy(() -> RecordView.HEADERS.project(nullHeader, false))
                .isInstanceOf(DataException.class).hasMessageContaining("'h'");
        assertThatThrownBy(() -> RecordView.KEYS.project(schemalessKey, true))
                .isInstanceOf(DataException.class).hasMessageContaining("keys.format.class=json");
        assertThat(RecordView.KEYS.project(schemalessKey, false).value()).isEqualTo("k");
    }

    private static ViewFormat view(RecordView view, Kind kind) {
        return new ViewFormat(view, RecordFormats.create(FormatSettings.defaults(kind)), kind == Kind.PARQUET);
    }

    private static byte[] write(ViewFormat view, SinkRecord... records) throws IOException {
        var out = new ByteArrayOutputStream();
        RecordWriter writer = view.open(out, records[0]);
        for (SinkRecord record : records) {
            writer.write(view.project(record));
        }
        writer.finish();
        return out.toByteArray();
    }

    private Path save(byte[] bytes) throws IOException {
        Path file = Files.createTempFile(dir, "object", ".parquet");
        Files.write(file, bytes);
        return file;
    }
}
