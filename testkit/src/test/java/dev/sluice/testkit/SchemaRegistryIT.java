package dev.sluice.testkit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.AlreadyExistsException;
import software.amazon.awssdk.services.glue.model.Compatibility;
import software.amazon.awssdk.services.glue.model.CreateSchemaResponse;
import software.amazon.awssdk.services.glue.model.DataFormat;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.GetSchemaVersionResponse;
import software.amazon.awssdk.services.glue.model.GlueException;
import software.amazon.awssdk.services.glue.model.InvalidInputException;
import software.amazon.awssdk.services.glue.model.MetadataInfo;
import software.amazon.awssdk.services.glue.model.RegistryId;
import software.amazon.awssdk.services.glue.model.ResourceNumberLimitExceededException;
import software.amazon.awssdk.services.glue.model.SchemaId;
import software.amazon.awssdk.services.glue.model.SchemaVersionListItem;
import software.amazon.awssdk.services.glue.model.SchemaVersionNumber;
import software.amazon.awssdk.services.glue.model.SchemaVersionStatus;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The schema registry on the shared worker node, driven through AWS's own Glue client (SDK v2) with nothing but
 * the endpoint changed: registries, schemas, versions, metadata and tags, and each error a client gets.
 */
class SchemaRegistryIT {

    private static final String USER_V1 = avro("{\"name\":\"id\",\"type\":\"long\"}");
    private static final String USER_V2 = avro("{\"name\":\"id\",\"type\":\"long\"},"
            + "{\"name\":\"email\",\"type\":\"string\",\"default\":\"\"}");

    private static SluiceTestEnvironment env;
    private static GlueClient glue;

    @BeforeAll
    static void start() {
        env = SluiceTestEnvironment.get();
        glue = GlueClients.forNode(env.node());
    }

    @AfterAll
    static void stop() {
        glue.close();
    }

