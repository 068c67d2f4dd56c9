package dev.sluice.connect.lambda.invoke;

import dev.sluice.connect.lambda.InvocationType;
import dev.sluice.connect.lambda.event.EncodedRecord;
import dev.sluice.connect.lambda.event.KafkaEventWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.kafka.common.TopicPartition;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * Invokes the function with one partition's records and says what came of it: Lambda's answer, the function's
 * error ({@code X-Amz-Function-Error}) or partial batch response, or the failed call as {@link LambdaErrors} sees it.
 * It makes one call and never retries; that is the batch processor's job.
 */
public final class Invoker {

    private static final int MAX_ERROR_MESSAGE = 1_000;

    private final LambdaClient client;
    private final String functionName;
    private final Optional<String> qualifier;
    private final InvocationType invocationType;
    private final boolean reportBatchItemFailures;
    private final KafkaEventWriter events;

    /**
     * @param qualifier               sent as Invoke's Qualifier, unless the function name carries one
     * @param reportBatchItemFailures whether to read the function's response as a partial batch response
     */
    public Invoker(LambdaClient client, String functionName, Optional<String> qualifier,
            InvocationType invocationType, boolean reportBatchItemFailures, KafkaEventWriter events) {
        this.client = client;
        this.functionName = functionName;
        this.qualifier = qualifier;
        this.invocationType = invocationType;
        this.reportBatchItemFailures = reportBatchItemFailures;
        this.events = events;
    }

    /** The function as messages name it. */
    public String function() {
        return functionName + qualifier.map(q -> ":" + q).orElse("");
    }

    /** @param records one partition's records, in offset order */
    public InvokeOutcome invoke(TopicPartition partition, List<EncodedRecord> records) {
        byte[] event = events.event(partition, records);
        InvokeResponse response;
        try {
            var request = InvokeRequest.builder().functionName(functionName)
                    .invocationType(invocationType.lambdaName())
                    .payload(SdkBytes.fromByteArrayUnsafe(event));
            qualifier.ifPresent(request::qualifier);
            response = client.invoke(request.build());
        } catch (SdkException e) {
            return switch (LambdaErrors.classify(e)) {
                case TRANSIENT -> new InvokeOutcome.Transient(e);
                case TOO_LARGE -> new InvokeOutcome.TooLarge(e);
                default -> new InvokeOutcome.Fatal(LambdaErrors.fatal(function(), "invoke " + function() + " with "
                        + records.size() + " records of " + partition, e));
            };
        }
        String requestId = response.responseMetadata() == null ? null : response.responseMetadata().requestId();
        int status = response.statusCode() == null ? 200 : response.statusCode();
        byte[] payload = response.payload() == null ? null : response.payload().asByteArrayUnsafe();
        if (response.functionError() != null) {
            return new InvokeOutcome.Failed(0, new InvokeOutcome.ResponseContext(status, response.executedVersion(),
                    response.functionError(), errorMessage(payload)), requestId);
        }
        if (reportBatchItemFailures && invocationType == InvocationType.REQUEST_RESPONSE) {
            try {
                OptionalInt first = BatchItemFailures.firstFailed(payload, records);
                if (first.isPresent()) {
                    return new InvokeOutcome.Failed(first.getAsInt(), new InvokeOutcome.ResponseContext(status,
                            response.executedVersion(), null, "the function reported failed records from offset "
                            + records.get(first.getAsInt()).offset() + " (batchItemFailures)"), requestId);
                }
            } catch (BatchItemFailures.InvalidResponse e) {
                return new InvokeOutcome.Failed(0, new InvokeOutcome.ResponseContext(status,
                        response.executedVersion(), null, "invalid partial batch response: " + e.getMessage()),
                        requestId);
            }
        }
        return new InvokeOutcome.Succeeded(requestId);
    }

    /** {@code errorType: errorMessage} of a function error's payload, or the payload's text. */
    static String errorMessage(byte[] payload) {
        if (payload == null || payload.length == 0) {
            return null;
        }
        String text = new String(payload, 0, Math.min(payload.length, 64 * 1024), StandardCharsets.UTF_8);
        try {
            JsonNode node = JsonNode.parser().parse(text);
            if (node.isObject()) {
                Map<String, JsonNode> error = node.asObject();
                String type = stringField(error, "errorType");
                String message = stringField(error, "errorMessage");
                if (type != null || message != null) {
                    text = type == null ? message : message == null ? type : type + ": " + message;
                }
            }
        } catch (RuntimeException e) {
            // Not JSON: the text itself.
        }
        return text.length() > MAX_ERROR_MESSAGE ? text.substring(0, MAX_ERROR_MESSAGE) + "..." : text;
    }

    private static String stringField(Map<String, JsonNode> object, String name) {
        JsonNode node = object.get(name);
        return node != null && node.isString() ? node.asString() : null;
    }
}
