package dev.sluice.lambdahost;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * How one invocation ended, as the instance's runtime (or its absence) decided it; each says what the caller of
 * Invoke gets and whether the instance may serve another invocation.
 */
sealed interface RuntimeOutcome {

    /** The largest response a function may return, by Lambda's measure (6 MB, counted as 6,291,556 bytes). */
    long MAX_RESPONSE = 6_291_556L;

    /** The body of the Invoke response. */
    byte[] payload(String requestId);

    /** Whether the invocation failed, which Invoke reports as {@code X-Amz-Function-Error: Unhandled}. */
    default boolean functionError() {
        return !(this instanceof Success);
    }

    /**
     * Whether the instance stays usable: after an answer from its runtime, yes; a runtime that timed out, exited or
     * failed to start is discarded.
     */
    default boolean instanceReusable() {
        return this instanceof Success || this instanceof FunctionError || this instanceof ResponseTooLarge;
    }

    /** The handler's response, as the runtime posted it. */
    record Success(byte[] response) implements RuntimeOutcome {
        @Override
        public byte[] payload(String requestId) {
            return response;
        }
    }

    /** The handler threw: the runtime's error document ({@code errorMessage}, {@code errorType}, {@code stackTrace}). */
    record FunctionError(byte[] error) implements RuntimeOutcome {
        @Override
        public byte[] payload(String requestId) {
            return error;
        }
    }

    /** The runtime could not load the handler (its constructor or static initializer threw) and exits. */
    record InitError(byte[] error) implements RuntimeOutcome {
        @Override
        public byte[] payload(String requestId) {
            return error;
        }
    }

    /** The handler returned more than {@link #MAX_RESPONSE} bytes. */
    record ResponseTooLarge(long size) implements RuntimeOutcome {
        @Override
        public byte[] payload(String requestId) {
            return error("Function.ResponseSizeTooLarge", "Response payload size exceeded maximum allowed payload size ("
                    + MAX_RESPONSE + " bytes).");
        }
    }

    /** The invocation ran past the function's timeout, and its instance was stopped. */
    record TimedOut(double seconds) implements RuntimeOutcome {
        @Override
        public byte[] payload(String requestId) {
            return error("Sandbox.Timedout", "RequestId: " + requestId + " Error: " + message());
        }

        String message() {
            return String.format(Locale.ROOT, "Task timed out after %.2f seconds", seconds);
        }
    }

    /** The runtime's process ended before it answered, e.g. "exit status 1" or "signal: killed". */
    record Exited(String status) implements RuntimeOutcome {
        @Override
        public byte[] payload(String requestId) {
            return error("Runtime.ExitError", "RequestId: " + requestId + " Error: " + message());
        }

        String message() {
            return "Runtime exited with error: " + status;
        }
    }

    /** An error document of the platform's own, as Lambda writes it. */
    private static byte[] error(String type, String message) {
        return ("{\"errorType\":\"" + type + "\",\"errorMessage\":\"" + message.replace("\"", "'") + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
