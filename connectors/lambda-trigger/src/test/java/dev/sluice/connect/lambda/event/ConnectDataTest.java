package dev.sluice.connect.lambda.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class ConnectDataTest {

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void bytesPassThroughUnchanged() {
        byte[] value = {1, 2, -3};
        var headers = new ConnectHeaders().addBytes("trace", new byte[] {9, -9});
        var record = new SinkRecord("t", 0, Schema.BYTES_SCHEMA, ByteBuffer.wrap(new byte[] {7}), Schema.BYTES_SCHEMA,
                value, 5, 1L, org.apache.kafka.common.record.TimestampType.CREATE_TIME, headers);

        RecordBytes bytes = ConnectData.of(record);

        assertThat(bytes.key()).containsExactly(7);
        assertThat(bytes.value()).isSameAs(value);
        assertThat(bytes.headers()).singleElement().satisfies(h -> {
            assertThat(h.key()).isEqualTo("trace");
            assertThat(h.value()).containsExactly(9, -9);
        });
    }

    @Test
    void stringsAreUtf8AndNullsStayNull() {
        var record = new SinkRecord("t", 0, null, "ключ", null, null, 5);

        RecordBytes bytes = ConnectData.of(record);

        assertThat(text(bytes.key())).isEqualTo("ключ");
        assertThat(bytes.value()).isNull();
    }

    @Test
    void structsMapsAndArraysBecomeJson() {
        Schema schema = SchemaBuilder.struct().field("id", Schema.STRING_SCHEMA).field("n", Schema.INT64_SCHEMA)
                .field("price", Decimal.schema(2)).field("raw", Schema.BYTES_SCHEMA)
                .field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).build())
                .field("at", org.apache.kafka.connect.data.Timestamp.SCHEMA)
                .field("note", Schema.OPTIONAL_STRING_SCHEMA).build();
        Struct struct = new Struct(schema).put("id", "a\"b").put("n", 42L).put("price", new BigDecimal("10.50"))
                .put("raw", new byte[] {1, 2}).put("tags", List.of("x", "y")).put("at", new Date(1000));
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("ok", true);
        map.put("ratio", 0.5);
        map.put("nested", Map.of("k", List.of(1, 2)));

        assertThat(text(ConnectData.bytes(struct, "value")))
                .isEqualTo("{\"id\":\"a\\\"b\",\"n\":42,\"price\":10.50,\"raw\":\"AQI=\",\"tags\":[\"x\",\"y\"],"
                        + "\"at\":1000,\"note\":null}");
        assertThat(text(ConnectData.bytes(map, "value"))).isEqualTo("{\"ok\":true,\"ratio\":0.5,\"nested\":{\"k\":[1,2]}}");
        assertThat(text(ConnectData.bytes(42, "value"))).isEqualTo("42");
        assertThat(text(ConnectData.bytes(Double.NaN, "value"))).isEqualTo("\"NaN\"");
    }

    @Test
    void aTypeWithoutAnEncodingIsADataException() {
        assertThatThrownBy(() -> ConnectData.bytes(new Object(), "value"))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("value is a java.lang.Object")
                .hasMessageContaining("ByteArrayConverter");
    }
}