    static String avro(String fields) {
        return "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"dev.sluice.it\",\"fields\":[" + fields + "]}";
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void registriesAreCreatedReadListedUpdatedTaggedAndDeleted() {
        String name = unique("payments");
        var created = glue.createRegistry(r -> r.registryName(name).description("payments team")
                .tags(Map.of("team", "payments")));
        assertThat(created.registryArn()).isEqualTo("arn:aws:glue:us-east-1:000000000000:registry/" + name);
        assertThat(created.tags()).containsEntry("team", "payments");

        var got = glue.getRegistry(r -> r.registryId(id -> id.registryName(name)));
        assertThat(got.description()).isEqualTo("payments team");
        assertThat(got.statusAsString()).isEqualTo("AVAILABLE");
        assertThat(got.createdTime()).isNotBlank();

        glue.updateRegistry(r -> r.registryId(id -> id.registryArn(created.registryArn())).description("new"));
        assertThat(glue.listRegistriesPaginator(r -> r.maxResults(1)).registries())
                .anySatisfy(item -> {
                    assertThat(item.registryName()).isEqualTo(name);
                    assertThat(item.description()).isEqualTo("new");
                });

        glue.tagResource(r -> r.resourceArn(created.registryArn()).tagsToAdd(Map.of("tier", "1")));
        glue.untagResource(r -> r.resourceArn(created.registryArn()).tagsToRemove("team"));
        assertThat(glue.getTags(r -> r.resourceArn(created.registryArn())).tags()).isEqualTo(Map.of("tier", "1"));

        assertThat(glue.deleteRegistry(r -> r.registryId(id -> id.registryName(name))).statusAsString())
                .isEqualTo("DELETING");
        assertThatThrownBy(() -> glue.getRegistry(r -> r.registryId(id -> id.registryName(name))))
                .isInstanceOf(EntityNotFoundException.class)
                .hasMessageContaining("Registry is not found. RegistryName: " + name);
    }

    @Test
    void registryErrorsReachTheClientAsGluesExceptions() {
        String name = unique("dup");
        glue.createRegistry(r -> r.registryName(name));

        assertThatThrownBy(() -> glue.createRegistry(r -> r.registryName(name)))
                .isInstanceOf(AlreadyExistsException.class)
                .hasMessageContaining("Registry already exists. RegistryName: " + name);
        assertThatThrownBy(() -> glue.createRegistry(r -> r.registryName("no spaces allowed")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("registryName")
                .hasMessageContaining("[a-zA-Z0-9-_$#.]+");
        assertThatThrownBy(() -> glue.updateRegistry(r -> r.registryId(id -> id.registryName(unique("none")))
                .description("x")))
                .isInstanceOf(EntityNotFoundException.class);
        assertThatThrownBy(() -> glue.getTags(r -> r.resourceArn(
                "arn:aws:glue:us-east-1:000000000000:schema/" + name + "/missing")))
                .isInstanceOf(EntityNotFoundException.class)
                .hasMessageContaining("Schema is not found.");
    }

    @Test
    void schemasAndVersionsGoThroughTheirWholeLife() {
        String registry = unique("shop");
        glue.createRegistry(r -> r.registryName(registry));
        SchemaId schemaId = SchemaId.builder().registryName(registry).schemaName("users").build();

        CreateSchemaResponse created = glue.createSchema(r -> r.registryId(RegistryId.builder()
                        .registryName(registry).build()).schemaName("users").dataFormat(DataFormat.AVRO)
                .compatibility(Compatibility.BACKWARD).description("users").schemaDefinition(USER_V1));
        assertThat(created.schemaArn()).isEqualTo("arn:aws:glue:us-east-1:000000000000:schema/" + registry + "/users");
        assertThat(created.schemaVersionStatus()).isEqualTo(SchemaVersionStatus.AVAILABLE);
        assertThat(created.latestSchemaVersion()).isEqualTo(1L);
        assertThat(created.nextSchemaVersion()).isEqualTo(2L);
        String v1 = created.schemaVersionId();

        var v2 = glue.registerSchemaVersion(r -> r.schemaId(schemaId).schemaDefinition(USER_V2));
        assertThat(v2.versionNumber()).isEqualTo(2L);
        assertThat(v2.status()).isEqualTo(SchemaVersionStatus.AVAILABLE);
        assertThat(UUID.fromString(v2.schemaVersionId()).toString()).isEqualTo(v2.schemaVersionId());

        GetSchemaVersionResponse byId = glue.getSchemaVersion(r -> r.schemaVersionId(v1));
        assertThat(byId.schemaDefinition()).isEqualTo(USER_V1);
        assertThat(byId.dataFormat()).isEqualTo(DataFormat.AVRO);
        assertThat(byId.versionNumber()).isEqualTo(1L);
        assertThat(glue.getSchemaVersion(r -> r.schemaId(schemaId)
                .schemaVersionNumber(SchemaVersionNumber.builder().latestVersion(true).build())).schemaVersionId())
                .isEqualTo(v2.schemaVersionId());
        assertThat(glue.getSchemaVersion(r -> r.schemaId(schemaId)
                .schemaVersionNumber(SchemaVersionNumber.builder().versionNumber(1L).build())).schemaVersionId())
                .isEqualTo(v1);
        assertThat(glue.getSchemaByDefinition(r -> r.schemaId(schemaId).schemaDefinition(USER_V2)).schemaVersionId())
                .isEqualTo(v2.schemaVersionId());
        assertThat(glue.listSchemaVersions(r -> r.schemaId(schemaId)).schemas())
                .extracting(SchemaVersionListItem::versionNumber).containsExactly(1L, 2L);
        assertThat(glue.listSchemas(r -> r.registryId(id -> id.registryName(registry))).schemas())
                .singleElement().satisfies(s -> assertThat(s.schemaName()).isEqualTo("users"));

        var schema = glue.getSchema(r -> r.schemaId(schemaId));
        assertThat(schema.compatibility()).isEqualTo(Compatibility.BACKWARD);
        assertThat(schema.latestSchemaVersion()).isEqualTo(2L);

        String diff = glue.getSchemaVersionsDiff(r -> r.schemaId(schemaId).schemaDiffType("SYNTAX_DIFF")
                .firstSchemaVersionNumber(n -> n.versionNumber(1L))
                .secondSchemaVersionNumber(n -> n.versionNumber(2L))).diff();
        assertThat(diff).contains("+    \"name\" : \"email\",");

        glue.updateSchema(r -> r.schemaId(schemaId).description("all users"));
        assertThat(glue.getSchema(r -> r.schemaId(schemaId)).description()).isEqualTo("all users");

        var errors = glue.deleteSchemaVersions(r -> r.schemaId(schemaId).versions("2")).schemaVersionErrors();
        assertThat(errors).isEmpty();
        assertThatThrownBy(() -> glue.getSchemaVersion(r -> r.schemaVersionId(v2.schemaVersionId())))
                .isInstanceOf(EntityNotFoundException.class)
                .hasMessageContaining("Schema version is not found.");

        glue.deleteSchema(r -> r.schemaId(schemaId));
        assertThatThrownBy(() -> glue.getSchema(r -> r.schemaId(schemaId)))
                .isInstanceOf(EntityNotFoundException.class)
                .hasMessageContaining("Schema is not found.");
        assertThatThrownBy(() -> glue.getSchemaVersion(r -> r.schemaVersionId(v1)))
                .isInstanceOf(EntityNotFoundException.class);
    }

    @Test
    void eachFormatsDefinitionIsSyntaxChecked() {
        String registry = unique("formats");
        glue.createRegistry(r -> r.registryName(registry));
        RegistryId registryId = RegistryId.builder().registryName(registry).build();

        glue.createSchema(r -> r.registryId(registryId).schemaName("json").dataFormat(DataFormat.JSON)
                .schemaDefinition("{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"}}}"));
        glue.createSchema(r -> r.registryId(registryId).schemaName("proto").dataFormat(DataFormat.PROTOBUF)
                .schemaDefinition("syntax = \"proto3\"; message Order { int64 id = 1; }"));

        assertThatThrownBy(() -> glue.createSchema(r -> r.registryId(registryId).schemaName("bad-avro")
                .dataFormat(DataFormat.AVRO).schemaDefinition("{\"type\":\"record\",\"name\":\"X\"}")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Schema definition of AVRO data format is invalid")
                .hasMessageContaining("fields");
        assertThatThrownBy(() -> glue.createSchema(r -> r.registryId(registryId).schemaName("bad-json")
                .dataFormat(DataFormat.JSON).schemaDefinition("{\"type\":\"text\"}")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'text' is not a JSON Schema type");
        assertThatThrownBy(() -> glue.createSchema(r -> r.registryId(registryId).schemaName("bad-proto")
                .dataFormat(DataFormat.PROTOBUF).schemaDefinition("message Order { int64 id = 1 }")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("expected ';'");
        // Nothing of a refused schema is left behind.
        assertThat(glue.listSchemas(r -> r.registryId(registryId)).schemas()).extracting(s -> s.schemaName())
                .containsExactlyInAnyOrder("json", "proto");

        var check = glue.checkSchemaVersionValidity(r -> r.dataFormat(DataFormat.AVRO).schemaDefinition("\"lng\""));
        assertThat(check.valid()).isFalse();
        assertThat(check.error()).contains("lng");
        assertThat(glue.checkSchemaVersionValidity(r -> r.dataFormat(DataFormat.AVRO).schemaDefinition(USER_V1))
                .valid()).isTrue();
    }

    @Test
    void schemaAndVersionErrorsReachTheClientAsGluesExceptions() {
        String registry = unique("errors");
        glue.createRegistry(r -> r.registryName(registry));
        RegistryId registryId = RegistryId.builder().registryName(registry).build();
        glue.createSchema(r -> r.registryId(registryId).schemaName("s").dataFormat(DataFormat.AVRO)
                .schemaDefinition(USER_V1));
        SchemaId schemaId = SchemaId.builder().registryName(registry).schemaName("s").build();

        assertThatThrownBy(() -> glue.createSchema(r -> r.registryId(registryId).schemaName("s")
                .dataFormat(DataFormat.AVRO).schemaDefinition(USER_V1)))
                .isInstanceOf(AlreadyExistsException.class);
        assertThatThrownBy(() -> glue.createSchema(r -> r.registryId(id -> id.registryName(unique("nope")))
                .schemaName("s").dataFormat(DataFormat.AVRO)))
                .isInstanceOf(EntityNotFoundException.class)
                .hasMessageContaining("Registry is not found.");
        assertThatThrownBy(() -> glue.getSchemaByDefinition(r -> r.schemaId(schemaId).schemaDefinition(USER_V2)))
                .isInstanceOf(EntityNotFoundException.class)
                .hasMessageContaining("Schema version is not found.");
        assertThatThrownBy(() -> glue.getSchemaVersion(r -> r.schemaVersionId(UUID.randomUUID().toString())))
                .isInstanceOf(EntityNotFoundException.class);
        assertThatThrownBy(() -> glue.getSchemaVersion(r -> r.schemaVersionId("not-a-uuid")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("schemaVersionId");
        assertThatThrownBy(() -> glue.updateSchema(r -> r.schemaId(schemaId).compatibility(Compatibility.NONE)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("SchemaVersionNumber");
        assertThatThrownBy(() -> glue.createSchema(r -> r.registryId(registryId).schemaName("x")
                .dataFormat("XML")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("[AVRO, JSON, PROTOBUF]");
    }

    @Test
    void metadataIsPutQueriedAndRemoved() {
        String registry = unique("meta");
        glue.createRegistry(r -> r.registryName(registry));
        String id = glue.createSchema(r -> r.registryId(i -> i.registryName(registry)).schemaName("s")
                .dataFormat(DataFormat.AVRO).schemaDefinition(USER_V1)).schemaVersionId();

        glue.putSchemaVersionMetadata(r -> r.schemaVersionId(id)
                .metadataKeyValue(kv -> kv.metadataKey("owner").metadataValue("team-a")));
        var put = glue.putSchemaVersionMetadata(r -> r.schemaVersionId(id)
                .metadataKeyValue(kv -> kv.metadataKey("owner").metadataValue("team-b")));
        assertThat(put.latestVersion()).isTrue();
        assertThat(put.versionNumber()).isEqualTo(1L);

        Map<String, MetadataInfo> info = glue.querySchemaVersionMetadata(r -> r.schemaVersionId(id))
                .metadataInfoMap();
        assertThat(info).containsOnlyKeys("owner");
        assertThat(List.of(info.get("owner").metadataValue(),
                info.get("owner").otherMetadataValueList().get(0).metadataValue()))
                .containsExactlyInAnyOrder("team-a", "team-b");

        assertThatThrownBy(() -> glue.putSchemaVersionMetadata(r -> r.schemaVersionId(id)
                .metadataKeyValue(kv -> kv.metadataKey("owner").metadataValue("team-a"))))
                .isInstanceOf(AlreadyExistsException.class);
        glue.removeSchemaVersionMetadata(r -> r.schemaVersionId(id)
                .metadataKeyValue(kv -> kv.metadataKey("owner").metadataValue("team-a")));
        assertThat(glue.querySchemaVersionMetadata(r -> r.schemaVersionId(id)).metadataInfoMap().get("owner")
                .metadataValue()).isEqualTo("team-b");
        assertThatThrownBy(() -> glue.removeSchemaVersionMetadata(r -> r.schemaVersionId(id)
                .metadataKeyValue(kv -> kv.metadataKey("owner").metadataValue("team-a"))))
                .isInstanceOf(EntityNotFoundException.class);
        for (int i = 0; i < 9; i++) {
            int n = i;
            glue.putSchemaVersionMetadata(r -> r.schemaVersionId(id)
                    .metadataKeyValue(kv -> kv.metadataKey("k" + n).metadataValue("v")));
        }
        assertThatThrownBy(() -> glue.putSchemaVersionMetadata(r -> r.schemaVersionId(id)
                .metadataKeyValue(kv -> kv.metadataKey("one-too-many").metadataValue("v"))))
                .isInstanceOf(ResourceNumberLimitExceededException.class);
    }

    @Test
    void malformedJsonAndUnknownOperationsGetGlueErrorsAndOtherRequestsPassOn() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> malformed = http.send(glueCall("AWSGlue.CreateRegistry", "{\"RegistryName\":"),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> unknown = http.send(glueCall("AWSGlue.GetDatabase", "{}"),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> connect = http.send(HttpRequest.newBuilder(URI.create(env.node().apiUrl()
                + "/connectors")).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/x-amz-json-1.1"));
        assertThat(malformed.body()).contains("\"__type\":\"InvalidInputException\"")
                .contains("The request body is not valid JSON");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"__type\":\"UnknownOperationException\"")
                .contains("AWSGlue.GetDatabase");
        assertThat(connect.statusCode()).isEqualTo(200);
        assertThat(connect.body()).startsWith("[");
    }

    @Test
    void theSdksOwnErrorModelReadsTheErrorCode() {
        assertThatThrownBy(() -> glue.getRegistry(r -> r.registryId(id -> id.registryName(unique("none")))))
                .isInstanceOfSatisfying(GlueException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("EntityNotFoundException");
                    assertThat(e.statusCode()).isEqualTo(400);
                });
    }

    private static HttpRequest glueCall(String target, String body) {
        return GlueClients.rawCall(env.node(), target, body);
    }
}
