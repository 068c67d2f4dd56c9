package dev.sluice.connect.lambda.invoke;

import org.apache.kafka.connect.errors.ConnectException;
import software.amazon.awssdk.core.exception.SdkException;

/** What one invocation of a batch came to. */
public sealed interface InvokeOutcome {

    /** The function processed every record (or, with Event, Lambda accepted the batch). */
    record Succeeded(String requestId) implements InvokeOutcome {
    }

    /**
     * The function failed the records from {@code firstFailed} on: all of them for a function error (or an invalid
     * partial batch response), those from the earliest reported one for a partial batch response.
     *
     * @param firstFailed the index, in the records sent, of the first one to retry
     */
    record Failed(int firstFailed, ResponseContext response, String requestId) implements InvokeOutcome {
    }

    /** Throttling, Lambda's own errors, timeouts, connections: retry the same records after a back-off. */
    record Transient(SdkException cause) implements InvokeOutcome {
    }

    /** The event is over Lambda's payload limit. */
    record TooLarge(SdkException cause) implements InvokeOutcome {
    }

    /** Retrying does not help: the function is missing, cannot run, or may not be invoked. */
    record Fatal(ConnectException exception) implements InvokeOutcome {
    }

    /**
     * Lambda's answer to a failed invocation, as the on-failure destination's {@code responseContext} reports it.
     *
     * @param functionError {@code X-Amz-Function-Error} (Unhandled, Handled), or null for a partial batch response
     * @param errorMessage  the function's errorType and errorMessage, or what was wrong with its response
     */
    record ResponseContext(int statusCode, String executedVersion, String functionError, String errorMessage) {
    }
}
