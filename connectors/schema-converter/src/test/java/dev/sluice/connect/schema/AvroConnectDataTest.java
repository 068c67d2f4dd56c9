package dev.sluice.connect.schema;

import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AvroConnectDataTest {

    private final AvroConnectData data = new AvroConnectData();

    private static final Schema ADDRESS = SchemaBuilder.struct().name("dev.sluice.Address")
            .field("city", Schema.STRING_SCHEMA).build();
    private static final Schema ORDER = SchemaBuilder.struct().name("dev.sluice.Order")
            .field("id", Schema.INT64_SCHEMA)
            .field("note", Schema.OPTIONAL_STRING_SCHEMA)
            .field("amount", Decimal.schema(2))
            .field("at", Timestamp.SCHEMA)
            .field("lines", SchemaBuilder.array(Schema.INT32_SCHEMA).build())
            .field("labels", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.STRING_SCHEMA).build())
            .field("ship_to", SchemaBuilder.struct().name("dev.sluice.Address").field("city", Schema.STRING_SCHEMA)
                    .optional().build())
            .build();

    @Test
    void connectDataRoundTripsThroughAvro() {
        Struct order = new Struct(ORDER).put("id", 7L).put("note", null).put("amount", new BigDecimal("12.34"))
                .put("at", new java.util.Date(1_700_000_000_000L)).put("lines", List.of(1, 2))
                .put("labels", Map.of("channel", "web"))
                .put("ship_to", new Struct(ORDER.field("ship_to").schema()).put("city", "Lyon"));

        org.apache.avro.Schema avro = data.toAvroSchema(ORDER);
        GenericRecord record = (GenericRecord) data.toAvroValue(ORDER, avro, order);
        assertThat(new GenericData().validate(avro, record)).isTrue();
        assertThat(avro.getField("note").schema().getTypes()).extracting(org.apache.avro.Schema::getType)
                .containsExactly(org.apache.avro.Schema.Type.NULL, org.apache.avro.Schema.Type.STRING);

        Schema back = data.toConnectSchema(avro);
        Struct converted = (Struct) data.toConnectValue(back, avro, record);

        assertThat(back.field("note").schema().isOptional()).isTrue();
        assertThat(back.field("ship_to").schema().field("city").schema().type()).isEqualTo(Schema.Type.STRING);
        assertThat(converted.getInt64("id")).isEqualTo(7L);
        assertThat(converted.get("amount")).isEqualTo(new BigDecimal("12.34"));
        assertThat(converted.get("at")).isEqualTo(new java.util.Date(1_700_000_000_000L));
        assertThat(converted.getArray("lines")).containsExactly(1, 2);
        assertThat(converted.getMap("labels")).containsEntry("channel", "web");
        assertThat(converted.getStruct("ship_to").getString("city")).isEqualTo("Lyon");
        assertThat(converted.get("note")).isNull();
    }

    @Test
    void aUnionOfTwoTypesIsRefusedNamingIt() {
        org.apache.avro.Schema avro = new org.apache.avro.Schema.Parser().parse(
                "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"v\",\"type\":[\"int\",\"string\"]}]}");

        assertThatThrownBy(() -> data.toConnectSchema(avro)).isInstanceOf(DataException.class)
                .hasMessageContaining("Only [null, X] unions");
    }

    @Test
    void aNullForARequiredFieldIsRefused() {
        Schema schema = SchemaBuilder.struct().name("R").field("id", Schema.INT64_SCHEMA).build();
        org.apache.avro.Schema avro = data.toAvroSchema(schema);

        assertThatThrownBy(() -> data.toAvroValue(Schema.INT64_SCHEMA, avro.getField("id").schema(), null))
                .isInstanceOf(DataException.class);
    }

    @Test
    void aStructsNameBecomesTheRecordsFullName() {
        assertThat(data.toAvroSchema(ADDRESS).getFullName()).isEqualTo("dev.sluice.Address");
    }
}
