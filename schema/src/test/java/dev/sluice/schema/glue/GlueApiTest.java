package dev.sluice.schema.glue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.schema.SchemaRegistry;
import dev.sluice.schema.registry.Arns;
import dev.sluice.schema.registry.Limits;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class GlueApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCOUNT = "123456789012";
    private static final String V1 = "{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"}]}";
    private static final String V2 = "{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"},"
            + "{\"name\":\"email\",\"type\":\"string\",\"default\":\"\"}]}";
    private static final String BREAKS = "{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"},"
            + "{\"name\":\"email\",\"type\":\"string\"}]}";

    private final SchemaRegistry registry = SchemaRegistry.inMemory(new Arns("us-east-1", ACCOUNT),
            new Limits(3, 100, 4, 2), Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC));
    private final GlueApi api = registry.api();

    private JsonNode ok(String operation, String body) {
        GlueApi.Response response = api.handle("AWSGlue." + operation, body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return read(response.body());
    }

    private JsonNode error(String operation, String body, String type) {
        GlueApi.Response response = api.handle("AWSGlue." + operation, body);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        JsonNode error = read(response.body());
        assertThat(error.path("__type").asText()).isEqualTo(type);
        return error;
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError(body, e);
        }
    }

    private static String q(String definition) {
        return JSON.getNodeFactory().textNode(definition).toString();
    }

    @Test
    void aRegistryIsCreatedReadListedUpdatedAndDeleted() {
        JsonNode created = ok("CreateRegistry", "{\"RegistryName\":\"payments\",\"Description\":\"d\","
                + "\"Tags\":{\"team\":\"a\"}}");
        assertThat(created.path("RegistryArn").asText())
                .isEqualTo("arn:aws:glue:us-east-1:" + ACCOUNT + ":registry/payments");

        JsonNode got = ok("GetRegistry", "{\"RegistryId\":{\"RegistryName\":\"payments\"}}");
        assertThat(got.path("Status").asText()).isEqualTo("AVAILABLE");
        assertThat(got.path("CreatedTime").asText()).isEqualTo("2026-03-01T10:00:00Z");

        ok("UpdateRegistry", "{\"RegistryId\":{\"RegistryArn\":\"" + created.path("RegistryArn").asText()
                + "\"},\"Description\":\"new\"}");
        assertThat(ok("ListRegistries", "{}").path("Registries").get(0).path("Description").asText())
                .isEqualTo("new");

        assertThat(ok("DeleteRegistry", "{\"RegistryId\":{\"RegistryName\":\"payments\"}}").path("Status").asText())
                .isEqualTo("DELETING");
        error("GetRegistry", "{\"RegistryId\":{\"RegistryName\":\"payments\"}}", "EntityNotFoundException");
    }

    @Test
    void registryErrorsAreGlues() {
        ok("CreateRegistry", "{\"RegistryName\":\"r1\"}");
        assertThat(error("CreateRegistry", "{\"RegistryName\":\"r1\"}", "AlreadyExistsException")
                .path("Message").asText()).isEqualTo("Registry already exists. RegistryName: r1");
        assertThat(error("CreateRegistry", "{\"RegistryName\":\"bad name\"}", "InvalidInputException")
                .path("Message").asText()).contains("registryName").contains("[a-zA-Z0-9-_$#.]+");
        error("CreateRegistry", "{}", "InvalidInputException");
        ok("CreateRegistry", "{\"RegistryName\":\"r2\"}");
        ok("CreateRegistry", "{\"RegistryName\":\"r3\"}");
        assertThat(error("CreateRegistry", "{\"RegistryName\":\"r4\"}", "ResourceNumberLimitExceededException")
                .path("Message").asText()).contains("maximum of 3 registries");
    }

    @Test
    void listsArePagedWithTokens() {
        ok("CreateRegistry", "{\"RegistryName\":\"a\"}");
        ok("CreateRegistry", "{\"RegistryName\":\"b\"}");
        ok("CreateRegistry", "{\"RegistryName\":\"c\"}");

        JsonNode first = ok("ListRegistries", "{\"MaxResults\":2}");
        JsonNode second = ok("ListRegistries", "{\"MaxResults\":2,\"NextToken\":\"" + first.path("NextToken").asText()
                + "\"}");

        assertThat(first.path("Registries")).extracting(r -> r.path("RegistryName").asText()).containsExactly("a", "b");
        assertThat(second.path("Registries")).extracting(r -> r.path("RegistryName").asText()).containsExactly("c");
        assertThat(second.has("NextToken")).isFalse();
    }

    @Test
    void theSerdesFlowFindsCreatesAndRegistersVersions() {
        String schemaId = "{\"SchemaName\":\"users\",\"RegistryName\":\"default-registry\"}";
        // 1. Not there yet: the serde creates the schema on "Schema is not found."
        assertThat(error("GetSchemaByDefinition", "{\"SchemaId\":" + schemaId + ",\"SchemaDefinition\":" + q(V1) + "}",
                "EntityNotFoundException").path("Message").asText()).startsWith("Schema is not found.");
        JsonNode created = ok("CreateSchema", "{\"RegistryId\":{\"RegistryName\":\"default-registry\"},"
                + "\"SchemaName\":\"users\",\"DataFormat\":\"AVRO\",\"Compatibility\":\"BACKWARD\","
                + "\"SchemaDefinition\":" + q(V1) + "}");
        assertThat(created.path("SchemaVersionStatus").asText()).isEqualTo("AVAILABLE");
        assertThat(created.path("LatestSchemaVersion").asLong()).isEqualTo(1);
        String v1Id = created.path("SchemaVersionId").asText();

        // 2. Found by definition, also when spelled differently.
        assertThat(ok("GetSchemaByDefinition", "{\"SchemaId\":" + schemaId + ",\"SchemaDefinition\":"
                + q(V1.replace(",", " , ")) + "}").path("SchemaVersionId").asText()).isEqualTo(v1Id);

        // 3. A new definition: "Schema version is not found.", then RegisterSchemaVersion.
        assertThat(error("GetSchemaByDefinition", "{\"SchemaId\":" + schemaId + ",\"SchemaDefinition\":" + q(V2) + "}",
                "EntityNotFoundException").path("Message").asText()).startsWith("Schema version is not found.");
        JsonNode v2 = ok("RegisterSchemaVersion", "{\"SchemaId\":" + schemaId + ",\"SchemaDefinition\":" + q(V2) + "}");
        assertThat(v2.path("VersionNumber").asLong()).isEqualTo(2);
        assertThat(v2.path("Status").asText()).isEqualTo("AVAILABLE");

        // 4. The deserializer's lookup by id.
        JsonNode got = ok("GetSchemaVersion", "{\"SchemaVersionId\":\"" + v1Id + "\"}");
        assertThat(got.path("SchemaDefinition").asText()).isEqualTo(V1);
        assertThat(got.path("DataFormat").asText()).isEqualTo("AVRO");
        assertThat(got.path("SchemaArn").asText())
                .isEqualTo("arn:aws:glue:us-east-1:" + ACCOUNT + ":schema/default-registry/users");

        // Registering the same definition again returns the existing version.
        assertThat(ok("RegisterSchemaVersion", "{\"SchemaId\":" + schemaId + ",\"SchemaDefinition\":" + q(V1) + "}")
                .path("SchemaVersionId").asText()).isEqualTo(v1Id);
        assertThat(ok("GetSchemaVersion", "{\"SchemaId\":" + schemaId + ",\"SchemaVersionNumber\":"
                + "{\"LatestVersion\":true}}").path("VersionNumber").asLong()).isEqualTo(2);
    }

    @Test
    void anIncompatibleVersionIsKeptAsFailedWithItsReasonAndTheLatestVersionStays() {
        ok("CreateRegistry", "{\"RegistryName\":\"r\"}");
        String schemaId = "{\"SchemaName\":\"users\",\"RegistryName\":\"r\"}";
        ok("CreateSchema", "{\"RegistryId\":{\"RegistryName\":\"r\"},\"SchemaName\":\"users\",\"DataFormat\":\"AVRO\","
                + "\"SchemaDefinition\":" + q(V1) + "}");
        String register = "{\"SchemaId\":" + schemaId + ",\"SchemaDefinition\":" + q(BREAKS) + "}";

        JsonNode failed = ok("RegisterSchemaVersion", register);

        assertThat(failed.path("Status").asText()).isEqualTo("FAILURE");
        assertThat(failed.path("VersionNumber").asLong()).isEqualTo(2);
        assertThat(failed.path("SluiceFailureReason").asText()).startsWith("Schema is not BACKWARD compatible")
                .contains("'email'");
        String failedId = failed.path("SchemaVersionId").asText();
        JsonNode got = ok("GetSchemaVersion", "{\"SchemaVersionId\":\"" + failedId + "\"}");
        assertThat(got.path("Status").asText()).isEqualTo("FAILURE");
        assertThat(got.path("SluiceFailureReason").asText()).isEqualTo(failed.path("SluiceFailureReason").asText());
        JsonNode schema = ok("GetSchema", "{\"SchemaId\":" + schemaId + "}");
        assertThat(schema.path("LatestSchemaVersion").asLong()).isEqualTo(1);
        assertThat(schema.path("NextSchemaVersion").asLong()).isEqualTo(3);
        assertThat(ok("GetSchemaVersion", "{\"SchemaId\":" + schemaId + ",\"SchemaVersionNumber\":"
                + "{\"LatestVersion\":true}}").path("VersionNumber").asLong()).isEqualTo(1);
        assertThat(ok("ListSchemaVersions", "{\"SchemaId\":" + schemaId + "}").path("Schemas"))
                .extracting(v -> v.path("Status").asText()).containsExactly("AVAILABLE", "FAILURE");
        assertThat(ok("GetSchemaByDefinition", register).path("Status").asText()).isEqualTo("FAILURE");
        // Registering it again under the same mode answers the same failed version and adds none.
        assertThat(ok("RegisterSchemaVersion", register).path("SchemaVersionId").asText()).isEqualTo(failedId);
        assertThat(ok("GetSchema", "{\"SchemaId\":" + schemaId + "}").path("NextSchemaVersion").asLong())
                .isEqualTo(3);
        // A failed version cannot be the checkpoint.
        assertThat(error("UpdateSchema", "{\"SchemaId\":" + schemaId + ",\"Compatibility\":\"NONE\","
                + "\"SchemaVersionNumber\":{\"VersionNumber\":2}}", "InvalidInputException").path("Message").asText())
                .contains("status FAILURE");

        // After switching to NONE from version 1 on, the same definition (written otherwise here) is checked again
        // and accepted; looked up as first written, it finds the available version, not the failed one.
        ok("UpdateSchema", "{\"SchemaId\":" + schemaId + ",\"Compatibility\":\"NONE\","
                + "\"SchemaVersionNumber\":{\"VersionNumber\":1}}");
        JsonNode accepted = ok("RegisterSchemaVersion", "{\"SchemaId\":" + schemaId + ",\"SchemaDefinition\":"
                + q(" " + BREAKS + "\n") + "}");
        assertThat(accepted.path("Status").asText()).isEqualTo("AVAILABLE");
        assertThat(accepted.path("VersionNumber").asLong()).isEqualTo(3);
        assertThat(accepted.has("SluiceFailureReason")).isFalse();
        assertThat(ok("GetSchemaByDefinition", register).path("SchemaVersionId").asText())
                .isEqualTo(accepted.path("SchemaVersionId").asText());
        assertThat(ok("RegisterSchemaVersion", register).path("SchemaVersionId").asText())
                .isEqualTo(accepted.path("SchemaVersionId").asText());
    }

    @Test
    void aDefinitionThatDoesNotParseIsRefusedNamingTheError() {
        String message = error("CreateSchema", "{\"SchemaName\":\"s\",\"DataFormat\":\"AVRO\","
                + "\"SchemaDefinition\":\"{\\\"type\\\":\\\"recrd\\\"}\"}", "InvalidInputException")
                .path("Message").asText();

        assertThat(message).startsWith("Schema definition of AVRO data format is invalid:")
                .contains("\"type\" MUST be a primitive type");
        error("GetSchema", "{\"SchemaId\":{\"SchemaName\":\"s\"}}", "EntityNotFoundException");
        // Nothing half-written: not even the default registry the schema would have created.
        error("GetRegistry", "{\"RegistryId\":{\"RegistryName\":\"default-registry\"}}", "EntityNotFoundException");
    }

    @Test
    void checkSchemaVersionValidityAnswersWithoutStoring() {
        assertThat(ok("CheckSchemaVersionValidity", "{\"DataFormat\":\"JSON\",\"SchemaDefinition\":"
                + q("{\"type\":\"object\"}") + "}").path("Valid").asBoolean()).isTrue();
        JsonNode invalid = ok("CheckSchemaVersionValidity", "{\"DataFormat\":\"PROTOBUF\",\"SchemaDefinition\":"
                + q("message A { int32 a = 1 }") + "}");
        assertThat(invalid.path("Valid").asBoolean()).isFalse();
        assertThat(invalid.path("Error").asText()).contains("expected ';'");
        assertThat(ok("ListRegistries", "{}").path("Registries")).isEmpty();
    }

    @Test
    void metadataIsPutQueriedAndRemoved() {
        String id = ok("CreateSchema", "{\"SchemaName\":\"s\",\"DataFormat\":\"AVRO\",\"SchemaDefinition\":" + q(V1)
                + "}").path("SchemaVersionId").asText();
        String pair = "\"MetadataKeyValue\":{\"MetadataKey\":\"owner\",\"MetadataValue\":\"team-a\"}";

        JsonNode put = ok("PutSchemaVersionMetadata", "{\"SchemaVersionId\":\"" + id + "\"," + pair + "}");
        assertThat(put.path("LatestVersion").asBoolean()).isTrue();
        error("PutSchemaVersionMetadata", "{\"SchemaVersionId\":\"" + id + "\"," + pair + "}",
                "AlreadyExistsException");
        ok("PutSchemaVersionMetadata", "{\"SchemaVersionId\":\"" + id + "\",\"MetadataKeyValue\":"
                + "{\"MetadataKey\":\"owner\",\"MetadataValue\":\"team-b\"}}");
        error("PutSchemaVersionMetadata", "{\"SchemaVersionId\":\"" + id + "\",\"MetadataKeyValue\":"
                + "{\"MetadataKey\":\"x\",\"MetadataValue\":\"y\"}}", "ResourceNumberLimitExceededException");

        JsonNode query = ok("QuerySchemaVersionMetadata", "{\"SchemaVersionId\":\"" + id + "\"}");
        JsonNode owner = query.path("MetadataInfoMap").path("owner");
        assertThat(owner.path("OtherMetadataValueList")).hasSize(1);
        assertThat(java.util.List.of(owner.path("MetadataValue").asText(),
                owner.path("OtherMetadataValueList").get(0).path("MetadataValue").asText()))
                .containsExactlyInAnyOrder("team-a", "team-b");

        ok("RemoveSchemaVersionMetadata", "{\"SchemaVersionId\":\"" + id + "\"," + pair + "}");
        error("RemoveSchemaVersionMetadata", "{\"SchemaVersionId\":\"" + id + "\"," + pair + "}",
                "EntityNotFoundException");
    }

    @Test
    void tagsAreAddedReadAndRemovedByArn() {
        String arn = ok("CreateSchema", "{\"SchemaName\":\"s\",\"DataFormat\":\"JSON\",\"Tags\":{\"a\":\"1\"}}")
                .path("SchemaArn").asText();

        ok("TagResource", "{\"ResourceArn\":\"" + arn + "\",\"TagsToAdd\":{\"b\":\"2\"}}");
        ok("UntagResource", "{\"ResourceArn\":\"" + arn + "\",\"TagsToRemove\":[\"a\"]}");

        assertThat(ok("GetTags", "{\"ResourceArn\":\"" + arn + "\"}").path("Tags").toString()).isEqualTo("{\"b\":\"2\"}");
        error("GetTags", "{\"ResourceArn\":\"" + arn + "x\"}", "EntityNotFoundException");
    }

    @Test
    void versionsAreDeletedExceptTheCheckpoint() {
        String schemaId = "{\"SchemaName\":\"s\"}";
        ok("CreateSchema", "{\"SchemaName\":\"s\",\"DataFormat\":\"AVRO\",\"Compatibility\":\"NONE\","
                + "\"SchemaDefinition\":" + q(V1) + "}");
        ok("RegisterSchemaVersion", "{\"SchemaId\":" + schemaId + ",\"SchemaDefinition\":" + q(V2) + "}");

        JsonNode deleted = ok("DeleteSchemaVersions", "{\"SchemaId\":" + schemaId + ",\"Versions\":\"1-3\"}");

        assertThat(deleted.path("SchemaVersionErrors")).extracting(e -> e.path("VersionNumber").asLong())
                .containsExactly(1L, 3L);
        assertThat(ok("ListSchemaVersions", "{\"SchemaId\":" + schemaId + "}").path("Schemas")).extracting(
                v -> v.path("VersionNumber").asLong()).containsExactly(1L);
        assertThat(ok("GetSchema", "{\"SchemaId\":" + schemaId + "}").path("LatestSchemaVersion").asLong())
                .isEqualTo(1);
    }

    @Test
    void aVersionLimitReachedIsRefused() {
        String schemaId = "{\"SchemaName\":\"s\"}";
        ok("CreateSchema", "{\"SchemaName\":\"s\",\"DataFormat\":\"JSON\",\"Compatibility\":\"NONE\","
                + "\"SchemaDefinition\":" + q("{\"type\":\"string\"}") + "}");
        for (String type : new String[] {"integer", "number", "boolean"}) {
            ok("RegisterSchemaVersion", "{\"SchemaId\":" + schemaId + ",\"SchemaDefinition\":"
                    + q("{\"type\":\"" + type + "\"}") + "}");
        }

        assertThat(error("RegisterSchemaVersion", "{\"SchemaId\":" + schemaId + ",\"SchemaDefinition\":"
                + q("{\"type\":\"null\"}") + "}", "ResourceNumberLimitExceededException").path("Message").asText())
                .contains("maximum of 4 versions");
    }

    @Test
    void aSchemaDeletedTakesItsVersionsWithIt() {
        String id = ok("CreateSchema", "{\"SchemaName\":\"s\",\"DataFormat\":\"AVRO\",\"SchemaDefinition\":" + q(V1)
                + "}").path("SchemaVersionId").asText();

        ok("DeleteSchema", "{\"SchemaId\":{\"SchemaName\":\"s\"}}");

        error("GetSchemaVersion", "{\"SchemaVersionId\":\"" + id + "\"}", "EntityNotFoundException");
        assertThat(ok("ListSchemas", "{}").path("Schemas")).isEmpty();
    }

    @Test
    void malformedRequestsAndUnknownOperationsAreNamed() {
        assertThat(error("CreateRegistry", "{\"RegistryName\":", "InvalidInputException").path("Message").asText())
                .startsWith("The request body is not valid JSON");
        assertThat(error("GetRegistry", "{\"RegistryId\":\"payments\"}", "InvalidInputException").path("Message")
                .asText()).contains("registryId").contains("structure");
        assertThat(error("CreateSchema", "{\"SchemaName\":\"s\",\"DataFormat\":\"XML\"}", "InvalidInputException")
                .path("Message").asText()).contains("[AVRO, JSON, PROTOBUF]");
        assertThat(error("GetDatabase", "{}", "UnknownOperationException").path("Message").asText())
                .contains("AWSGlue.GetDatabase");
    }

    @Test
    void aSchemaVersionsDiffShowsTheLinesThatChanged() {
        String schemaId = "{\"SchemaName\":\"s\"}";
        ok("CreateSchema", "{\"SchemaName\":\"s\",\"DataFormat\":\"AVRO\",\"SchemaDefinition\":" + q(V1) + "}");
        ok("RegisterSchemaVersion", "{\"SchemaId\":" + schemaId + ",\"SchemaDefinition\":" + q(V2) + "}");

        String diff = ok("GetSchemaVersionsDiff", "{\"SchemaId\":" + schemaId + ",\"FirstSchemaVersionNumber\":"
                + "{\"VersionNumber\":1},\"SecondSchemaVersionNumber\":{\"VersionNumber\":2},"
                + "\"SchemaDiffType\":\"SYNTAX_DIFF\"}").path("Diff").asText();

        assertThat(diff).contains("+    \"name\" : \"email\",").contains("     \"name\" : \"id\",");
    }
}
