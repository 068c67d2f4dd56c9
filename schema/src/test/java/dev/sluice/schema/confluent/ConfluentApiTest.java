package dev.sluice.schema.confluent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.schema.SchemaRegistry;
import dev.sluice.schema.registry.Arns;
import dev.sluice.schema.glue.GlueApi;
import dev.sluice.schema.registry.Limits;
import dev.sluice.schema.registry.RegistryState;
import dev.sluice.schema.store.InMemorySchemaStore;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

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

    private static JsonNode read(ConfluentApi.Response response) {
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
        // the version Glue keeps as FAILURE is nowhere to a Confluent client
        assertThat(call(200, "GET", "/subjects/s/versions", null)).extracting(JsonNode::asLong).containsExactly(1L);
        assertThat(call(404, "POST", "/subjects/s", schema(BREAKS)).path("error_code").asInt()).isEqualTo(40403);
        assertThat(call(404, "GET", "/subjects/s/versions/2", null).path("error_code").asInt()).isEqualTo(40402);
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

    @Test
    void anIdThisNodeHasNotSeenYetIsLookedUpAfterCatchingUpWithTheOtherNodes() {
        // node A writes; node B's state has not followed the log yet, and catches up only when asked
        RegistryState stateA = new RegistryState();
        InMemorySchemaStore log = new InMemorySchemaStore(stateA);
        Arns arns = new Arns("us-east-1", "000000000000");
        ConfluentApi nodeA = new ConfluentApi(new GlueApi(stateA, log, arns, Limits.glue(), Clock.systemUTC()),
                stateA, log::catchUp, "default-registry");
        RegistryState stateB = new RegistryState();
        AtomicInteger catchUps = new AtomicInteger();
        ConfluentApi nodeB = new ConfluentApi(new GlueApi(stateB, new InMemorySchemaStore(stateB), arns,
                Limits.glue(), Clock.systemUTC()), stateB, () -> {
                    catchUps.incrementAndGet();
                    log.log().forEach(stateB::apply);
                }, "default-registry");

        ConfluentApi.Response registered = nodeA.handle("POST", "/subjects/users-value/versions", schema(V1));
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        long id = read(registered).path("id").asLong();

        ConfluentApi.Response found = nodeB.handle("GET", "/schemas/ids/" + id, null);
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        assertThat(read(found).path("schema").asText()).isEqualTo(V1);
        assertThat(catchUps).hasValue(1);
        assertThat(nodeB.handle("GET", "/schemas/ids/" + (id + 1), null).status()).isEqualTo(404);
    }
}
