package dev.sluice.schema.format;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaFormatTest {

    private static final String USER = """
            {"type":"record","name":"User","namespace":"dev.sluice","fields":[
              {"name":"id","type":"long"},{"name":"name","type":"string"}]}""";

    @Test
    void avroDefinitionsAreParsedByAvro() throws Exception {
        ParsedSchema parsed = SchemaFormat.of(DataFormat.AVRO).parse(USER);

        assertThat(parsed.normalized()).isEqualTo(
                "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"dev.sluice\",\"fields\":["
                        + "{\"name\":\"id\",\"type\":\"long\"},{\"name\":\"name\",\"type\":\"string\"}]}");
    }

    @Test
    void anAvroDefinitionWithAnUnknownTypeIsRefusedNamingIt() {
        assertThatThrownBy(() -> SchemaFormat.of(DataFormat.AVRO).parse(
                "{\"type\":\"record\",\"name\":\"U\",\"fields\":[{\"name\":\"id\",\"type\":\"lng\"}]}"))
                .isInstanceOf(InvalidSchemaException.class)
                .hasMessageContaining("lng");
    }

    @Test
    void anAvroReferenceToAnUndefinedNameIsRefusedNamingIt() {
        assertThatThrownBy(() -> SchemaFormat.of(DataFormat.AVRO).parse(
                "{\"type\":\"record\",\"name\":\"U\",\"fields\":[{\"name\":\"a\",\"type\":\"Address\"},"
                        + "{\"name\":\"self\",\"type\":[\"null\",\"U\"]}]}"))
                .isInstanceOf(InvalidSchemaException.class)
                .hasMessage("Undefined schema: Address");
        // Avro 1.12 names a top-level unknown type by a placeholder; the message names the type written.
        assertThatThrownBy(() -> SchemaFormat.of(DataFormat.AVRO).parse("\"lng\""))
                .isInstanceOf(InvalidSchemaException.class)
                .hasMessage("Undefined name(s): lng");
    }

    @Test
    void anAvroDefaultOfTheWrongTypeIsRefused() {
        assertThatThrownBy(() -> SchemaFormat.of(DataFormat.AVRO).parse(
                "{\"type\":\"record\",\"name\":\"U\",\"fields\":[{\"name\":\"n\",\"type\":\"int\",\"default\":\"x\"}]}"))
                .isInstanceOf(InvalidSchemaException.class)
                .hasMessageContaining("default");
    }

    @Test
    void jsonSchemasAreCheckedKeywordByKeyword() throws Exception {
        var parsed = SchemaFormat.of(DataFormat.JSON).parse("""
                {"$schema":"http://json-schema.org/draft-07/schema#","type":"object",
                 "properties":{"id":{"type":"integer"},"tags":{"type":"array","items":{"type":"string"}}},
                 "required":["id"]}""");

        assertThat(parsed.normalized()).startsWith("{\"$schema\"").doesNotContain("\n");
    }

    @Test
    void aJsonSchemaWithAnUnknownTypeIsRefusedWithWhereItIs() {
        assertThatThrownBy(() -> SchemaFormat.of(DataFormat.JSON).parse(
                "{\"type\":\"object\",\"properties\":{\"age\":{\"type\":\"int\"}}}"))
                .isInstanceOf(InvalidSchemaException.class)
                .hasMessage("At #/properties/age/type: 'int' is not a JSON Schema type (one of array, boolean,"
                        + " integer, null, number, object, string)");
    }

    @Test
    void malformedJsonIsRefusedWithItsPosition() {
        assertThatThrownBy(() -> SchemaFormat.of(DataFormat.JSON).parse("{\"type\": \"object\",}"))
                .isInstanceOf(InvalidSchemaException.class)
                .hasMessageStartingWith("Malformed JSON:")
                .hasMessageContaining("line 1");
    }

    @Test
    void protobufDefinitionsAreParsedWithTheirMessagesAndFields() throws Exception {
        ProtoSchema parsed = (ProtoSchema) SchemaFormat.of(DataFormat.PROTOBUF).parse("""
                syntax = "proto3";
                package shop;
                option java_package = "dev.sluice.shop";
                // an order
                message Order {
                  int64 id = 1;
                  repeated Line lines = 2 [packed = true];
                  map<string, string> labels = 3;
                  oneof payment { string card = 4; string iban = 5; }
                  Status status = 6;
                  message Line { string sku = 1; int32 quantity = 2; }
                  reserved 7, 8 to 10;
                }
                enum Status { STATUS_UNKNOWN = 0; PAID = 1; }
                service Orders { rpc Get (Order) returns (Order); }
                """);

        assertThat(parsed.messages()).containsOnlyKeys("shop.Order", "shop.Order.Line");
        assertThat(parsed.messages().get("shop.Order").fields()).hasSize(6);
        assertThat(parsed.messages().get("shop.Order").fields().get(2).type()).isEqualTo("Line");
    }

    @Test
    void aProtobufDefinitionMissingASemicolonIsRefusedWithTheLine() {
        assertThatThrownBy(() -> SchemaFormat.of(DataFormat.PROTOBUF).parse("""
                syntax = "proto3";
                message Order {
                  int64 id = 1
                  string name = 2;
                }"""))
                .isInstanceOf(InvalidSchemaException.class)
                .hasMessage("At line 4, column 3: expected ';', found 'string'");
    }

    @Test
    void aProtobufFieldOfAnUndeclaredTypeIsRefused() {
        assertThatThrownBy(() -> SchemaFormat.of(DataFormat.PROTOBUF).parse(
                "syntax = \"proto3\"; message A { Missing b = 1; }"))
                .isInstanceOf(InvalidSchemaException.class)
                .hasMessageContaining("unknown type 'Missing'");
    }

    @Test
    void aProtobufFieldNumberUsedTwiceIsRefused() {
        assertThatThrownBy(() -> SchemaFormat.of(DataFormat.PROTOBUF).parse(
                "syntax = \"proto3\"; message A { int32 a = 1; string b = 1; }"))
                .isInstanceOf(InvalidSchemaException.class)
                .hasMessageContaining("field number 1 of 'b' is already used by 'a'");
    }
}
