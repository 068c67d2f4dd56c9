package dev.sluice.lambdahost;

import dev.sluice.lambdahost.LambdaApiRouter.ApiRequest;
import dev.sluice.lambdahost.LambdaApiRouter.ApiResponse;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code Invoke}: RequestResponse runs the function and answers with what it returned (200, and
 * {@code X-Amz-Function-Error: Unhandled} with Lambda's error document when it failed); Event queues the invocation
 * and answers 202; DryRun only checks that the function exists (204). Payloads over 6 MB (1 MB for Event) are refused
 * with 413 before anything runs.
 */
final class InvokeOperation {

    private final FunctionStore store;
    private final Invoker invoker;
    private final AsyncInvocations async;
    private final RequestBodies bodies;

    InvokeOperation(FunctionStore store, Invoker invoker, AsyncInvocations async, RequestBodies bodies) {
        this.store = store;
        this.invoker = invoker;
        this.async = async;
        this.bodies = bodies;
    }

    ApiResponse invoke(ApiRequest request) {
        FunctionRef ref = FunctionRef.parse(request.path().get("FunctionName"));
        String qualifier = request.query().get("Qualifier");
        LambdaFunction function = store.get(qualifier == null ? ref : new FunctionRef(ref.name(), qualifier));
        String type = orDefault(request.header("X-Amz-Invocation-Type"), "RequestResponse");
        String logType = orDefault(request.header("X-Amz-Log-Type"), "None");
        if (!logType.equals("None") && !logType.equals("Tail")) {
            throw LambdaApiException.invalidParameter("LogType must be None or Tail: " + logType);
        }
        byte[] payload = request.body();
        return switch (type) {
            case "DryRun" -> new ApiResponse(204, null, Map.of());
            case "Event" -> {
                if (payload.length > LambdaApiException.MAX_ASYNC_PAYLOAD) {
                    throw LambdaApiException.eventPayloadTooLarge(payload.length);
                }
                bodies.requireJson(payload);
                async.submit(function.name(), request.requestId(), payload);
                yield new ApiResponse(202, null, Map.of());
            }
            case "RequestResponse" -> {
                bodies.requireJson(payload);
                String clientContext = clientContext(request.header("X-Amz-Client-Context"));
                FunctionInstance.Result result = invoker.invoke(function, request.requestId(), payload,
                        clientContext);
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put("X-Amz-Executed-Version", FunctionRef.LATEST);
                if (result.outcome().functionError()) {
                    headers.put("X-Amz-Function-Error", "Unhandled");
                }
                if (logType.equals("Tail")) {
                    headers.put("X-Amz-Log-Result", result.logTail());
                }
                yield new ApiResponse(200, result.outcome().payload(request.requestId()), headers);
            }
            default -> throw LambdaApiException.invalidParameter("InvocationType must be RequestResponse, Event or"
                    + " DryRun: " + type);
        };
    }

    /** {@code X-Amz-Client-Context} is base64 JSON; the runtime gets it decoded. */
    private static String clientContext(String header) {
        if (header == null || header.isEmpty()) {
            return null;
        }
        try {
            return new String(Base64.getDecoder().decode(header), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw LambdaApiException.invalidParameter("Client context must be base64-encoded JSON");
        }
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }
}
