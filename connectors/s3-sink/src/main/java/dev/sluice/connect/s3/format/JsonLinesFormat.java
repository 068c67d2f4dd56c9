package dev.sluice.connect.s3.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.json.DecimalFormat;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.json.JsonConverterConfig;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * One JSON document per line ({@code .json}), as Confluent's S3 {@code JsonFormat} writes them: each value goes
 * through Kafka's own {@link JsonConverter} with {@code schemas.enable=false}, so Structs, maps, arrays, decimals
 * (per {@code json.decimal.format}), bytes (base64) and the logical date types (epoch numbers) look exactly as
 * they do everywhere else in Connect. A String value is a JSON string, not JSON text to splice in. A null value
 * (a tombstone the caller let through) is the line {@code null}.
 *
 * <p>Keys and headers ({@code store.kafka.keys}, {@code store.kafka.headers}) go to objects of their own beside
 * the values, as in Confluent (see {@link RecordView}); the value lines do not change. With Sluice's
 * {@code json.envelope.enabled}, each value line is instead an envelope that carries the whole record:
 * <pre>
 * {"key":…,"value":…,"headers":{"name":…},"topic":"t","partition":0,"offset":42,"timestamp":1700000000000}
 * </pre>
 * where {@code key} and {@code timestamp} may be null. Readers expecting Confluent's value lines cannot read these,
 * so it is off unless asked for. Header values are converted like values; a header name that repeats keeps its
 * last value (as {@code Headers.lastWithName} does) at its first position.
 */
public final class JsonLinesFormat implements RecordFormat {

    private static final byte[] NEWLINE = {'\n'};
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

    private final Compression compression;
    private final int compressionLevel;
    private final boolean envelope;
    private final JsonConverter converter;

    JsonLinesFormat(Compression compression, int compressionLevel, DecimalFormat decimalFormat, boolean envelope) {
        this.compression = compression;
        this.compressionLevel = compressionLevel;
        this.envelope = envelope;
        this.converter = new JsonConverter();
        converter.configure(
                Map.of(
                        JsonConverterConfig.SCHEMAS_ENABLE_CONFIG, false,
                        JsonConverterConfig.DECIMAL_FORMAT_CONFIG, decimalFormat.name()),
                false);
    }

    @Override
    public String extension() {
        return ".json" + compression.extension();
    }

    @Override
    public RecordWriter open(OutputStream out, Schema valueSchema) throws IOException {
        DelimitedRecordWriter.Encoder encoder = envelope ? this::envelope : this::value;
        return new DelimitedRecordWriter(compression.wrap(out, compressionLevel), encoder, NEWLINE);
    }

    private byte[] value(SinkRecord record) {
        return json(record.topic(), record.valueSchema(), record.value());
    }

    private byte[] envelope(SinkRecord record) {
        String topic = record.topic();
        var line = new ByteArrayOutputStream(256);
        field(line, "{\"key\":", json(topic, record.keySchema(), record.key()));
        field(line, ",\"value\":", value(record));
        field(line, ",\"headers\":", headers(record));
        field(line, ",\"topic\":", json(topic, Schema.STRING_SCHEMA, topic));
        field(line, ",\"partition\":", ascii(record.kafkaPartition()));
        field(line, ",\"offset\":", ascii(record.kafkaOffset()));
        field(line, ",\"timestamp\":", ascii(record.timestamp()));
        line.write('}');
        return line.toByteArray();
    }

    private byte[] headers(SinkRecord record) {
        Map<String, byte[]> byName = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            byName.put(header.key(), json(record.topic(), header.schema(), header.value()));
        }
        var object = new ByteArrayOutputStream(64);
        char separator = '{';
        for (var entry : byName.entrySet()) {
            object.write(separator);
            object.writeBytes(json(record.topic(), Schema.STRING_SCHEMA, entry.getKey()));
            object.write(':');
            object.writeBytes(entry.getValue());
            separator = ',';
        }
        if (byName.isEmpty()) {
            object.write('{');
        }
        object.write('}');
        return object.toByteArray();
    }

    /** The converter's JSON for one value; it throws DataException for a value that does not fit its schema. */
    private byte[] json(String topic, Schema schema, Object value) {
        if (value == null) {
            // The converter would reject a null for a required schema; a tombstone's null is still a null.
            return NULL;
        }
        return converter.fromConnectData(topic, schema, value);
    }

    private static void field(ByteArrayOutputStream line, String prefix, byte[] json) {
        line.writeBytes(prefix.getBytes(StandardCharsets.UTF_8));
        line.writeBytes(json);
    }

    private static byte[] ascii(Object number) {
        return number == null ? NULL : number.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
