package dev.sluice.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import org.awaitility.Awaitility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/** A small client of the Kafka Connect REST API for tests: each call returns the status and the JSON body. */
public final class ConnectRestClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;

    public ConnectRestClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public record Reply(int status, JsonNode body) {
        public String text(String field) {
            return body.path(field).asText();
        }
    }

    public Reply get(String path) {
        return send("GET", path, null);
    }

    /**
     * {@code GET}, waiting out the 409 that Kafka Connect answers while the connector's group rebalances (after a
     * create or a config change).
     */
    public Reply settled(String path) {
        AtomicReference<Reply> last = new AtomicReference<>();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            last.set(get(path));
            return last.get().status() != 409;
        });
        return last.get();
    }

    public Reply post(String path, Object body) {
        return send("POST", path, body);
    }

    public Reply put(String path, Object body) {
        return send("PUT", path, body);
    }

    public Reply patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    public Reply delete(String path) {
        return send("DELETE", path, null);
    }

    /** {@code POST /connectors} with {@code {"name": ..., "config": ...}}. */
    public Reply createConnector(String name, Map<String, String> config) {
        return post("/connectors", Map.of("name", name, "config", config));
    }

    /** The state of the connector and of each task, e.g. {@code RUNNING}; empty strings while unknown. */
    public String connectorState(String name) {
        Reply status = get("/connectors/" + name + "/status");
        return status.status() == 200 ? status.body().path("connector").path("state").asText() : "";
    }

    /**
     * A sink connector's committed offsets ({@code GET /connectors/<name>/offsets}), the next offset to read by
     * {@code "<topic>-<partition>"}; empty while it has none.
     */
    public Map<String, Long> sinkOffsets(String name) {
        Map<String, Long> offsets = new TreeMap<>();
        for (JsonNode offset : get("/connectors/" + name + "/offsets").body().path("offsets")) {
            JsonNode partition = offset.path("partition");
            offsets.put(partition.path("kafka_topic").asText() + "-" + partition.path("kafka_partition").asInt(),
                    offset.path("offset").path("kafka_offset").asLong());
        }
        return offsets;
    }

    /** True once the connector and exactly {@code tasks} tasks report {@code state}. */
    public boolean hasState(String name, String state, int tasks) {
        Reply status = get("/connectors/" + name + "/status");
        if (status.status() != 200 || !state.equals(status.body().path("connector").path("state").asText())) {
            return false;
        }
        JsonNode taskStates = status.body().path("tasks");
        if (taskStates.size() != tasks) {
            return false;
        }
        for (JsonNode task : taskStates) {
            if (!state.equals(task.path("state").asText())) {
                return false;
            }
        }
        return true;
    }

    private Reply send(String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(120))
                    .header("Accept", "application/json");
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isEmpty() ? NullNode.getInstance() : JSON.readTree(response.body());
            return new Reply(response.statusCode(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + method + " " + path, e);
        }
    }
}
