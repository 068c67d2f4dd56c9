package dev.sluice.connect.s3.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.avro.LogicalTypes;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

class ConnectAvroSchemasTest {

    private static final org.apache.avro.Schema ORDER = ConnectAvroSchemas.toAvro(Samples.ORDER);

    @Test
    void structsBecomeRecordsNamedAfterTheConnectSchema() {
        assertThat(ORDER.getType()).isEqualTo(org.apache.avro.Schema.Type.RECORD);
        assertThat(ORDER.getNamespace()).isEqualTo("com.example");
        assertThat(ORDER.getName()).isEqualTo("Order");
        assertThat(ORDER.getObjectProp("connect.version")).isEqualTo(1);
        assertThat(ORDER.getFields()).extracting(org.apache.avro.Schema.Field::name)
                .containsExactlyElementsOf(Samples.ORDER.fields().stream().map(f -> f.name()).toList());
    }

    @Test
    void primitivesKeepTheirWidthAndMarkTheNarrowIntegers() {
        assertThat(field("id")).hasToString("\"long\"");
        assertThat(field("tiny")).hasToString("{\"type\":\"int\",\"connect.type\":\"int8\"}");
        assertThat(field("small")).hasToString("{\"type\":\"int\",\"connect.type\":\"int16\"}");
        assertThat(field("count")).hasToString("\"int\"");
        assertThat(field("ratio")).hasToString("\"float\"");
        assertThat(field("score")).hasToString("\"double\"");
        assertThat(field("active")).hasToString("\"boolean\"");
        assertThat(field("name")).hasToString("\"string\"");
        assertThat(field("payload")).hasToString("\"bytes\"");
    }

    @Test
    void optionalFieldsAreNullUnionsDefaultingToNull() {
        org.apache.avro.Schema.Field note = ORDER.getField("note");
        assertThat(note.schema()).hasToString("[\"null\",\"string\"]");
        assertThat(note.hasDefaultValue()).isTrue();
        assertThat(note.defaultVal()).isEqualTo(org.apache.avro.JsonProperties.NULL_VALUE);
        assertThat(ORDER.getField("name").hasDefaultValue()).isFalse();
    }

    @Test
    void logicalTypesMapToAvroLogicalTypes() {
        assertThat(field("price").getLogicalType()).isEqualTo(LogicalTypes.decimal(10, 2));
        assertThat(field("price").getType()).isEqualTo(org.apache.avro.Schema.Type.BYTES);
        assertThat(field("price").getProp("connect.name")).isEqualTo(Decimal.LOGICAL_NAME);
        assertThat(field("placed_at").getLogicalType()).isEqualTo(LogicalTypes.timestampMillis());
        assertThat(field("placed_on").getLogicalType()).isEqualTo(LogicalTypes.date());
        assertThat(field("placed_time").getLogicalType()).isEqualTo(LogicalTypes.timeMillis());
        var noPrecision = ConnectAvroSchemas.toAvro(Decimal.schema(3));
        assertThat(noPrecision.getLogicalType())
                .isEqualTo(LogicalTypes.decimal(ConnectAvroSchemas.DEFAULT_DECIMAL_PRECISION, 3));
    }

    @Test
    void stringKeyedMapsAreAvroMapsAndOthersAreEntryArrays() {
        assertThat(field("attributes")).hasToString("{\"type\":\"map\",\"values\":\"int\"}");
        org.apache.avro.Schema entries = field("names_by_id");
        assertThat(entries.getType()).isEqualTo(org.apache.avro.Schema.Type.ARRAY);
        assertThat(entries.getElementType().getFullName()).isEqualTo("io.confluent.connect.avro.MapEntry");
        assertThat(entries.getElementType().getField("key").schema()).hasToString("\"int\"");
        assertThat(entries.getElementType().getField("value").schema()).hasToString("\"string\"");
    }

    @Test
    void aNamedStructUsedTwiceIsDefinedOnceAndReferenced() {
        assertThat(field("address").getFullName()).isEqualTo("com.example.Address");
        org.apache.avro.Schema previous = field("previous");
        assertThat(previous.getTypes().get(1)).isSameAs(field("address"));
        // Parsing the JSON back proves Avro accepts the single definition.
        assertThat(new org.apache.avro.Schema.Parser().parse(ORDER.toString())).isEqualTo(ORDER);
    }

    @Test
    void unnamedStructsGetNumberedDefaultNames() {
        Schema inner = SchemaBuilder.struct().field("x", Schema.INT32_SCHEMA).build();
        Schema outer = SchemaBuilder.struct().field("inner", inner).optional().build();

        org.apache.avro.Schema avro = ConnectAvroSchemas.toAvro(outer);

        assertThat(avro.getType()).isEqualTo(org.apache.avro.Schema.Type.UNION);
        org.apache.avro.Schema record = avro.getTypes().get(1);
        assertThat(record.getFullName()).isEqualTo("io.confluent.connect.avro.ConnectDefault");
        assertThat(record.getField("inner").schema().getFullName())
                .isEqualTo("io.confluent.connect.avro.ConnectDefault2");
    }

    @Test
    void schemasAvroCannotExpressAreDataExceptions() {
        Schema badName = SchemaBuilder.struct().field("my-field", Schema.INT32_SCHEMA).build();
        Schema clash = SchemaBuilder.struct()
                .field("a", SchemaBuilder.struct().name("x.Same").field("p", Schema.INT32_SCHEMA).build())
                .field("b", SchemaBuilder.struct().name("x.Same").field("q", Schema.INT32_SCHEMA).build())
                .build();

        assertThatThrownBy(() -> ConnectAvroSchemas.toAvro(badName))
                .isInstanceOf(DataException.class).hasMessageContaining("my-field");
        assertThatThrownBy(() -> ConnectAvroSchemas.toAvro(clash))
                .isInstanceOf(DataException.class).hasMessageContaining("x.Same");
        assertThatThrownBy(() -> ConnectAvroSchemas.toAvro(null))
                .isInstanceOf(DataException.class).hasMessageContaining("Avro needs a schema");
    }

    private static org.apache.avro.Schema field(String name) {
        return ORDER.getField(name).schema();
    }
}
