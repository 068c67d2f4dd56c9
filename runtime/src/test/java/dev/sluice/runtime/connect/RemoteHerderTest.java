package dev.sluice.runtime.connect;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.kafka.connect.runtime.Herder.Created;
import org.apache.kafka.connect.runtime.RestartRequest;
import org.apache.kafka.connect.runtime.TargetState;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.runtime.rest.entities.Message;
import org.apache.kafka.connect.runtime.rest.errors.ConnectRestException;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorType;
import org.apache.kafka.connect.util.ConnectorTaskId;
import org.apache.kafka.connect.util.FutureCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

class RemoteHerderTest {

    private static final String INFO = """
            {"name":"orders","config":{"name":"orders","connector.class":"com.example.Db"},
             "tasks":[{"connector":"orders","task":0}],"type":"source"}""";

    /** What the other node received. */
    private record Seen(String method, String rawPathAndQuery, String forwarded, String contentType, String body) {
    }

    private record Answer(int status, String body) {
    }

    private final List<Seen> seen = new ArrayList<>();
    private volatile Answer answer = new Answer(204, "");
    private HttpServer otherNode;
    private RemoteHerder herder;

    @BeforeEach
    void startOtherNode() throws IOException {
        otherNode = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        otherNode.createContext("/", this::serve);
        otherNode.start();
        herder = new RemoteHerder(HttpClient.newHttpClient(),
                "http://127.0.0.1:" + otherNode.getAddress().getPort() + "/");
    }

    @AfterEach
    void stopOtherNode() {
        otherNode.stop(0);
    }

