package dev.sluice.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.GlueClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Confluent Schema Registry REST API's core on the node's API port, over the same registry as the Glue API:
 * a subject registered over one is a schema of default-registry over the other.
 */
class ConfluentSchemaRegistryApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String V1 = SchemaRegistryIT.avro("{\"name\":\"id\",\"type\":\"long\"}");
    private static final String BREAKS = SchemaRegistryIT.avro("{\"name\":\"id\",\"type\":\"string\"}");

    private final SluiceTestEnvironment env = SluiceTestEnvironment.get();
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(env.node().apiUrl() + path))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String schema(String definition) {
        return JSON.createObjectNode().put("schema", definition).toString();
    }

    @Test
    void subjectsRegisteredHereAreGlueSchemasThere() throws Exception {
        String subject = "orders-" + UUID.randomUUID().toString().substring(0, 8) + "-value";

        HttpResponse<String> registered = send("POST", "/subjects/" + subject + "/versions", schema(V1));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
        assertThat(registered.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/vnd.schemaregistry.v1+json"));
        long id = JSON.readTree(registered.body()).path("id").asLong();

        JsonNode byId = JSON.readTree(send("GET", "/schemas/ids/" + id, null).body());
        assertThat(byId.path("schema").asText()).isEqualTo(V1);
        assertThat(send("GET", "/subjects", null).body()).contains("\"" + subject + "\"");

        try (GlueClient glue = GlueClients.forNode(env.node())) {
            var version = glue.getSchemaVersion(r -> r.schemaId(s -> s.registryName("default-registry")
                    .schemaName(subject)).schemaVersionNumber(n -> n.latestVersion(true)));
            assertThat(version.schemaDefinition()).isEqualTo(V1);
        }

        HttpResponse<String> refused = send("POST", "/subjects/" + subject + "/versions", schema(BREAKS));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(refused.body()).path("message").asText()).contains("BACKWARD");
        HttpResponse<String> missing = send("GET", "/subjects/" + subject + "-nope/versions", null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(missing.body()).path("error_code").asInt()).isEqualTo(40401);
    }

    @Test
    void aBodyOverTwoMebibytesIsRefusedUnread() throws Exception {
        String subject = "huge-" + UUID.randomUUID().toString().substring(0, 8);
        String huge = "{\"schema\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";

        HttpResponse<String> refused = send("POST", "/subjects/" + subject + "/versions", huge);

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(refused.body()).path("message").asText()).contains("over 2097152 bytes");
        assertThat(send("GET", "/subjects", null).body()).doesNotContain(subject);
    }
}
