package dev.sluice.connect.lambda;

import java.util.Locale;

/** How each batch is invoked ({@code aws.lambda.invocation.type}). */
public enum InvocationType {
    /** Synchronously, as the event source mapping invokes: the function's errors and response are seen. */
    REQUEST_RESPONSE("RequestResponse", 6 * 1024 * 1024),
    /** Asynchronously: a batch is done when Lambda accepts it; function errors are Lambda's to retry. */
    EVENT("Event", 256 * 1024);

    private final String lambdaName;
    private final int maxPayloadBytes;

    InvocationType(String lambdaName, int maxPayloadBytes) {
        this.lambdaName = lambdaName;
        this.maxPayloadBytes = maxPayloadBytes;
    }

    /** The name Lambda's Invoke API gives it. */
    public String lambdaName() {
        return lambdaName;
    }

    /**
     * The largest event to send: Lambda's invoke payload limit, 6 MB (6,291,456 bytes) for synchronous invocations;
     * for asynchronous ones 256 KB, the limit Lambda long had and still a safe one.
     */
    public int maxPayloadBytes() {
        return maxPayloadBytes;
    }

    /** Accepts Lambda's names and Confluent's (sync, async), in any case. */
    public static InvocationType parse(String value) {
        String text = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "requestresponse", "sync" -> REQUEST_RESPONSE;
            case "event", "async" -> EVENT;
            default -> throw new IllegalArgumentException("Unknown invocation type '" + value + "'; use "
                    + "RequestResponse or Event (or Confluent's sync or async)");
        };
    }
}