    private void serve(HttpExchange exchange) throws IOException {
        var uri = exchange.getRequestURI();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        synchronized (seen) {
            seen.add(new Seen(exchange.getRequestMethod(),
                    uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()),
                    exchange.getRequestHeaders().getFirst(ForwardedRequests.HEADER),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body));
        }
        byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
        exchange.getResponseBody().write(out);
        exchange.close();
    }

    private Seen onlyRequest() {
        synchronized (seen) {
            assertThat(seen).hasSize(1);
            Seen request = seen.get(0);
            seen.clear();
            assertThat(request.forwarded()).as("the forwarded header").isEqualTo("true");
            return request;
        }
    }

    private static <T> T result(FutureCallback<T> callback) throws Exception {
        return callback.get(10, TimeUnit.SECONDS);
    }

    @Test
    void readsTheConnectorsStatusFromTheNodeThatRunsIt() {
        answer = new Answer(200, """
                {"name":"orders","connector":{"state":"RUNNING","worker_id":"10.0.0.7:8083"},
                 "tasks":[{"id":0,"state":"FAILED","worker_id":"10.0.0.7:8083","trace":"boom"}],"type":"source"}""");

        ConnectorStateInfo status = herder.connectorStatus("orders");

        assertThat(onlyRequest()).extracting(Seen::method, Seen::rawPathAndQuery)
                .containsExactly("GET", "/connectors/orders/status");
        assertThat(status.name()).isEqualTo("orders");
        assertThat(status.type()).isEqualTo(ConnectorType.SOURCE);
        assertThat(status.connector().state()).isEqualTo("RUNNING");
        assertThat(status.connector().workerId()).isEqualTo("10.0.0.7:8083");
        assertThat(status.tasks()).singleElement().satisfies(task -> {
            assertThat(task.id()).isZero();
            assertThat(task.state()).isEqualTo("FAILED");
            assertThat(task.trace()).isEqualTo("boom");
        });
    }

    @Test
    void putConfigTellsCreatedFromUpdatedByTheAnswersStatus() throws Exception {
        Map<String, String> config = Map.of("connector.class", "com.example.Db", "tasks.max", "2");

        answer = new Answer(201, INFO);
        FutureCallback<Created<ConnectorInfo>> created = new FutureCallback<>();
        herder.putConnectorConfig("orders", config, true, created);

        Seen put = onlyRequest();
        assertThat(put).extracting(Seen::method, Seen::rawPathAndQuery, Seen::contentType)
                .containsExactly("PUT", "/connectors/orders/config", "application/json");
        assertThat(put.body()).contains("\"tasks.max\":\"2\"", "\"connector.class\":\"com.example.Db\"");
        assertThat(result(created).created()).isTrue();
        assertThat(result(created).result())
                .isEqualTo(new ConnectorInfo("orders", Map.of("name", "orders", "connector.class", "com.example.Db"),
                        List.of(new ConnectorTaskId("orders", 0)), ConnectorType.SOURCE));

        answer = new Answer(200, INFO);
        FutureCallback<Created<ConnectorInfo>> updated = new FutureCallback<>();
        herder.putConnectorConfig("orders", config, TargetState.PAUSED, true, updated);

        assertThat(onlyRequest().rawPathAndQuery()).isEqualTo("/connectors/orders/config");
        assertThat(result(updated).created()).isFalse();
        assertThat(result(updated).result().name()).isEqualTo("orders");
    }

    @Test
    void createWithoutReplaceIsConnectsCreateWithTheInitialState() throws Exception {
        answer = new Answer(201, INFO);
        FutureCallback<Created<ConnectorInfo>> created = new FutureCallback<>();
        herder.putConnectorConfig("orders", Map.of("connector.class", "com.example.Db"), TargetState.STOPPED, false,
                created);

        Seen post = onlyRequest();
        assertThat(post).extracting(Seen::method, Seen::rawPathAndQuery).containsExactly("POST", "/connectors");
        assertThat(post.body()).isEqualTo(
                "{\"name\":\"orders\",\"config\":{\"connector.class\":\"com.example.Db\"},\"initial_state\":\"STOPPED\"}");
        assertThat(result(created).created()).isTrue();
    }

    @Test
    void deletesTheConnector() throws Exception {
        answer = new Answer(204, "");
        FutureCallback<Created<ConnectorInfo>> deleted = new FutureCallback<>();
        herder.deleteConnectorConfig("orders", deleted);

        assertThat(onlyRequest()).extracting(Seen::method, Seen::rawPathAndQuery, Seen::body)
                .containsExactly("DELETE", "/connectors/orders", "");
        assertThat(result(deleted)).isEqualTo(new Created<ConnectorInfo>(false, null));
    }

    @Test
    void restartOfConnectorAndTasksCarriesTheStateOnlyWhenAccepted() throws Exception {
        answer = new Answer(202, """
                {"name":"orders","connector":{"state":"RESTARTING","worker_id":"w1"},
                 "tasks":[{"id":0,"state":"RESTARTING","worker_id":"w1"}],"type":"source"}""");
        FutureCallback<ConnectorStateInfo> accepted = new FutureCallback<>();
        herder.restartConnectorAndTasks(new RestartRequest("orders", true, true), accepted);

        assertThat(onlyRequest()).extracting(Seen::method, Seen::rawPathAndQuery)
                .containsExactly("POST", "/connectors/orders/restart?includeTasks=true&onlyFailed=true");
        assertThat(result(accepted).connector().state()).isEqualTo("RESTARTING");

        answer = new Answer(204, "");
        FutureCallback<ConnectorStateInfo> connectorOnly = new FutureCallback<>();
        herder.restartConnectorAndTasks(new RestartRequest("orders", false, false), connectorOnly);

        assertThat(onlyRequest().rawPathAndQuery())
                .isEqualTo("/connectors/orders/restart?includeTasks=false&onlyFailed=false");
        assertThat(result(connectorOnly)).isNull();
    }

    @Test
    void altersOffsetsWithConnectsBody() throws Exception {
        answer = new Answer(200, "{\"message\":\"The offsets for this connector have been altered successfully\"}");
        Map<Map<String, ?>, Map<String, ?>> offsets = new LinkedHashMap<>();
        offsets.put(Map.of("table", "orders"), Map.of("position", 42));
        FutureCallback<Message> altered = new FutureCallback<>();
        herder.alterConnectorOffsets("orders", offsets, altered);

        Seen patch = onlyRequest();
        assertThat(patch).extracting(Seen::method, Seen::rawPathAndQuery)
                .containsExactly("PATCH", "/connectors/orders/offsets");
        assertThat(patch.body())
                .isEqualTo("{\"offsets\":[{\"partition\":{\"table\":\"orders\"},\"offset\":{\"position\":42}}]}");
        assertThat(result(altered).message())
                .isEqualTo("The offsets for this connector have been altered successfully");
    }

    @Test
    void theOwningNodesErrorComesBackWithItsStatusAndMessage() {
        answer = new Answer(409, "{\"error_code\":409,\"message\":\"Cannot complete request because of a "
                + "conflicting operation\"}");
        FutureCallback<ConnectorInfo> info = new FutureCallback<>();
        herder.connectorInfo("orders", info);

        assertThat(onlyRequest()).extracting(Seen::method, Seen::rawPathAndQuery)
                .containsExactly("GET", "/connectors/orders");
        assertThatThrownBy(() -> result(info))
                .isInstanceOf(ExecutionException.class)
                .cause().asInstanceOf(type(ConnectRestException.class))
                .satisfies(e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.errorCode()).isEqualTo(409);
                    assertThat(e.getMessage()).isEqualTo("Cannot complete request because of a conflicting operation");
                });
    }

    @Test
    void aConnectorTheOwningNodeDoesNotKnowIsConnectsOwnNotFound() {
        answer = new Answer(404, "{\"error_code\":404,\"message\":\"Connector orders not found\"}");
        FutureCallback<ConnectorInfo> info = new FutureCallback<>();
        herder.connectorInfo("orders", info);

        assertThatThrownBy(() -> result(info)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(org.apache.kafka.connect.errors.NotFoundException.class)
                .hasMessage("Connector orders not found");
        assertThatThrownBy(() -> herder.connectorInfo("orders"))
                .isInstanceOf(org.apache.kafka.connect.errors.NotFoundException.class)
                .hasMessage("Connector orders not found");
    }

    @Test
    void anUnreachableNodeIsAServerError() {
        otherNode.stop(0);

        assertThatThrownBy(() -> herder.pauseConnector("orders"))
                .isInstanceOfSatisfying(ConnectRestException.class, e -> assertThat(e.statusCode()).isEqualTo(500))
                .hasMessageContaining("IO Error trying to forward REST request");
    }

    @Test
    void encodesTheConnectorNameAsOnePathSegment() throws Exception {
        answer = new Answer(200, "{\"connector.class\":\"com.example.Db\"}");
        FutureCallback<Map<String, String>> config = new FutureCallback<>();
        herder.connectorConfig("my orders/eu", config);

        assertThat(onlyRequest()).extracting(Seen::method, Seen::rawPathAndQuery)
                .containsExactly("GET", "/connectors/my%20orders%2Feu/config");
        assertThat(result(config)).containsEntry("connector.class", "com.example.Db");
    }

    @Test
    void pauseAndResumeAcceptEmptyAnswers() {
        answer = new Answer(202, "");

        herder.pauseConnector("orders");
        assertThat(onlyRequest()).extracting(Seen::method, Seen::rawPathAndQuery)
                .containsExactly("PUT", "/connectors/orders/pause");

        herder.resumeConnector("orders");
        assertThat(onlyRequest()).extracting(Seen::method, Seen::rawPathAndQuery)
                .containsExactly("PUT", "/connectors/orders/resume");
    }

    @Test
    void internalRequestsAreRefusedWithAConflict() throws Exception {
        FutureCallback<Void> fence = new FutureCallback<>();
        herder.fenceZombieSourceTasks("orders", fence, null);

        assertThatThrownBy(() -> result(fence)).cause().asInstanceOf(type(ConnectRestException.class))
                .satisfies(e -> assertThat(e.statusCode()).isEqualTo(409));
        assertThat(seen).isEmpty();
    }

    @Test
    void callsNotAboutOneConnectorAreServedByTheNodeItself() {
        assertThatThrownBy(() -> herder.connectors()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> herder.plugins()).isInstanceOf(UnsupportedOperationException.class);
    }

    // -- ForwardedRequests

    private static HttpServletRequest requestWithHeaders(Map<String, String> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(RemoteHerderTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeader" -> headers.get((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void theFilterMarksForwardedRequestsForTheirChainOnly() throws Exception {
        ForwardedRequests filter = new ForwardedRequests();
        List<Boolean> during = new ArrayList<>();
        FilterChain chain = (request, response) -> during.add(ForwardedRequests.current());

        filter.doFilter(requestWithHeaders(Map.of(ForwardedRequests.HEADER, "true")), null, chain);
        assertThat(ForwardedRequests.current()).isFalse();
        filter.doFilter(requestWithHeaders(Map.of()), null, chain);

        assertThat(during).containsExactly(true, false);
        assertThat(ForwardedRequests.current()).isFalse();
    }
}
