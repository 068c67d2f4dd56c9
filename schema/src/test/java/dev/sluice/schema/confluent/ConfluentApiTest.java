package dev.sluice.schema.confluent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.schema.SchemaRegistry;
import dev.sluice.schema.registry.Arns;
import dev.sluice.schema.registry.Limits;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

class ConfluentApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String V1 = "{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"}]}";
    private static final String V2 = "{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"},"
            + "{\"name\":\"email\",\"type\":\"string\",\"default\":\"\"}]}";
    private static final String BREAKS = "{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}";

    private final SchemaRegistry registry = SchemaRegistry.inMemory(new Arns("us-east-1", "000000000000"),
            Limits.glue(), Clock.systemUTC());
    private final ConfluentApi api = registry.confluentApi();

    private JsonNode call(int status, String method, String path, String body) {
        ConfluentApi.Response response = api.handle(method, path, body);
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError(response.body(), e);
        }
    }

    private static String schema(String definition) {
        return JSON.createObjectNode().put("schema", definition).toString();
    }

    @Test
    void subjectsAreRegisteredListedAndReadByIdAndVersion() {
        long id1 = call(200, "POST", "/subjects/users-value/versions", schema(V1)).path("id").asLong();
        long id2 = call(200, "POST", "/subjects/users-value/versions", schema(V2)).path("id").asLong();
        long again = call(200, "POST", "/subjects/users-value/versions", schema(V1)).path("id").asLong();

        assertThat(id2).isEqualTo(id1 + 1);
        assertThat(again).isEqualTo(id1);
        assertThat(call(200, "GET", "/subjects", null).toString()).isEqualTo("[\"users-value\"]");
        assertThat(call(200, "GET", "/subjects/users-value/versions", null).toString()).isEqualTo("[1,2]");
        JsonNode latest = call(200, "GET", "/subjects/users-value/versions/latest", null);
        assertThat(latest.path("version").asLong()).isEqualTo(2);
        assertThat(latest.path("id").asLong()).isEqualTo(id2);
        assertThat(latest.path("schema").asText()).isEqualTo(V2);
        assertThat(call(200, "GET", "/schemas/ids/" + id1, null).path("schema").asText()).isEqualTo(V1);
        assertThat(call(200, "GET", "/subjects/users-value/versions/1/schema", null).path("name").asText())
                .isEqualTo("User");
        assertThat(call(200, "POST", "/subjects/users-value", schema(V2)).path("version").asLong()).isEqualTo(2);
        // The same schema is a Glue schema of default-registry, with the same versions.
        assertThat(registry.state().schema("default-registry", "users-value")).hasValueSatisfying(s ->
                assertThat(s.latestVersion()).isEqualTo(2));
    }

    @Test
    void incompatibleSchemasAreRefusedWith409AndCheckedWithTheCompatibilityEndpoint() {
        call(200, "POST", "/subjects/s/versions", schema(V1));

        JsonNode refused = call(409, "POST", "/subjects/s/versions", schema(BREAKS));
        JsonNode check = call(200, "POST", "/compatibility/subjects/s/versions/latest", schema(BREAKS));

        assertThat(refused.path("error_code").asInt()).isEqualTo(409);
        assertThat(refused.path("message").asText()).contains("BACKWARD");
        assertThat(check.path("is_compatible").asBoolean()).isFalse();
        assertThat(call(200, "POST", "/compatibility/subjects/s/versions/1", schema(V2)).path("is_compatible")
                .asBoolean()).isTrue();

        assertThat(call(200, "PUT", "/config/s", "{\"compatibility\":\"NONE\"}").path("compatibility").asText())
                .isEqualTo("NONE");
        assertThat(call(200, "GET", "/config/s", null).path("compatibilityLevel").asText()).isEqualTo("NONE");
        call(200, "POST", "/subjects/s/versions", schema(BREAKS));
        assertThat(call(422, "PUT", "/config/s", "{\"compatibility\":\"SIDEWAYS\"}").path("error_code").asInt())
                .isEqualTo(42203);
    }

    @Test
    void errorsCarryConfluentsCodes() {
        assertThat(call(404, "GET", "/subjects/none/versions", null).path("error_code").asInt()).isEqualTo(40401);
        assertThat(call(404, "GET", "/schemas/ids/999", null).path("error_code").asInt()).isEqualTo(40403);
        assertThat(call(422, "POST", "/subjects/s/versions", schema("{\"type\":\"recrd\"}")).path("error_code")
                .asInt()).isEqualTo(42201);
        call(200, "POST", "/subjects/s/versions", schema(V1));
        assertThat(call(404, "GET", "/subjects/s/versions/7", null).path("error_code").asInt()).isEqualTo(40402);
        assertThat(call(404, "POST", "/subjects/s", schema(V2)).path("error_code").asInt()).isEqualTo(40403);
    }

    @Test
    void subjectsAndVersionsAreDeleted() {
        call(200, "POST", "/subjects/s/versions", "{\"schema\":\"{\\\"type\\\":\\\"string\\\"}\",\"schemaType\":\"JSON\"}");
        call(200, "PUT", "/config/s", "{\"compatibility\":\"NONE\"}");
        call(200, "POST", "/subjects/s/versions", "{\"schema\":\"{\\\"type\\\":\\\"integer\\\"}\"}");
        assertThat(call(200, "GET", "/subjects/s/versions/2", null).path("schemaType").asText()).isEqualTo("JSON");

        assertThat(call(200, "DELETE", "/subjects/s/versions/2", null).asLong()).isEqualTo(2);
        assertThat(call(200, "DELETE", "/subjects/s", null).toString()).isEqualTo("[1]");
        assertThat(call(200, "GET", "/subjects", null).toString()).isEqualTo("[]");
    }
}
