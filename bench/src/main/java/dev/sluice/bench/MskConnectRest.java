package dev.sluice.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.testkit.ConnectRestClient;
import dev.sluice.testkit.ConnectRestClient.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The MSK Connect API calls the benchmark makes, as plain restJson1 over HTTP under {@code /v1}: each returns the
 * member it needs and fails on any status but 2xx (404 aside where a missing resource is an answer).
 */
public final class MskConnectRest {

    private final ConnectRestClient rest;

    public MskConnectRest(ConnectRestClient rest) {
        this.rest = rest;
    }

    /** {@code POST /v1/custom-plugins} of a ZIP in S3; returns the plugin's ARN. */
    public String createCustomPlugin(String name, String bucket, String key) {
        Reply reply = expect2xx("POST /v1/custom-plugins " + name, rest.post("/v1/custom-plugins", Map.of(
                "name", name,
                "contentType", "ZIP",
                "location", Map.of("s3Location", Map.of("bucketArn", "arn:aws:s3:::" + bucket, "fileKey", key)))));
        return reply.text("customPluginArn");
    }

    /** The plugin's {@code customPluginState}, with its {@code stateDescription} when it has one. */
    public String customPluginState(String arn) {
        JsonNode body = expect2xx("GET custom plugin " + arn, rest.get("/v1/custom-plugins/" + encode(arn))).body();
        String state = body.path("customPluginState").asText();
        return body.has("stateDescription") ? state + " (" + body.path("stateDescription") + ")" : state;
    }

    /** {@code POST /v1/worker-configurations} with the given properties file; returns its ARN. */
    public String createWorkerConfiguration(String name, String properties) {
        Reply reply = expect2xx("POST /v1/worker-configurations " + name,
                rest.post("/v1/worker-configurations", Map.of("name", name, "propertiesFileContent",
                        Base64.getEncoder().encodeToString(properties.getBytes(StandardCharsets.UTF_8)))));
        return reply.text("workerConfigurationArn");
    }

    /** {@code POST /v1/connectors} with a CreateConnector body; returns the connector's ARN. */
    public String createConnector(Map<String, Object> request) {
        Reply reply = expect2xx("POST /v1/connectors " + request.get("connectorName"),
                rest.post("/v1/connectors", request));
        return reply.text("connectorArn");
    }

    /** The connector's {@code connectorState} (CREATING, RUNNING, FAILED ...), or "" if the node does not know it. */
    public String connectorState(String arn) {
        Reply reply = rest.get("/v1/connectors/" + encode(arn));
        return reply.status() == 404 ? "" : expect2xx("GET connector " + arn, reply).text("connectorState");
    }

    /** The whole DescribeConnector reply, for a message when a connector does not come up. */
    public JsonNode describeConnector(String arn) {
        return rest.get("/v1/connectors/" + encode(arn)).body();
    }

    /** {@code DELETE /v1/connectors/{arn}}. */
    public void deleteConnector(String arn) {
        expect2xx("DELETE connector " + arn, rest.delete("/v1/connectors/" + encode(arn)));
    }

    private static String encode(String arn) {
        return URLEncoder.encode(arn, StandardCharsets.UTF_8);
    }

    private static Reply expect2xx(String what, Reply reply) {
        if (reply.status() / 100 != 2) {
            throw new IllegalStateException(what + " returned " + reply.status() + ": " + reply.body());
        }
        return reply;
    }
}
