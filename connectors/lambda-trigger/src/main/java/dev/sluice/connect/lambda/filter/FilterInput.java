package dev.sluice.connect.lambda.filter;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonNodeParser;

/**
 * A record as filter patterns see it: its metadata fields, named as in the event ({@code topic}, {@code partition},
 * {@code offset}, {@code timestamp}, {@code timestampType}, and {@code key} as the event's base64 text), and its
 * {@code value} decoded as Lambda decodes it for Kafka: UTF-8 text that is a JSON object is matched field by field,
 * other UTF-8 text as one string, and anything else not at all.
 */
public record FilterInput(Map<String, JsonNode> metadata, Value value) {

    private static final JsonNodeParser PARSER = JsonNode.parserBuilder().removeErrorLocations(true).build();

    /** The record's value, as filtering sees it. */
    public sealed interface Value {
        /** A JSON object: patterns with an object under {@code value} match it field by field. */
        record Json(Map<String, JsonNode> object) implements Value {
        }

        /** Any other UTF-8 text: patterns with rules under {@code value} match it as a string. */
        record Text(String text) implements Value {
        }

        /** A null value (a tombstone): {@code value} is a missing field. */
        record Absent() implements Value {
        }

        /** Bytes that are not UTF-8: only the metadata fields are filtered on, as Lambda does. */
        record Opaque() implements Value {
        }
    }

    public static FilterInput of(String topic, int partition, long offset, long timestamp, String timestampType,
            String keyBase64, byte[] value) {
        Map<String, JsonNode> metadata = new LinkedHashMap<>();
        metadata.put("topic", Scalars.string(topic));
        metadata.put("partition", Scalars.number(partition));
        metadata.put("offset", Scalars.number(offset));
        metadata.put("timestamp", Scalars.number(timestamp));
        metadata.put("timestampType", Scalars.string(timestampType));
        if (keyBase64 != null) {
            metadata.put("key", Scalars.string(keyBase64));
        }
        return new FilterInput(metadata, value(value));
    }

    static Value value(byte[] bytes) {
        if (bytes == null) {
            return new Value.Absent();
        }
        String text;
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            text = chars.toString();
        } catch (CharacterCodingException e) {
            return new Value.Opaque();
        }
        if (text.stripLeading().startsWith("{")) {
            try {
                JsonNode node = PARSER.parse(text);
                if (node.isObject()) {
                    return new Value.Json(node.asObject());
                }
            } catch (RuntimeException e) {
                // Not JSON after all: a plain string.
            }
        }
        return new Value.Text(text);
    }
}
