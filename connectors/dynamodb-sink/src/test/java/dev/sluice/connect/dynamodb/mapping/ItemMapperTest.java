package dev.sluice.connect.dynamodb.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ItemMapperTest {

    private final ItemMapper mapper = new ItemMapper(false);

    private static final Schema ADDRESS = SchemaBuilder.struct().name("Address")
            .field("city", Schema.STRING_SCHEMA)
            .field("zip", Schema.OPTIONAL_STRING_SCHEMA)
            .build();
    private static final Schema ORDER = SchemaBuilder.struct().name("Order")
            .field("id", Schema.STRING_SCHEMA)
            .field("int8", Schema.INT8_SCHEMA)
            .field("int16", Schema.INT16_SCHEMA)
            .field("int32", Schema.INT32_SCHEMA)
            .field("int64", Schema.INT64_SCHEMA)
            .field("float32", Schema.FLOAT32_SCHEMA)
            .field("float64", Schema.FLOAT64_SCHEMA)
            .field("price", Decimal.schema(4))
            .field("paid", Schema.BOOLEAN_SCHEMA)
            .field("blob", Schema.BYTES_SCHEMA)
            .field("address", ADDRESS)
            .field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).build())
            .field("counts", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build())
            .field("note", Schema.OPTIONAL_STRING_SCHEMA)
            .field("at", Timestamp.SCHEMA)
            .build();

    @Test
    void aStructBecomesAnItemWithEveryType() {
        Struct order = new Struct(ORDER)
                .put("id", "o-1")
                .put("int8", (byte) -8)
                .put("int16", (short) 1600)
                .put("int32", 320_000)
                .put("int64", 9_007_199_254_740_993L)
                .put("float32", 0.1f)
                .put("float64", 2.5e-3)
                .put("price", new BigDecimal("12345678901234567890.1230"))
                .put("paid", true)
                .put("blob", new byte[] {1, 2, 3})
                .put("address", new Struct(ADDRESS).put("city", "Lyon"))
                .put("tags", List.of("a", "b", "a"))
                .put("counts", Map.of("x", 1))
                .put("at", new Date(1_700_000_000_123L));

        Map<String, AttributeValue> item = ItemMapper.attributes(mapper.toAttribute(order, ORDER));

        assertThat(item).containsEntry("id", AttributeValue.fromS("o-1"))
                .containsEntry("int8", AttributeValue.fromN("-8"))
                .containsEntry("int16", AttributeValue.fromN("1600"))
                .containsEntry("int32", AttributeValue.fromN("320000"))
                .containsEntry("int64", AttributeValue.fromN("9007199254740993"))
                .containsEntry("float32", AttributeValue.fromN("0.1"))
                .containsEntry("float64", AttributeValue.fromN("0.0025"))
                .containsEntry("price", AttributeValue.fromN("12345678901234567890.1230"))
                .containsEntry("paid", AttributeValue.fromBool(true))
                .containsEntry("blob", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1, 2, 3})))
                .containsEntry("address", AttributeValue.fromM(mapOf("city", AttributeValue.fromS("Lyon"),
                        "zip", AttributeValue.fromNul(true))))
                .containsEntry("tags", AttributeValue.fromL(List.of(AttributeValue.fromS("a"),
                        AttributeValue.fromS("b"), AttributeValue.fromS("a"))))
                .containsEntry("counts", AttributeValue.fromM(Map.of("x", AttributeValue.fromN("1"))))
                .containsEntry("note", AttributeValue.fromNul(true))
                .containsEntry("at", AttributeValue.fromN("1700000000123"));
    }

    @Test
    void aSchemalessMapBecomesAnItem() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("name", "Ada");
        value.put("age", 36L);
        value.put("ratio", new BigDecimal("0.30"));
        value.put("raw", ByteBuffer.wrap("hi".getBytes(StandardCharsets.UTF_8)));
        value.put("nested", Map.of("list", List.of(1, "two", false)));
        value.put("nothing", null);

        Map<String, AttributeValue> item = ItemMapper.attributes(mapper.toAttribute(value, null));

        assertThat(item).containsEntry("name", AttributeValue.fromS("Ada"))
                .containsEntry("age", AttributeValue.fromN("36"))
                .containsEntry("ratio", AttributeValue.fromN("0.30"))
                .containsEntry("raw", AttributeValue.fromB(SdkBytes.fromUtf8String("hi")))
                .containsEntry("nested", AttributeValue.fromM(Map.of("list", AttributeValue.fromL(List.of(
                        AttributeValue.fromN("1"), AttributeValue.fromS("two"), AttributeValue.fromBool(false))))))
                .containsEntry("nothing", AttributeValue.fromNul(true));
    }

    @Test
    void aJsonStringBecomesAnItemWithItsNumbersExact() {
        String json = """
                {"id": "o-2", "amount": 12345678901234567890.123456789, "big": 1e3, "ok": true, "none": null,
                 "lines": [{"sku": "A", "qty": 2}], "tags": []}""";

        Map<String, AttributeValue> item = ItemMapper.attributes(mapper.toAttribute(json, Schema.STRING_SCHEMA));

        assertThat(item).containsEntry("id", AttributeValue.fromS("o-2"))
                .containsEntry("amount", AttributeValue.fromN("12345678901234567890.123456789"))
                .containsEntry("big", AttributeValue.fromN("1000"))
                .containsEntry("ok", AttributeValue.fromBool(true))
                .containsEntry("none", AttributeValue.fromNul(true))
                .containsEntry("lines", AttributeValue.fromL(List.of(AttributeValue.fromM(mapOf(
                        "sku", AttributeValue.fromS("A"), "qty", AttributeValue.fromN("2"))))))
                .containsEntry("tags", AttributeValue.fromL(List.of()));
    }

    @Test
    void aValueThatIsNotADocumentGoesToTheValueAttribute() {
        assertThat(ItemMapper.attributes(mapper.toAttribute("plain text", null)))
                .isEqualTo(Map.of("value", AttributeValue.fromS("plain text")));
        assertThat(ItemMapper.attributes(mapper.toAttribute(42, Schema.INT32_SCHEMA)))
                .isEqualTo(Map.of("value", AttributeValue.fromN("42")));
    }

    @Test
    void arraysBecomeSetsWhenAsked() {
        var sets = new ItemMapper(true);

        assertThat(sets.toAttribute(List.of("a", "b", "a"), null)).isEqualTo(AttributeValue.fromSs(List.of("a", "b")));
        assertThat(sets.toAttribute(List.of(new BigDecimal("1.0"), 2, 1L), null))
                .isEqualTo(AttributeValue.fromNs(List.of("1.0", "2")));
        assertThat(sets.toAttribute(List.of(new byte[] {1}, new byte[] {2}), null))
                .isEqualTo(AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] {1}),
                        SdkBytes.fromByteArray(new byte[] {2}))));
        assertThat(sets.toAttribute(List.of("a", 1), null)).isEqualTo(AttributeValue.fromL(List.of(
                AttributeValue.fromS("a"), AttributeValue.fromN("1"))));
        assertThat(sets.toAttribute(List.of(), null)).isEqualTo(AttributeValue.fromL(List.of()));
        assertThat(sets.toAttribute("{\"t\": [\"x\", \"y\"]}", null))
                .isEqualTo(AttributeValue.fromM(Map.of("t", AttributeValue.fromSs(List.of("x", "y")))));
    }

    @Test
    void valuesDynamoDbCannotHoldAreBadRecords() {
        assertThatThrownBy(() -> mapper.toAttribute(Map.of("x", Double.NaN), null))
                .isInstanceOf(DataException.class).hasMessageContaining("at x");
        char[] digits = new char[39];
        Arrays.fill(digits, '7');
        assertThatThrownBy(() -> mapper.toAttribute(Map.of("big", new BigDecimal(new String(digits))), null))
                .isInstanceOf(DataException.class).hasMessageContaining("38");
        assertThatThrownBy(() -> mapper.toAttribute(Map.of("huge", new BigDecimal("1E+126")), null))
                .isInstanceOf(DataException.class).hasMessageContaining("range");
        assertThatThrownBy(() -> mapper.toAttribute("{\"id\": ", null))
                .isInstanceOf(DataException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> mapper.toAttribute("{\"id\": 1} {\"id\": 2}", null))
                .isInstanceOf(DataException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> mapper.toAttribute("{\"id\": \"secret-value\" x}", null))
                .isInstanceOf(DataException.class).hasMessageContaining("not valid JSON")
                .hasMessageNotContaining("secret-value");
        assertThatThrownBy(() -> mapper.toAttribute("{\"a\": {\"b\": [1, 1e999999]}}", null))
                .isInstanceOf(DataException.class).hasMessageContaining("at a.b[1]");
        assertThatThrownBy(() -> mapper.toAttribute(Map.of(List.of(1), "x"), null))
                .isInstanceOf(DataException.class).hasMessageContaining("map key");
        assertThatThrownBy(() -> mapper.toAttribute(Map.of("o", new Object()), null))
                .isInstanceOf(DataException.class).hasMessageContaining("java.lang.Object");
    }

    private static Map<String, AttributeValue> mapOf(String k1, AttributeValue v1, String k2, AttributeValue v2) {
        Map<String, AttributeValue> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }
}
