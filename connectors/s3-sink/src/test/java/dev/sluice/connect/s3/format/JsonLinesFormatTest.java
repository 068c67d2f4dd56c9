package dev.sluice.connect.s3.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.luben.zstd.ZstdInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.json.DecimalFormat;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.xerial.snappy.SnappyFramedInputStream;

class JsonLinesFormatTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void writesEachStructAsOneLineTheWayJsonConverterRendersIt() throws IOException {
        var format = RecordFormats.create(FormatSettings.defaults(FormatSettings.Kind.JSON));

        byte[] object = write(format, Samples.orderRecord(7), Samples.orderRecord(8));
        List<JsonNode> lines = readLines(object, Compression.NONE);

        assertThat(format.extension()).isEqualTo(".json");
        assertThat(lines).hasSize(2);
        JsonNode order = lines.get(0);
        assertThat(order.get("id").isIntegralNumber()).isTrue();
        assertThat(order.get("id").asLong()).isEqualTo(7);
        assertThat(order.get("tiny").asInt()).isEqualTo(1);
        assertThat(order.get("small").asInt()).isEqualTo(2);
        assertThat(order.get("count").asInt()).isEqualTo(3);
        assertThat(order.get("ratio").asDouble()).isEqualTo(0.5);
        assertThat(order.get("score").asDouble()).isEqualTo(2.25);
        assertThat(order.get("active").asBoolean()).isTrue();
        assertThat(order.get("name").asText()).isEqualTo("widget \"one\"");
        assertThat(order.get("note").isNull()).isTrue();
        assertThat(order.get("payload").asText()).isEqualTo("AQID");
        // BASE64 decimals are the unscaled value's bytes: 12345 = 0x3039.
        assertThat(order.get("price").asText()).isEqualTo("MDk=");
        assertThat(order.get("placed_at").asLong()).isEqualTo(Samples.TIMESTAMP_MILLIS);
        assertThat(order.get("placed_on").asInt()).isEqualTo(Samples.DATE_DAYS);
        assertThat(order.get("placed_time").asInt()).isEqualTo(Samples.TIME_MILLIS);
        assertThat(order.get("tags")).hasToString("[\"a\",\"b\"]");
        assertThat(order.get("attributes")).hasToString("{\"width\":3,\"height\":4}");
        // JsonConverter writes maps with non-string keys as [key, value] pairs.
        assertThat(order.get("names_by_id")).hasToString("[[7,\"seven\"]]");
        assertThat(order.get("address")).hasToString("{\"street\":\"Main St\",\"zip\":\"12345\"}");
        assertThat(order.get("previous").isNull()).isTrue();
        assertThat(lines.get(1).get("id").asLong()).isEqualTo(8);
    }

    @Test
    void numericDecimalFormatWritesDecimalsAsNumbers() throws IOException {
        var settings = FormatSettings.defaults(FormatSettings.Kind.JSON)
                .withJsonDecimalFormat(FormatSettings.parseJsonDecimalFormat("numeric"));

        JsonNode order = readLines(write(RecordFormats.create(settings), Samples.orderRecord(1)), Compression.NONE)
                .get(0);

        assertThat(settings.jsonDecimalFormat()).isEqualTo(DecimalFormat.NUMERIC);
        assertThat(order.get("price").isNumber()).isTrue();
        assertThat(order.get("price").decimalValue()).isEqualByComparingTo("123.45");
    }

    @Test
    void schemalessValuesStringsAndTombstonesAreJsonValues() throws IOException {
        var format = RecordFormats.create(FormatSettings.defaults(FormatSettings.Kind.JSON));

        byte[] object = write(format,
                Samples.record(null, Map.of("a", List.of(1, 2)), 1),
                Samples.record(Schema.STRING_SCHEMA, "{\"not\":\"spliced\"}", 2),
                Samples.record(null, "plain", 3),
                Samples.record(SchemaBuilder.struct().optional().build(), null, 4),
                Samples.record(null, null, 5));

        assertThat(new String(object, StandardCharsets.UTF_8)).isEqualTo(
                "{\"a\":[1,2]}\n\"{\\\"not\\\":\\\"spliced\\\"}\"\n\"plain\"\nnull\nnull\n");
    }

    @Test
    void envelopeCarriesKeyHeadersAndCoordinates() throws IOException {
        var settings = FormatSettings.defaults(FormatSettings.Kind.JSON).withJsonEnvelope(true);
        SinkRecord record = Samples.orderRecord(42);
        record.headers().addString("trace", "last wins");

        JsonNode line = readLines(write(RecordFormats.create(settings), record), Compression.NONE).get(0);

        assertThat(line.fieldNames()).toIterable()
                .containsExactly("key", "value", "headers", "topic", "partition", "offset", "timestamp");
        assertThat(line.get("key").asText()).isEqualTo("key-42");
        assertThat(line.get("value").get("id").asLong()).isEqualTo(42);
        assertThat(line.get("value").get("address").get("street").asText()).isEqualTo("Main St");
        assertThat(line.get("headers")).hasToString("{\"trace\":\"last wins\",\"attempt\":2}");
        assertThat(line.get("topic").asText()).isEqualTo("orders");
        assertThat(line.get("partition").asInt()).isEqualTo(3);
        assertThat(line.get("offset").asLong()).isEqualTo(42);
        assertThat(line.get("timestamp").asLong()).isEqualTo(1_700_000_000_042L);
    }

    @Test
    void envelopeHasNullsForAMissingKeyValueAndTimestamp() throws IOException {
        var settings = FormatSettings.defaults(FormatSettings.Kind.JSON).withJsonEnvelope(true);
        var record = new SinkRecord("t", 0, null, null, null, null, 9);

        JsonNode line = readLines(write(RecordFormats.create(settings), record), Compression.NONE).get(0);

        assertThat(line).hasToString("{\"key\":null,\"value\":null,\"headers\":{},\"topic\":\"t\",\"partition\":0,"
                + "\"offset\":9,\"timestamp\":null}");
    }

    @Test
    void storingKeysAndHeadersLeavesTheValueLinesAsConfluentWritesThem() throws IOException {
        var settings = FormatSettings.defaults(FormatSettings.Kind.JSON)
                .withStoredViews(Optional.of(FormatSettings.Kind.JSON), Optional.of(FormatSettings.Kind.JSON));

        JsonNode line = readLines(write(RecordFormats.create(settings), Samples.orderRecord(42)), Compression.NONE)
                .get(0);

        assertThat(line.get("id").asLong()).isEqualTo(42);
        assertThat(line.has("key")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void compressedObjectsDecompressToTheSameLines(Compression compression) throws IOException {
        var settings = FormatSettings.defaults(FormatSettings.Kind.JSON).withCompression(compression, -1);
        var format = RecordFormats.create(settings);

        List<JsonNode> lines = readLines(write(format, Samples.orderRecord(1), Samples.orderRecord(2)), compression);

        assertThat(format.extension()).isEqualTo(".json" + compression.extension());
        assertThat(lines).extracting(line -> line.get("id").asLong()).containsExactly(1L, 2L);
    }

    @Test
    void aValueThatDoesNotFitItsSchemaIsRejectedAndLeavesTheObjectReadable() throws IOException {
        var format = RecordFormats.create(FormatSettings.defaults(FormatSettings.Kind.JSON)
                .withCompression(Compression.GZIP, 9));
        var out = new ByteArrayOutputStream();
        RecordWriter writer = format.open(out, Samples.ORDER);

        writer.write(Samples.orderRecord(1));
        assertThatThrownBy(() -> writer.write(Samples.record(Schema.INT32_SCHEMA, "not an int", 2)))
                .isInstanceOf(DataException.class);
        writer.write(Samples.orderRecord(3));
        writer.finish();

        assertThat(readLines(out.toByteArray(), Compression.GZIP))
                .extracting(line -> line.get("id").asLong()).containsExactly(1L, 3L);
    }

    static byte[] write(RecordFormat format, SinkRecord... records) throws IOException {
        var out = new ByteArrayOutputStream();
        RecordWriter writer = format.open(out, records[0].valueSchema());
        for (SinkRecord record : records) {
            writer.write(record);
        }
        writer.finish();
        return out.toByteArray();
    }

    static InputStream decompress(byte[] object, Compression compression) throws IOException {
        var in = new ByteArrayInputStream(object);
        return switch (compression) {
            case NONE -> in;
            case GZIP -> new GZIPInputStream(in);
            case ZSTD -> new ZstdInputStream(in);
            case SNAPPY -> new SnappyFramedInputStream(in);
        };
    }

    private static List<JsonNode> readLines(byte[] object, Compression compression) throws IOException {
        String text;
        try (InputStream in = decompress(object, compression)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(text).endsWith("\n");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            lines.add(MAPPER.readTree(line));
        }
        return lines;
    }
}
