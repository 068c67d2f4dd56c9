package dev.sluice.connect.s3.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ByteArrayFormatTest {

    @Test
    void writesRawValuesEachFollowedByTheSeparator() throws IOException {
        var format = RecordFormats.create(FormatSettings.defaults(FormatSettings.Kind.BYTES));
        ByteBuffer buffer = ByteBuffer.wrap(Samples.utf8("xxsecond"));
        buffer.position(2);

        byte[] object = JsonLinesFormatTest.write(format,
                Samples.record(Schema.BYTES_SCHEMA, Samples.utf8("first"), 1),
                Samples.record(Schema.OPTIONAL_BYTES_SCHEMA, buffer, 2),
                Samples.record(null, new byte[0], 3));

        assertThat(format.extension()).isEqualTo(".bin");
        assertThat(object).isEqualTo(Samples.utf8("first\nsecond\n\n"));
        assertThat(buffer.position()).as("the record's buffer is left as it was").isEqualTo(2);
    }

    @Test
    void theSeparatorIsConfigurableAndMayBeEmpty() throws IOException {
        var crlf = RecordFormats.create(
                FormatSettings.defaults(FormatSettings.Kind.BYTES).withByteArraySeparator("\r\n"));
        var none = RecordFormats.create(
                FormatSettings.defaults(FormatSettings.Kind.BYTES).withByteArraySeparator(""));

        assertThat(JsonLinesFormatTest.write(crlf, Samples.record(null, Samples.utf8("a"), 1)))
                .isEqualTo(Samples.utf8("a\r\n"));
        assertThat(JsonLinesFormatTest.write(none, Samples.record(null, Samples.utf8("a"), 1),
                Samples.record(null, Samples.utf8("b"), 2))).isEqualTo(Samples.utf8("ab"));
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void compressedObjectsDecompressToTheSameBytes(Compression compression) throws IOException {
        var format = RecordFormats.create(
                FormatSettings.defaults(FormatSettings.Kind.BYTES).withCompression(compression, -1));

        byte[] object = JsonLinesFormatTest.write(format, Samples.record(null, Samples.utf8("one"), 1),
                Samples.record(null, Samples.utf8("two"), 2));

        assertThat(format.extension()).isEqualTo(".bin" + compression.extension());
        try (InputStream in = JsonLinesFormatTest.decompress(object, compression)) {
            assertThat(in.readAllBytes()).isEqualTo(Samples.utf8("one\ntwo\n"));
        }
    }

    @Test
    void nonBytesValuesAreRejectedAndLeaveTheObjectReadable() throws IOException {
        var format = RecordFormats.create(
                FormatSettings.defaults(FormatSettings.Kind.BYTES).withCompression(Compression.ZSTD, 5));
        var out = new ByteArrayOutputStream();
        RecordWriter writer = format.open(out, null);

        writer.write(Samples.record(null, Samples.utf8("ok"), 1));
        assertThatThrownBy(() -> writer.write(Samples.record(Schema.STRING_SCHEMA, "text", 2)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("orders-3@2")
                .hasMessageContaining("java.lang.String");
        assertThatThrownBy(() -> writer.write(Samples.record(null, null, 3)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("null value");
        writer.write(Samples.record(null, Samples.utf8("fine"), 4));
        writer.finish();

        try (InputStream in = JsonLinesFormatTest.decompress(out.toByteArray(), Compression.ZSTD)) {
            assertThat(in.readAllBytes()).isEqualTo(Samples.utf8("ok\nfine\n"));
        }
    }
}
