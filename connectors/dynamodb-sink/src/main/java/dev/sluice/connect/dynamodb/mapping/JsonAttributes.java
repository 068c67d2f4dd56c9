package dev.sluice.connect.dynamodb.mapping;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.errors.DataException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.thirdparty.jackson.core.JsonFactory;
import software.amazon.awssdk.thirdparty.jackson.core.JsonParser;
import software.amazon.awssdk.thirdparty.jackson.core.JsonToken;
import software.amazon.awssdk.thirdparty.jackson.core.StreamReadFeature;

/**
 * Reads JSON text into attributes in one pass over the tokens of the SDK's own (shaded) Jackson parser, with no
 * tree in between: this runs for every record of a JSON-string topic. Numbers stay text from parser to N, so no
 * digit is lost to a double.
 */
final class JsonAttributes {

    /** Parse errors name the line and column, never the value's text. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private JsonAttributes() {
    }

    static AttributeValue parse(String json, boolean arraysAsSets) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            AttributeValue value = read(parser, parser.nextToken(), "", arraysAsSets);
            if (parser.nextToken() != null) {
                throw new DataException("The value starts with '{' but is not valid JSON: more follows the "
                        + "document's closing '}'");
            }
            return value;
        } catch (IOException e) {
            throw new DataException("The value starts with '{' but is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static AttributeValue read(JsonParser parser, JsonToken token, String path, boolean arraysAsSets)
            throws IOException {
        if (token == null) {
            throw new DataException("The value starts with '{' but is not valid JSON: it ends too early");
        }
        return switch (token) {
            case START_OBJECT -> {
                Map<String, AttributeValue> fields = new LinkedHashMap<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
                    String name = parser.currentName();
                    String child = path.isEmpty() ? name : path + "." + name;
                    fields.put(name, read(parser, parser.nextToken(), child, arraysAsSets));
                }
                yield AttributeValue.fromM(fields);
            }
            case START_ARRAY -> {
                List<AttributeValue> elements = new ArrayList<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    elements.add(read(parser, next, path + "[" + elements.size() + "]", arraysAsSets));
                }
                yield ItemMapper.list(elements, arraysAsSets);
            }
            case VALUE_STRING -> AttributeValue.fromS(parser.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> Numbers.parse(parser.getText(), path);
            case VALUE_TRUE -> AttributeValue.fromBool(true);
            case VALUE_FALSE -> AttributeValue.fromBool(false);
            case VALUE_NULL -> AttributeValue.fromNul(true);
            default -> throw new DataException(Numbers.where(path) + "unexpected JSON " + token);
        };
    }
}
