package dev.sluice.connect.s3.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.avro.generic.GenericRecord;

/** Checks an Avro record read back from a file against {@link Samples#order(long)}, field by field. */
final class OrderAssertions {

    private OrderAssertions() {
    }

    static void assertOrder(GenericRecord order, long id) {
        assertThat(order.get("id")).isEqualTo(id);
        assertThat(order.get("tiny")).isEqualTo(1);
        assertThat(order.get("small")).isEqualTo(2);
        assertThat(order.get("count")).isEqualTo(3);
        assertThat(order.get("ratio")).isEqualTo(0.5f);
        assertThat(order.get("score")).isEqualTo(2.25d);
        assertThat(order.get("active")).isEqualTo(true);
        assertThat(order.get("name")).hasToString("widget \"one\"");
        assertThat(order.get("note")).isNull();
        assertThat(bytes(order.get("payload"))).containsExactly(1, 2, 3);
        assertThat(new BigDecimal(new BigInteger(bytes(order.get("price"))), 2)).isEqualByComparingTo("123.45");
        assertThat(order.get("placed_at")).isEqualTo(Samples.TIMESTAMP_MILLIS);
        assertThat(order.get("placed_on")).isEqualTo(Samples.DATE_DAYS);
        assertThat(order.get("placed_time")).isEqualTo(Samples.TIME_MILLIS);
        assertThat(strings((List<?>) order.get("tags"))).containsExactly("a", "b");
        Map<String, Object> attributes = ((Map<?, ?>) order.get("attributes")).entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().toString(), Map.Entry::getValue));
        assertThat(attributes).containsOnly(Map.entry("width", 3), Map.entry("height", 4));
        List<?> namesById = (List<?>) order.get("names_by_id");
        assertThat(namesById).hasSize(1);
        var entry = (GenericRecord) namesById.get(0);
        assertThat(entry.get("key")).isEqualTo(7);
        assertThat(entry.get("value")).hasToString("seven");
        var address = (GenericRecord) order.get("address");
        assertThat(address.getSchema().getFullName()).isEqualTo("com.example.Address");
        assertThat(address.get("street")).hasToString("Main St");
        assertThat(address.get("zip")).hasToString("12345");
        assertThat(order.get("previous")).isNull();
    }

    static byte[] bytes(Object value) {
        ByteBuffer buffer = ((ByteBuffer) value).duplicate();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private static List<String> strings(List<?> values) {
        return values.stream().map(Object::toString).toList();
    }
}
