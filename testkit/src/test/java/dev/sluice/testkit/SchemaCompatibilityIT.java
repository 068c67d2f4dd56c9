package dev.sluice.testkit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Compatibility;
import software.amazon.awssdk.services.glue.model.DataFormat;
import software.amazon.awssdk.services.glue.model.RegisterSchemaVersionResponse;
import software.amazon.awssdk.services.glue.model.SchemaId;
import software.amazon.awssdk.services.glue.model.SchemaVersionListItem;
import software.amazon.awssdk.services.glue.model.SchemaVersionStatus;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each of Glue's compatibility modes, through AWS's Glue client: a version the mode allows is registered AVAILABLE;
 * one it forbids is kept with status FAILURE, as Glue keeps it, the schema's latest version unchanged, and the
 * answer's SluiceFailureReason (read as raw JSON: SDKs skip members Glue's model lacks) names the incompatibility.
 */
class SchemaCompatibilityIT {

    /** Version 1: id, and a required email. */
    private static final String V1 = SchemaRegistryIT.avro("{\"name\":\"id\",\"type\":\"long\"},"
            + "{\"name\":\"email\",\"type\":\"string\"}");
    /** Version 2: id and email, and an optional name: compatible with version 1 both ways. */
    private static final String V2 = SchemaRegistryIT.avro("{\"name\":\"id\",\"type\":\"long\"},"
            + "{\"name\":\"email\",\"type\":\"string\"},{\"name\":\"name\",\"type\":\"string\",\"default\":\"\"}");
    /** Version 3: a phone without a default: a reader on it cannot read older data (a backward break). */
    private static final String ADDS_REQUIRED = SchemaRegistryIT.avro("{\"name\":\"id\",\"type\":\"long\"},"
            + "{\"name\":\"email\",\"type\":\"string\"},{\"name\":\"phone\",\"type\":\"string\"}");
    /** Drops email, which version 1 and 2 readers need (a forward break). */
    private static final String DROPS_EMAIL = SchemaRegistryIT.avro("{\"name\":\"id\",\"type\":\"long\"},"
            + "{\"name\":\"name\",\"type\":\"string\",\"default\":\"\"}");
    /** Changes email's type: neither way. */
    private static final String RETYPES_EMAIL = SchemaRegistryIT.avro("{\"name\":\"id\",\"type\":\"long\"},"
            + "{\"name\":\"email\",\"type\":\"int\"}");

    /** What each mode must accept and refuse after V1 and V2. */
    private static final Map<Compatibility, String[]> CASES = Map.of(
            Compatibility.NONE, new String[] {RETYPES_EMAIL, null},
            Compatibility.BACKWARD, new String[] {DROPS_EMAIL, ADDS_REQUIRED},
            Compatibility.BACKWARD_ALL, new String[] {DROPS_EMAIL, ADDS_REQUIRED},
            Compatibility.FORWARD, new String[] {ADDS_REQUIRED, DROPS_EMAIL},
            Compatibility.FORWARD_ALL, new String[] {ADDS_REQUIRED, DROPS_EMAIL},
            Compatibility.FULL, new String[] {SchemaRegistryIT.avro("{\"name\":\"id\",\"type\":\"long\"},"
                    + "{\"name\":\"email\",\"type\":\"string\"},{\"name\":\"name\",\"type\":\"string\","
                    + "\"default\":\"\"},{\"name\":\"age\",\"type\":\"int\",\"default\":0}"), RETYPES_EMAIL},
            Compatibility.FULL_ALL, new String[] {SchemaRegistryIT.avro("{\"name\":\"id\",\"type\":\"long\"},"
                    + "{\"name\":\"email\",\"type\":\"string\"},{\"name\":\"age\",\"type\":\"int\","
                    + "\"default\":0}"), DROPS_EMAIL},
            Compatibility.DISABLED, new String[] {null, ADDS_REQUIRED});

    private static GlueClient glue;

    @BeforeAll
    static void start() {
        glue = GlueClients.forNode(SluiceTestEnvironment.get().node());
    }

    @AfterAll
    static void stop() {
        glue.close();
    }

