package dev.sluice.connect.lambda.event;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * The bytes of a record's key, value and headers. With {@code ByteArrayConverter} (the setting to use, so that the
 * function gets exactly the bytes in Kafka, as from Lambda) they are the bytes themselves. Other converters' data is
 * encoded: strings as UTF-8; structs, maps and arrays as JSON (bytes inside as base64 strings, decimals as numbers,
 * dates and times as epoch milliseconds); numbers and booleans as their JSON text.
 */
public final class ConnectData {

    private ConnectData() {
    }

    /** @throws DataException when a key, value or header is of a type that has no encoding here */
    public static RecordBytes of(SinkRecord record) {
        List<RecordBytes.Header> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(new RecordBytes.Header(header.key(), bytes(header.value(), "header " + header.key())));
        }
        return new RecordBytes(bytes(record.key(), "key"), bytes(record.value(), "value"), headers);
    }

    static byte[] bytes(Object data, String what) {
        if (data == null) {
            return null;
        }
        if (data instanceof byte[] bytes) {
            return bytes;
        }
        if (data instanceof ByteBuffer buffer) {
            ByteBuffer copy = buffer.duplicate();
            byte[] bytes = new byte[copy.remaining()];
            copy.get(bytes);
            return bytes;
        }
        if (data instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        var out = new JsonBytes(128);
        json(data, out, what);
        return out.toByteArray();
    }

    private static void json(Object data, JsonBytes out, String what) {
        if (data == null) {
            out.raw("null");
        } else if (data instanceof String text) {
            out.string(text);
        } else if (data instanceof Boolean bool) {
            out.raw(bool.toString());
        } else if (data instanceof BigDecimal decimal) {
            out.raw(decimal.toString());
        } else if (data instanceof Double || data instanceof Float) {
            double number = ((Number) data).doubleValue();
            if (Double.isFinite(number)) {
                out.raw(data.toString());
            } else {
                out.string(data.toString());
            }
        } else if (data instanceof Number number) {
            out.raw(number.toString());
        } else if (data instanceof Date date) {
            out.number(date.getTime());
        } else if (data instanceof byte[] bytes) {
            out.base64(bytes);
        } else if (data instanceof ByteBuffer buffer) {
            out.base64(bytes(buffer, what));
        } else if (data instanceof Struct struct) {
            struct(struct, out, what);
        } else if (data instanceof Map<?, ?> map) {
            map(map, out, what);
        } else if (data instanceof Collection<?> items) {
            out.raw('[');
            boolean first = true;
            for (Object item : items) {
                out.raw(first ? "" : ",");
                first = false;
                json(item, out, what);
            }
            out.raw(']');
        } else {
            throw new DataException("The record's " + what + " is a " + data.getClass().getName() + ", which cannot "
                    + "go into a Lambda event; use ByteArrayConverter (or StringConverter, JsonConverter)");
        }
    }

    private static void struct(Struct struct, JsonBytes out, String what) {
        out.raw('{');
        boolean first = true;
        for (Field field : struct.schema().fields()) {
            out.raw(first ? "" : ",").string(field.name()).raw(':');
            first = false;
            json(struct.get(field), out, what);
        }
        out.raw('}');
    }

    private static void map(Map<?, ?> map, JsonBytes out, String what) {
        out.raw('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            out.raw(first ? "" : ",").string(String.valueOf(entry.getKey())).raw(':');
            first = false;
            json(entry.getValue(), out, what);
        }
        out.raw('}');
    }
}
