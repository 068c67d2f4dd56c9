package dev.sluice.lambdahost;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The Lambda API's HTTP side: matches a request to an operation by method and path template (as the API model's
 * {@code requestUri} writes them, {@code /2015-03-31/functions/{FunctionName}}), reads its body within the
 * operation's limit, and sends the operation's answer, or the error it threw in Lambda's form.
 */
final class LambdaApiRouter implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(LambdaApiRouter.class);

    /** One request, as an operation sees it. */
    record ApiRequest(String requestId, Map<String, String> path, Map<String, String> query,
                      Function<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.apply(name);
        }
    }

    /** An operation's answer: status, body (null for none) and headers. */
    record ApiResponse(int status, byte[] body, Map<String, String> headers) {
        static ApiResponse json(ObjectMapper json, int status, Object body) {
            try {
                return new ApiResponse(status, json.writeValueAsBytes(body), Map.of());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Could not write " + body, e);
            }
        }
    }

    @FunctionalInterface
    interface Operation {
        ApiResponse handle(ApiRequest request) throws IOException;
    }

    private record Route(String method, List<String> template, long bodyLimit, String name, Operation operation) {
    }

    /** A route that matched, with the values of its path's {@code {Name}} segments. */
    record Match(String operationName, Map<String, String> path) {
    }

    private final ObjectMapper json;
    private final List<Route> routes = new ArrayList<>();

    LambdaApiRouter(ObjectMapper json) {
        this.json = json;
    }

    /**
     * @param bodyLimit the largest request body the operation takes; a larger one is answered with Lambda's
     *                  RequestTooLargeException, naming the operation
     */
    LambdaApiRouter route(String method, String template, long bodyLimit, String name, Operation operation) {
        routes.add(new Route(method, segments(template), bodyLimit, name, operation));
        return this;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString();
        try (exchange) {
            ApiResponse response;
            try {
                response = dispatch(exchange, requestId);
            } catch (LambdaApiException e) {
                response = error(e);
            } catch (RuntimeException | IOException e) {
                log.warn("Lambda API {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                response = error(LambdaApiException.service("The local Lambda host failed: " + e));
            }
            Map<String, String> headers = new LinkedHashMap<>(response.headers());
            headers.putIfAbsent("x-amzn-RequestId", requestId);
            HttpExchanges.send(exchange, response.status(), response.body(), headers);
        }
    }

    private ApiResponse dispatch(HttpExchange exchange, String requestId) throws IOException {
        Found found = find(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath());
        long limit = found.route().bodyLimit();
        HttpExchanges.Body body = HttpExchanges.read(exchange, limit);
        if (body.larger(limit)) {
            throw LambdaApiException.requestTooLarge(limit, found.route().name());
        }
        return found.route().operation().handle(new ApiRequest(requestId, found.path(),
                query(exchange.getRequestURI().getRawQuery()), exchange.getRequestHeaders()::getFirst, body.bytes()));
    }

    /** Which operation a request names: its name and path values. */
    Match match(String method, String rawPath) {
        Found found = find(method, rawPath);
        return new Match(found.route().name(), found.path());
    }

    private record Found(Route route, Map<String, String> path) {
    }

    private Found find(String method, String rawPath) {
        for (Route route : routes) {
            Map<String, String> path = route.method().equals(method) ? match(route.template(), rawPath) : null;
            if (path != null) {
                return new Found(route, path);
            }
        }
        throw LambdaApiException.unknownOperation(method, rawPath);
    }

    ApiResponse error(LambdaApiException e) {
        Map<String, String> headers = new LinkedHashMap<>(e.headers());
        headers.put("X-Amzn-ErrorType", e.errorType());
        return new ApiResponse(e.status(), ApiResponse.json(json, e.status(), e.body()).body(), headers);
    }

    private static Map<String, String> match(List<String> template, String rawPath) {
        List<String> actual = segments(rawPath);
        if (actual.size() != template.size()) {
            return null;
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < template.size(); i++) {
            String expected = template.get(i);
            if (expected.startsWith("{") && expected.endsWith("}")) {
                values.put(expected.substring(1, expected.length() - 1), decode(actual.get(i)));
            } else if (!expected.equals(actual.get(i))) {
                return null;
            }
        }
        return values;
    }

    /** A path's segments; a trailing slash makes no difference ({@code /functions/} is {@code /functions}). */
    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        return segments;
    }

    static Map<String, String> query(String rawQuery) {
        Map<String, String> values = new HashMap<>();
        if (rawQuery == null) {
            return values;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (!pair.isEmpty()) {
                values.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return values;
    }

    private static String decode(String encoded) {
        return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }
}
