package dev.sluice.connect.dynamodb.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.errors.DataException;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonNodeParser;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads JSON text into attributes. Numbers stay text from parser to N, so no digit is lost to a double. */
final class JsonAttributes {

    private static final JsonNodeParser PARSER = JsonNode.parserBuilder().removeErrorLocations(true).build();

    private JsonAttributes() {
    }

    static AttributeValue parse(String json, boolean arraysAsSets) {
        JsonNode node;
        try {
            node = PARSER.parse(json);
        } catch (RuntimeException e) {
            throw new DataException("The value starts with '{' but is not valid JSON: " + e.getMessage(), e);
        }
        return convert(node, "", arraysAsSets);
    }

    private static AttributeValue convert(JsonNode node, String path, boolean arraysAsSets) {
        if (node.isNull()) {
            return AttributeValue.fromNul(true);
        }
        if (node.isBoolean()) {
            return AttributeValue.fromBool(node.asBoolean());
        }
        if (node.isNumber()) {
            return Numbers.parse(node.asNumber(), path);
        }
        if (node.isString()) {
            return AttributeValue.fromS(node.asString());
        }
        if (node.isArray()) {
            List<AttributeValue> elements = new ArrayList<>();
            List<JsonNode> array = node.asArray();
            for (int i = 0; i < array.size(); i++) {
                elements.add(convert(array.get(i), path + "[" + i + "]", arraysAsSets));
            }
            return ItemMapper.list(elements, arraysAsSets);
        }
        if (node.isObject()) {
            Map<String, AttributeValue> fields = new LinkedHashMap<>();
            node.asObject().forEach((name, value) ->
                    fields.put(name, convert(value, path.isEmpty() ? name : path + "." + name, arraysAsSets)));
            return AttributeValue.fromM(fields);
        }
        throw new DataException(Numbers.where(path) + "unexpected JSON " + node.text());
    }
}
