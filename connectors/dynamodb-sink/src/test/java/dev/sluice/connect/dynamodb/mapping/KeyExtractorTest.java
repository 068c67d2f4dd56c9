package dev.sluice.connect.dynamodb.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class KeyExtractorTest {

    private final ItemMapper mapper = new ItemMapper(false);

    private Map<String, AttributeValue> key(String hash, String sort, SinkRecord record) {
        var extractor = new KeyExtractor(KeyRef.parse(hash), Optional.ofNullable(sort).map(KeyRef::parse));
        return extractor.key(record, () -> mapper.toAttribute(record.key(), record.keySchema()),
                mapper.toAttribute(record.value(), record.valueSchema()));
    }

    @Test
    void kafkaCoordinates() {
        var record = new SinkRecord("orders", 3, null, null, null, Map.of("a", 1), 42);

        assertThat(key("partition", "offset", record)).isEqualTo(Map.of("partition", AttributeValue.fromN("3"),
                "offset", AttributeValue.fromN("42")));
    }

    @Test
    void theRecordKeyOrOneOfItsFields() {
        Schema keySchema = SchemaBuilder.struct().field("customerId", Schema.INT64_SCHEMA).build();
        var structKey = new SinkRecord("orders", 0, keySchema, new Struct(keySchema).put("customerId", 7L), null,
                Map.of("a", 1), 0);
        var stringKey = new SinkRecord("orders", 0, Schema.STRING_SCHEMA, "c-7", null, Map.of("a", 1), 0);
        var jsonKey = new SinkRecord("orders", 0, null, "{\"id\": {\"region\": \"eu\"}}", null, Map.of("a", 1), 0);

        assertThat(key("key.customerId", null, structKey)).isEqualTo(Map.of("customerId", AttributeValue.fromN("7")));
        assertThat(key("key:pk", null, stringKey)).isEqualTo(Map.of("pk", AttributeValue.fromS("c-7")));
        assertThat(key("key.id.region", null, jsonKey)).isEqualTo(Map.of("region", AttributeValue.fromS("eu")));
    }

    @Test
    void fieldsOfTheValue() {
        var record = new SinkRecord("orders", 0, null, null, null,
                "{\"user\": {\"id\": \"u1\"}, \"version\": 3}", 0);

        assertThat(key("value.user.id:pk", "value.version", record)).isEqualTo(Map.of(
                "pk", AttributeValue.fromS("u1"), "version", AttributeValue.fromN("3")));
    }

    @Test
    void aMissingOrWronglyTypedKeyIsABadRecord() {
        var record = new SinkRecord("orders", 0, null, "k", null, Map.of("id", Map.of("x", 1), "flag", true,
                "empty", ""), 0);

        assertThatThrownBy(() -> key("value.customer", null, record)).isInstanceOf(DataException.class)
                .hasMessageContaining("value.customer is missing");
        assertThatThrownBy(() -> key("value.id", null, record)).isInstanceOf(DataException.class)
                .hasMessageContaining("a struct or map (M)");
        assertThatThrownBy(() -> key("value.flag", null, record)).isInstanceOf(DataException.class)
                .hasMessageContaining("a boolean (BOOL)");
        assertThatThrownBy(() -> key("value.empty", null, record)).isInstanceOf(DataException.class)
                .hasMessageContaining("empty string");
        assertThatThrownBy(() -> key("key.id", null, record)).isInstanceOf(DataException.class)
                .hasMessageContaining("not a struct or map");
        var keyless = new SinkRecord("orders", 0, null, null, null, Map.of("id", "x"), 0);
        assertThatThrownBy(() -> key("key", null, keyless)).isInstanceOf(DataException.class)
                .hasMessageContaining("has no key");
    }

    @Test
    void keyTypesMustBeTheTables() {
        var schema = new TableKeySchema("orders", new TableKeySchema.KeyAttribute("id", ScalarAttributeType.S),
                Optional.of(new TableKeySchema.KeyAttribute("version", ScalarAttributeType.N)));
        var extractor = new KeyExtractor(KeyRef.parse("value.id"), Optional.of(KeyRef.parse("value.version")));

        extractor.checkTypes(Map.of("id", AttributeValue.fromS("a"), "version", AttributeValue.fromN("1")), schema);
        assertThatThrownBy(() -> extractor.checkTypes(Map.of("id", AttributeValue.fromN("1"),
                "version", AttributeValue.fromN("1")), schema))
                .isInstanceOf(DataException.class)
                .hasMessage("The key attribute id is a number (N) but orders's hash key is a string (S)");
    }
}
