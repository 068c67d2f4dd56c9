package dev.sluice.connect.lambda.invoke;

import dev.sluice.connect.lambda.event.EncodedRecord;
import dev.sluice.connect.lambda.event.KafkaEventWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonNodeParser;

/**
 * Reads a partial batch response, as Lambda defines it for Kafka: {@code {"batchItemFailures": [{"itemIdentifier":
 * {"partition": "<topic>-<partition>", "offset": <offset>}}]}}. No such field, null, an empty list, an empty object or
 * an empty response mean that every record succeeded; an identifier that names no record of the batch, or a response
 * that is not JSON, fails the whole batch, as Lambda does.
 */
public final class BatchItemFailures {

    private static final JsonNodeParser PARSER = JsonNode.parserBuilder().removeErrorLocations(true).build();

    private BatchItemFailures() {
    }

    /** A response that names records wrongly: the whole batch counts as failed. */
    public static final class InvalidResponse extends Exception {
        InvalidResponse(String message) {
            super(message);
        }
    }

    /**
     * @param records the records the event carried, all of one partition
     * @return the index of the earliest failed record, or empty when all succeeded
     */
    public static OptionalInt firstFailed(byte[] payload, List<EncodedRecord> records) throws InvalidResponse {
        if (isBlank(payload)) {
            return OptionalInt.empty();
        }
        JsonNode response;
        try {
            response = PARSER.parse(payload);
        } catch (RuntimeException e) {
            throw new InvalidResponse("the function's response is not JSON");
        }
        if (!response.isObject()) {
            return OptionalInt.empty();
        }
        Optional<JsonNode> failures = response.field("batchItemFailures");
        if (failures.isEmpty() || failures.get().isNull()) {
            return OptionalInt.empty();
        }
        if (!failures.get().isArray()) {
            throw new InvalidResponse("batchItemFailures is not a list");
        }
        Map<Long, Integer> indexByOffset = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            indexByOffset.put(records.get(i).offset(), i);
        }
        String partition = KafkaEventWriter.partitionKey(records.get(0).partition());
        int first = Integer.MAX_VALUE;
        for (JsonNode failure : failures.get().asArray()) {
            JsonNode identifier = failure.isObject() ? failure.asObject().get("itemIdentifier") : null;
            if (identifier == null || !identifier.isObject()) {
                throw new InvalidResponse("a batchItemFailures entry has no itemIdentifier {\"partition\": ..., "
                        + "\"offset\": ...}");
            }
            JsonNode named = identifier.asObject().get("partition");
            Long offset = offset(identifier.asObject().get("offset"));
            if (named == null || !named.isString() || !partition.equals(named.asString()) || offset == null
                    || !indexByOffset.containsKey(offset)) {
                throw new InvalidResponse("the itemIdentifier " + identifier.text() + " names no record of the batch "
                        + "(partition " + partition + ", offsets " + records.get(0).offset() + " to "
                        + records.get(records.size() - 1).offset() + ")");
            }
            first = Math.min(first, indexByOffset.get(offset));
        }
        return first == Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of(first);
    }

    private static boolean isBlank(byte[] payload) {
        if (payload == null) {
            return true;
        }
        for (byte b : payload) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    /** A number, or a string of digits, as some runtimes write 64-bit numbers. */
    private static Long offset(JsonNode node) {
        if (node == null) {
            return null;
        }
        String text = node.isNumber() ? node.asNumber() : node.isString() ? node.asString() : null;
        try {
            return text == null ? null : Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