    @ParameterizedTest
    @EnumSource(value = Compatibility.class, names = "UNKNOWN_TO_SDK_VERSION", mode = EnumSource.Mode.EXCLUDE)
    void eachModeAcceptsWhatItAllowsAndRefusesWhatItForbids(Compatibility mode) {
        String registry = "compat-" + mode.toString().toLowerCase().replace('_', '-') + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        glue.createRegistry(r -> r.registryName(registry));
        SchemaId schemaId = SchemaId.builder().registryName(registry).schemaName("users").build();
        // Versions 1 and 2 under NONE, then the mode under test from version 1 on (the checkpoint).
        glue.createSchema(r -> r.registryId(id -> id.registryName(registry)).schemaName("users")
                .dataFormat(DataFormat.AVRO).compatibility(Compatibility.NONE).schemaDefinition(V1));
        glue.registerSchemaVersion(r -> r.schemaId(schemaId).schemaDefinition(V2));
        glue.updateSchema(r -> r.schemaId(schemaId).compatibility(mode)
                .schemaVersionNumber(n -> n.versionNumber(1L)));
        String accepted = CASES.get(mode)[0];
        String refused = CASES.get(mode)[1];

        if (refused != null) {
            RegisterSchemaVersionResponse failed = glue.registerSchemaVersion(r -> r.schemaId(schemaId)
                    .schemaDefinition(refused));
            assertThat(failed.status()).isEqualTo(SchemaVersionStatus.FAILURE);
            assertThat(failed.versionNumber()).isEqualTo(3L);
            assertThat(failureReason(failed.schemaVersionId())).contains(mode == Compatibility.DISABLED
                    ? "DISABLED does not allow new versions" : "Schema is not " + mode + " compatible");
            assertThat(glue.getSchema(r -> r.schemaId(schemaId)).latestSchemaVersion()).isEqualTo(2L);
            assertThat(glue.listSchemaVersions(r -> r.schemaId(schemaId)).schemas())
                    .extracting(SchemaVersionListItem::status)
                    .containsExactly(SchemaVersionStatus.AVAILABLE, SchemaVersionStatus.AVAILABLE,
                            SchemaVersionStatus.FAILURE);
        }
        if (accepted != null) {
            RegisterSchemaVersionResponse registered = glue.registerSchemaVersion(r -> r.schemaId(schemaId)
                    .schemaDefinition(accepted));
            assertThat(registered.status()).isEqualTo(SchemaVersionStatus.AVAILABLE);
            assertThat(registered.versionNumber()).isEqualTo(refused == null ? 3L : 4L);
            assertThat(glue.getSchema(r -> r.schemaId(schemaId)).latestSchemaVersion())
                    .isEqualTo(registered.versionNumber());
        }
    }

    /** The SluiceFailureReason of GetSchemaVersion's raw answer. */
    private static String failureReason(String schemaVersionId) {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(GlueClients.rawCall(
                    SluiceTestEnvironment.get().node(), "AWSGlue.GetSchemaVersion",
                    "{\"SchemaVersionId\":\"" + schemaVersionId + "\"}"), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            return new ObjectMapper().readTree(answer.body()).path("SluiceFailureReason").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @org.junit.jupiter.api.Test
    void jsonSchemaAndProtobufVersionsAreCheckedByTheirFormatsRules() {
        String registry = "compat-formats-" + UUID.randomUUID().toString().substring(0, 8);
        glue.createRegistry(r -> r.registryName(registry));
        SchemaId json = SchemaId.builder().registryName(registry).schemaName("json").build();
        SchemaId proto = SchemaId.builder().registryName(registry).schemaName("proto").build();
        glue.createSchema(r -> r.registryId(id -> id.registryName(registry)).schemaName("json")
                .dataFormat(DataFormat.JSON).compatibility(Compatibility.BACKWARD)
                .schemaDefinition("{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"}}}"));
        glue.createSchema(r -> r.registryId(id -> id.registryName(registry)).schemaName("proto")
                .dataFormat(DataFormat.PROTOBUF).compatibility(Compatibility.FULL)
                .schemaDefinition("syntax = \"proto3\"; message Order { int64 id = 1; }"));

        assertThat(glue.registerSchemaVersion(r -> r.schemaId(json).schemaDefinition("{\"type\":\"object\","
                + "\"properties\":{\"id\":{\"type\":\"integer\"},\"note\":{\"type\":\"string\"}}}"))
                .versionNumber()).isEqualTo(2L);
        assertThat(failureReason(failedVersion(json,
                "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"}},\"required\":[\"id\"]}")))
                .contains("the reader requires property 'id', which the writer does not require");

        assertThat(glue.registerSchemaVersion(r -> r.schemaId(proto).schemaDefinition(
                "syntax = \"proto3\"; message Order { int64 id = 1; string note = 2; }")).versionNumber())
                .isEqualTo(2L);
        assertThat(failureReason(failedVersion(proto,
                "syntax = \"proto3\"; message Order { string id = 1; string note = 2; }")))
                .contains("field number 1 is string 'id' in the reader but int64 'id' in the writer");
    }

    @ParameterizedTest
    @EnumSource(value = Compatibility.class, names = {"BACKWARD", "FORWARD"})
    void aRefusalNamesTheFieldAndTheDirection(Compatibility mode) {
        String registry = "compat-msg-" + UUID.randomUUID().toString().substring(0, 8);
        glue.createRegistry(r -> r.registryName(registry));
        SchemaId schemaId = SchemaId.builder().registryName(registry).schemaName("users").build();
        glue.createSchema(r -> r.registryId(id -> id.registryName(registry)).schemaName("users")
                .dataFormat(DataFormat.AVRO).compatibility(mode).schemaDefinition(V1));

        String breaking = mode == Compatibility.BACKWARD ? ADDS_REQUIRED : DROPS_EMAIL;
        String field = mode == Compatibility.BACKWARD ? "phone" : "email";
        String direction = mode == Compatibility.BACKWARD ? "reading data of version 1 with the new version"
                : "reading data of the new version with version 1";

        assertThat(failureReason(failedVersion(schemaId, breaking)))
                .contains(direction)
                .contains("the reader's field '" + field + "' has no default value and is missing from the writer");
    }

    /** Registers a definition that must fail its schema's check; the failed version's id. */
    private static String failedVersion(SchemaId schemaId, String definition) {
        RegisterSchemaVersionResponse failed = glue.registerSchemaVersion(r -> r.schemaId(schemaId)
                .schemaDefinition(definition));
        assertThat(failed.status()).isEqualTo(SchemaVersionStatus.FAILURE);
        return failed.schemaVersionId();
    }
}
