package dev.sluice.connect.s3.format;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.sink.SinkRecord;

/** One Connect schema with every type the formats must carry, and records of it. */
final class Samples {

    static final long TIMESTAMP_MILLIS = 1_700_000_000_123L;
    static final int DATE_DAYS = 19_000;
    static final int TIME_MILLIS = 3_723_004; // 01:02:03.004

    static final Schema ADDRESS = SchemaBuilder.struct().name("com.example.Address")
            .field("street", Schema.STRING_SCHEMA)
            .field("zip", Schema.OPTIONAL_STRING_SCHEMA)
            .build();
    static final Schema OPTIONAL_ADDRESS = SchemaBuilder.struct().name("com.example.Address")
            .field("street", Schema.STRING_SCHEMA)
            .field("zip", Schema.OPTIONAL_STRING_SCHEMA)
            .optional()
            .build();
    static final Schema PRICE = Decimal.builder(2).parameter("connect.decimal.precision", "10").build();

    static final Schema ORDER = SchemaBuilder.struct().name("com.example.Order").version(1)
            .field("id", Schema.INT64_SCHEMA)
            .field("tiny", Schema.INT8_SCHEMA)
            .field("small", Schema.INT16_SCHEMA)
            .field("count", Schema.INT32_SCHEMA)
            .field("ratio", Schema.FLOAT32_SCHEMA)
            .field("score", Schema.FLOAT64_SCHEMA)
            .field("active", Schema.BOOLEAN_SCHEMA)
            .field("name", Schema.STRING_SCHEMA)
            .field("note", Schema.OPTIONAL_STRING_SCHEMA)
            .field("payload", Schema.BYTES_SCHEMA)
            .field("price", PRICE)
            .field("placed_at", Timestamp.SCHEMA)
            .field("placed_on", Date.SCHEMA)
            .field("placed_time", Time.SCHEMA)
            .field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).build())
            .field("attributes", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build())
            .field("names_by_id", SchemaBuilder.map(Schema.INT32_SCHEMA, Schema.STRING_SCHEMA).build())
            .field("address", ADDRESS)
            .field("previous", OPTIONAL_ADDRESS)
            .build();

    private Samples() {
    }

    static Struct order(long id) {
        Map<String, Integer> attributes = new LinkedHashMap<>();
        attributes.put("width", 3);
        attributes.put("height", 4);
        return new Struct(ORDER)
                .put("id", id)
                .put("tiny", (byte) 1)
                .put("small", (short) 2)
                .put("count", 3)
                .put("ratio", 0.5f)
                .put("score", 2.25d)
                .put("active", true)
                .put("name", "widget \"one\"")
                .put("note", null)
                .put("payload", new byte[] {1, 2, 3})
                .put("price", new BigDecimal("123.45"))
                .put("placed_at", new java.util.Date(TIMESTAMP_MILLIS))
                .put("placed_on", new java.util.Date(DATE_DAYS * 86_400_000L))
                .put("placed_time", new java.util.Date(TIME_MILLIS))
                .put("tags", List.of("a", "b"))
                .put("attributes", attributes)
                .put("names_by_id", Map.of(7, "seven"))
                .put("address", new Struct(ADDRESS).put("street", "Main St").put("zip", "12345"))
                .put("previous", null);
    }

    static SinkRecord record(Schema valueSchema, Object value, long offset) {
        var headers = new ConnectHeaders()
                .addString("trace", "abc")
                .addInt("attempt", 2);
        return new SinkRecord("orders", 3, Schema.STRING_SCHEMA, "key-" + offset, valueSchema, value, offset,
                1_700_000_000_000L + offset, TimestampType.CREATE_TIME, headers);
    }

    static SinkRecord orderRecord(long offset) {
        return record(ORDER, order(offset), offset);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
