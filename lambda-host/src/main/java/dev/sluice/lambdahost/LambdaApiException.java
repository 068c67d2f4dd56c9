package dev.sluice.lambdahost;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error of the Lambda API as the service sends it: the HTTP status and the error shape of the API model, named in
 * the {@code X-Amzn-ErrorType} header, with a JSON body of {@code Type} and the message. The message member is
 * {@code message} in most shapes and {@code Message} in a few (ResourceNotFoundException, ServiceException), as in the
 * model.
 */
final class LambdaApiException extends RuntimeException {

    /** The largest Invoke request payload (RequestResponse), 6 MiB. */
    static final int MAX_SYNC_PAYLOAD = 6 * 1024 * 1024;
    /** The largest Invoke request payload of the Event invocation type, 1 MiB. */
    static final int MAX_ASYNC_PAYLOAD = 1024 * 1024;

    private final int status;
    private final String errorType;
    private final Map<String, String> body;
    private final Map<String, String> headers;

    private LambdaApiException(int status, String errorType, String messageMember, String message,
                               Map<String, String> extraBody, Map<String, String> headers) {
        super(message);
        this.status = status;
        this.errorType = errorType;
        Map<String, String> fields = new LinkedHashMap<>(extraBody);
        fields.put("Type", errorType.equals("ServiceException") ? "Service" : "User");
        fields.put(messageMember, message);
        this.body = Map.copyOf(fields);
        this.headers = Map.copyOf(headers);
    }

    private static LambdaApiException user(int status, String errorType, String message) {
        return new LambdaApiException(status, errorType, "message", message, Map.of(), Map.of());
    }

    static LambdaApiException functionNotFound(String functionArn) {
        return new LambdaApiException(404, "ResourceNotFoundException", "Message", "Function not found: " + functionArn,
                Map.of(), Map.of());
    }

    static LambdaApiException notFound(String message) {
        return new LambdaApiException(404, "ResourceNotFoundException", "Message", message, Map.of(), Map.of());
    }

    static LambdaApiException conflict(String message) {
        return user(409, "ResourceConflictException", message);
    }

    static LambdaApiException invalidParameter(String message) {
        return user(400, "InvalidParameterValueException", message);
    }

    /** A RevisionId that is not the function's latest. */
    static LambdaApiException preconditionFailed(String message) {
        return user(412, "PreconditionFailedException", message);
    }

    static LambdaApiException invalidRequestContent(String message) {
        return user(400, "InvalidRequestContentException", message);
    }

    /** A request body over the operation's limit, with Lambda's message. */
    static LambdaApiException requestTooLarge(long limit, String operation) {
        return user(413, "RequestTooLargeException",
                "Request must be smaller than " + limit + " bytes for the " + operation + " operation");
    }

    /** An Event invocation's payload over 1 MiB, with Lambda's message. */
    static LambdaApiException eventPayloadTooLarge(long size) {
        return user(413, "RequestTooLargeException", size + " byte payload is too large for the Event invocation type"
                + " (limit " + MAX_ASYNC_PAYLOAD + " bytes)");
    }

    /**
     * A throttled invoke: the function's concurrency (reserved, or the host's default) is in use.
     *
     * @param reserved whether the limit is the function's reserved concurrency
     */
    static LambdaApiException throttled(boolean reserved) {
        return new LambdaApiException(429, "TooManyRequestsException", "message", "Rate Exceeded.",
                Map.of("Reason", reserved ? "ReservedFunctionConcurrentInvocationLimitExceeded"
                        : "ConcurrentInvocationLimitExceeded"),
                Map.of("Retry-After", "1"));
    }

    static LambdaApiException unknownOperation(String method, String path) {
        return new LambdaApiException(404, "UnknownOperationException", "message",
                "Sluice's local Lambda host has no operation " + method + " " + path, Map.of(), Map.of());
    }

    static LambdaApiException service(String message) {
        return new LambdaApiException(500, "ServiceException", "Message", message, Map.of(), Map.of());
    }

    int status() {
        return status;
    }

    /** The error shape's name, for the {@code X-Amzn-ErrorType} header. */
    String errorType() {
        return errorType;
    }

    /** The JSON body's members. */
    Map<String, String> body() {
        return body;
    }

    /** Headers beyond {@code X-Amzn-ErrorType}, such as {@code Retry-After}. */
    Map<String, String> headers() {
        return headers;
    }
}
