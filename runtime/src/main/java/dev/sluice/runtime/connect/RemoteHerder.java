package dev.sluice.runtime.connect;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response.Status;
import org.apache.kafka.connect.runtime.ConnectMetrics;
import org.apache.kafka.connect.runtime.Herder;
import org.apache.kafka.connect.runtime.HerderRequest;
import org.apache.kafka.connect.runtime.RestartRequest;
import org.apache.kafka.connect.runtime.TargetState;
import org.apache.kafka.connect.runtime.isolation.Plugins;
import org.apache.kafka.connect.runtime.rest.InternalRequestSignature;
import org.apache.kafka.connect.runtime.rest.RestServer;
import org.apache.kafka.connect.runtime.rest.entities.ActiveTopicsInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfos;
import org.apache.kafka.connect.runtime.rest.entities.ConfigKeyInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorOffset;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorOffsets;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.runtime.rest.entities.CreateConnectorRequest.InitialState;
import org.apache.kafka.connect.runtime.rest.entities.ErrorMessage;
import org.apache.kafka.connect.runtime.rest.entities.LoggerLevel;
import org.apache.kafka.connect.runtime.rest.entities.Message;
import org.apache.kafka.connect.runtime.rest.entities.TaskInfo;
import org.apache.kafka.connect.runtime.rest.errors.ConnectRestException;
import org.apache.kafka.connect.storage.StatusBackingStore;
import org.apache.kafka.connect.util.Callback;
import org.apache.kafka.connect.util.ConnectorTaskId;
import org.apache.maven.artifact.versioning.VersionRange;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A connector's calls, made on the node that runs its Connect workers, over Kafka Connect's REST API: each
 * connector-specific {@link Herder} method becomes the request that Connect's {@code ConnectorsResource} serves for
 * it, and the owning node's answer, or its error status and message as a {@link ConnectRestException}, comes back
 * unchanged. Every request carries {@link ForwardedRequests#HEADER}, so that the owning node serves it itself
 * rather than forwarding it again.
 *
 * <p>Calls that are not about one connector (the connector list, plugins, loggers, validation) are served by the
 * node itself and are not supported here.
 *
 * <p>Connect's {@code RestClient} is not used: it sends no header but {@code Authorization}, and it fails on the
 * empty {@code 202} answers of pause, resume and topic reset.
 */
public final class RemoteHerder implements Herder {

    private static final Duration REQUEST_TIMEOUT = Duration.ofMillis(RestServer.DEFAULT_REST_REQUEST_TIMEOUT_MS);
    /** Tolerant of fields that a newer Connect on the other node may add. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final String INTERNAL_ONLY = "is not run on this node; Connect forwards internal requests to "
            + "its leader";

    private final HttpClient http;
    private final String baseUrl;

    /**
     * @param http    the client to send requests with, shared by a node's remote herders
     * @param nodeUrl the base URL of the node that runs the connector, such as {@code http://10.0.0.7:8083/}
     */
    public RemoteHerder(HttpClient http, String nodeUrl) {
        this.http = http;
        this.baseUrl = nodeUrl.endsWith("/") ? nodeUrl.substring(0, nodeUrl.length() - 1) : nodeUrl;
    }

    /** A client for a node's remote herders: no redirects followed, as Connect's own forwarding. */
    public static HttpClient newHttpClient() {
        return HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public String toString() {
        return "RemoteHerder[" + baseUrl + "]";
    }

    // -- connectors

    @Override
    public void connectorInfo(String connName, Callback<ConnectorInfo> callback) {
        complete(callback, () -> connectorInfo(connName));
    }

    @Override
    public ConnectorInfo connectorInfo(String connName) {
        return send("GET", path(connName), null, new TypeReference<ConnectorInfo>() { }).body();
    }

    @Override
    public void connectorConfig(String connName, Callback<Map<String, String>> callback) {
        complete(callback, () -> send("GET", path(connName, "config"), null,
                new TypeReference<Map<String, String>>() { }).body());
    }

    @Override
    public void putConnectorConfig(String connName, Map<String, String> config, boolean allowReplace,
                                   Callback<Created<ConnectorInfo>> callback) {
        putConnectorConfig(connName, config, null, allowReplace, callback);
    }

    /**
     * Without {@code allowReplace}, Connect's create ({@code POST /connectors}), which refuses an existing connector
     * with 409 and takes the initial target state; with it, {@code PUT /connectors/{name}/config}, which has no
     * target state, so that {@code targetState} is then ignored.
     */
    @Override
    public void putConnectorConfig(String connName, Map<String, String> config, TargetState targetState,
                                   boolean allowReplace, Callback<Created<ConnectorInfo>> callback) {
        complete(callback, () -> {
            Reply<ConnectorInfo> reply = allowReplace
                    ? send("PUT", path(connName, "config"), config, new TypeReference<>() { })
                    : send("POST", "/connectors", createRequest(connName, config, targetState),
                            new TypeReference<>() { });
            return new Created<>(reply.status() == 201, reply.body());
        });
    }

    @Override
    public void patchConnectorConfig(String connName, Map<String, String> configPatch,
                                     Callback<Created<ConnectorInfo>> callback) {
        complete(callback, () -> new Created<>(false,
                send("PATCH", path(connName, "config"), configPatch, new TypeReference<ConnectorInfo>() { }).body()));
    }

    @Override
    public void deleteConnectorConfig(String connName, Callback<Created<ConnectorInfo>> callback) {
        complete(callback, () -> {
            send("DELETE", path(connName), null, null);
            return new Created<>(false, null);
        });
    }

    @Override
    public void taskConfigs(String connName, Callback<List<TaskInfo>> callback) {
        complete(callback, () -> send("GET", path(connName, "tasks"), null,
                new TypeReference<List<TaskInfo>>() { }).body());
    }

    // -- status and topics

    @Override
    public ConnectorStateInfo connectorStatus(String connName) {
        return send("GET", path(connName, "status"), null, new TypeReference<ConnectorStateInfo>() { }).body();
    }

    @Override
    public ConnectorStateInfo.TaskState taskStatus(ConnectorTaskId id) {
        return send("GET", path(id.connector(), "tasks", String.valueOf(id.task()), "status"), null,
                new TypeReference<ConnectorStateInfo.TaskState>() { }).body();
    }

    @Override
    public ActiveTopicsInfo connectorActiveTopics(String connName) {
        // The answer is {"<name>": {"topics": [...]}}; ActiveTopicsInfo cannot be read back on its own.
        Map<String, Map<String, List<String>>> byName = send("GET", path(connName, "topics"), null,
                new TypeReference<Map<String, Map<String, List<String>>>>() { }).body();
        Map<String, List<String>> info = byName == null ? null : byName.get(connName);
        return new ActiveTopicsInfo(connName, info == null ? List.of() : info.getOrDefault("topics", List.of()));
    }

    @Override
    public void resetConnectorActiveTopics(String connName) {
        send("PUT", path(connName, "topics", "reset"), null, null);
    }

    // -- restarts and target states

    @Override
    public void restartTask(ConnectorTaskId id, Callback<Void> cb) {
        complete(cb, () -> none(send("POST", path(id.connector(), "tasks", String.valueOf(id.task()), "restart"),
                null, null)));
    }

    @Override
    public void restartConnector(String connName, Callback<Void> cb) {
        complete(cb, () -> none(send("POST", path(connName, "restart"), null, null)));
    }

    /** Connect answers 202 with the connector's state, or 204 and nothing when only the connector restarts. */
    @Override
    public void restartConnectorAndTasks(RestartRequest request, Callback<ConnectorStateInfo> cb) {
        String query = "?includeTasks=" + request.includeTasks() + "&onlyFailed=" + request.onlyFailed();
        complete(cb, () -> send("POST", path(request.connectorName(), "restart") + query, null,
                new TypeReference<ConnectorStateInfo>() { }).body());
    }

    @Override
    public void stopConnector(String connector, Callback<Void> cb) {
        complete(cb, () -> none(send("PUT", path(connector, "stop"), null, null)));
    }

    @Override
    public void pauseConnector(String connector) {
        send("PUT", path(connector, "pause"), null, null);
    }

    @Override
    public void resumeConnector(String connector) {
        send("PUT", path(connector, "resume"), null, null);
    }

    // -- offsets

    @Override
    public void connectorOffsets(String connName, Callback<ConnectorOffsets> cb) {
        complete(cb, () -> send("GET", path(connName, "offsets"), null,
                new TypeReference<ConnectorOffsets>() { }).body());
    }

    @Override
    public void alterConnectorOffsets(String connName, Map<Map<String, ?>, Map<String, ?>> offsets,
                                      Callback<Message> cb) {
        complete(cb, () -> {
            List<ConnectorOffset> body = offsets.entrySet().stream()
                    .map(e -> new ConnectorOffset(e.getKey(), e.getValue()))
                    .toList();
            return send("PATCH", path(connName, "offsets"), new ConnectorOffsets(body),
                    new TypeReference<Message>() { }).body();
        });
    }

    @Override
    public void resetConnectorOffsets(String connName, Callback<Message> cb) {
        complete(cb, () -> send("DELETE", path(connName, "offsets"), null, new TypeReference<Message>() { }).body());
    }

    // -- Connect's internal requests go to the leader of the connector's own Connect cluster, never through here

    @Override
    public void putTaskConfigs(String connName, List<Map<String, String>> configs, Callback<Void> callback,
                               InternalRequestSignature requestSignature) {
        callback.onCompletion(new ConnectRestException(Status.CONFLICT, "Connector " + connName + " "
                + INTERNAL_ONLY), null);
    }

    @Override
    public void fenceZombieSourceTasks(String connName, Callback<Void> callback,
                                       InternalRequestSignature requestSignature) {
        callback.onCompletion(new ConnectRestException(Status.CONFLICT, "Connector " + connName + " "
                + INTERNAL_ONLY), null);
    }

    // -- calls that are not about one connector: the node serves them itself

    @Override
    public void start() {
        throw servedByNode("start");
    }

    @Override
    public void stop() {
        throw servedByNode("stop");
    }

    @Override
    public boolean isReady() {
        throw servedByNode("isReady");
    }

    @Override
    public void healthCheck(Callback<Void> callback) {
        throw servedByNode("healthCheck");
    }

    @Override
    public void connectors(Callback<Collection<String>> callback) {
        throw servedByNode("connectors");
    }

    @Override
    public Collection<String> connectors() {
        throw servedByNode("connectors");
    }

    @Override
    public void requestTaskReconfiguration(String connName) {
        throw servedByNode("requestTaskReconfiguration");
    }

    @Override
    public StatusBackingStore statusBackingStore() {
        throw servedByNode("statusBackingStore");
    }

    @Override
    public void validateConnectorConfig(Map<String, String> connectorConfig, Callback<ConfigInfos> callback) {
        throw servedByNode("validateConnectorConfig");
    }

    @Override
    public void validateConnectorConfig(Map<String, String> connectorConfig, Callback<ConfigInfos> callback,
                                        boolean doLog) {
        throw servedByNode("validateConnectorConfig");
    }

    @Override
    public HerderRequest restartConnector(long delayMs, String connName, Callback<Void> cb) {
        throw servedByNode("delayed restartConnector");
    }

    @Override
    public Plugins plugins() {
        throw servedByNode("plugins");
    }

    @Override
    public String kafkaClusterId() {
        throw servedByNode("kafkaClusterId");
    }

    @Override
    public List<ConfigKeyInfo> connectorPluginConfig(String pluginName) {
        throw servedByNode("connectorPluginConfig");
    }

    @Override
    public List<ConfigKeyInfo> connectorPluginConfig(String pluginName, VersionRange version) {
        throw servedByNode("connectorPluginConfig");
    }

    @Override
    public LoggerLevel loggerLevel(String logger) {
        throw servedByNode("loggerLevel");
    }

    @Override
    public Map<String, LoggerLevel> allLoggerLevels() {
        throw servedByNode("allLoggerLevels");
    }

    @Override
    public List<String> setWorkerLoggerLevel(String namespace, String level) {
        throw servedByNode("setWorkerLoggerLevel");
    }

    @Override
    public void setClusterLoggerLevel(String namespace, String level) {
        throw servedByNode("setClusterLoggerLevel");
    }

    @Override
    public ConnectMetrics connectMetrics() {
        throw servedByNode("connectMetrics");
    }

    private static UnsupportedOperationException servedByNode(String call) {
        return new UnsupportedOperationException(call + " is not about one connector: the node serves it itself, "
                + "not the node at the other end of a RemoteHerder");
    }

    // -- requests

    /** Runs {@code call} and completes {@code callback} with its result or its failure. */
    private static <T> void complete(Callback<T> callback, Supplier<T> call) {
        T result;
        try {
            result = call.get();
        } catch (RuntimeException e) {
            callback.onCompletion(e, null);
            return;
        }
        callback.onCompletion(null, result);
    }

    private static Void none(Reply<?> ignored) {
        return null;
    }

    /** {@code /connectors/{name}/segment/...}, the name percent-encoded as one path segment. */
    private static String path(String connName, String... segments) {
        StringBuilder path = new StringBuilder("/connectors/").append(encodeSegment(connName));
        for (String segment : segments) {
            path.append('/').append(segment);
        }
        return path.toString();
    }

    private static String encodeSegment(String segment) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return encoded.toString();
    }

    /** Connect's create request; {@code initial_state} only when there is one, as Connect's clients send it. */
    private static Map<String, Object> createRequest(String connName, Map<String, String> config,
                                                     TargetState targetState) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("name", connName);
        request.put("config", config);
        if (targetState != null) {
            request.put("initial_state", switch (targetState) {
                case STARTED -> InitialState.RUNNING;
                case PAUSED -> InitialState.PAUSED;
                case STOPPED -> InitialState.STOPPED;
            });
        }
        return request;
    }

    private record Reply<T>(int status, T body) {
    }

    /**
     * Sends one request to the node and reads its answer as {@code type}, or not at all when {@code type} is null.
     *
     * @throws ConnectRestException with the node's status and message when it answers with an error, with 500 when
     *                              it cannot be reached
     */
    private <T> Reply<T> send(String method, String path, Object body, TypeReference<T> type) {
        String url = baseUrl + path;
        HttpResponse<byte[]> response;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .version(HttpClient.Version.HTTP_1_1)
                    .timeout(REQUEST_TIMEOUT)
                    .header("Accept", "application/json")
                    .header(ForwardedRequests.HEADER, "true");
            if (body == null) {
                request.method(method, BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            }
            response = http.send(request.build(), BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ConnectRestException(Status.INTERNAL_SERVER_ERROR,
                    "IO Error trying to forward REST request to " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectRestException(Status.INTERNAL_SERVER_ERROR,
                    "Thread was interrupted trying to forward REST request to " + url, e);
        }
        return read(method, url, response, type);
    }

    private static <T> Reply<T> read(String method, String url, HttpResponse<byte[]> response,
                                     TypeReference<T> type) {
        int status = response.statusCode();
        byte[] content = response.body();
        if (status >= 400) {
            throw errorOf(status, content);
        }
        if (status < 200 || status >= 300) {
            throw new ConnectRestException(Status.INTERNAL_SERVER_ERROR,
                    "Unexpected status code " + status + " for forwarded request " + method + " " + url);
        }
        if (type == null || content.length == 0) {
            return new Reply<>(status, null);
        }
        try {
            return new Reply<>(status, JSON.readValue(content, type));
        } catch (IOException e) {
            throw new ConnectRestException(Status.INTERNAL_SERVER_ERROR,
                    "Unreadable answer to forwarded request " + method + " " + url + ": " + e.getMessage(), e);
        }
    }

    /**
     * Connect's error body, {@code {"error_code": ..., "message": ...}}, or the bare body when it is not that; a 404
     * as Connect's own {@link org.apache.kafka.connect.errors.NotFoundException}, as a local herder gives it.
     */
    private static org.apache.kafka.connect.errors.ConnectException errorOf(int status, byte[] content) {
        String message = null;
        int code = status;
        try {
            ErrorMessage error = JSON.readValue(content, ErrorMessage.class);
            if (error != null && error.message() != null) {
                message = error.message();
                code = error.errorCode() == 0 ? status : error.errorCode();
            }
        } catch (IOException | RuntimeException e) {
            // not Connect's error body, e.g. a proxy's page: answer with its text
        }
        if (message == null) {
            String text = new String(content, StandardCharsets.UTF_8).strip();
            message = text.isEmpty() ? "HTTP " + status : text;
        }
        return status == 404 ? new org.apache.kafka.connect.errors.NotFoundException(message)
                : new ConnectRestException(status, code, message);
    }
}
