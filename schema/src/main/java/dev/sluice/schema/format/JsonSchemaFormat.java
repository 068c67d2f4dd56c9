package dev.sluice.schema.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * JSON Schema definitions: well-formed JSON whose keywords have the shapes the specification gives them (drafts 4 to
 * 2020-12 agree on the keywords checked here), see {@link JsonSchemaShape}.
 */
public final class JsonSchemaFormat implements SchemaFormat {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    @Override
    public JsonSchema parse(String definition) throws InvalidSchemaException {
        JsonNode root;
        try {
            root = JSON.readTree(definition);
        } catch (JsonProcessingException e) {
            throw new InvalidSchemaException("Malformed JSON: " + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidSchemaException("Malformed JSON: the definition is empty");
        }
        JsonSchemaShape.check(root, "#");
        return new JsonSchema(definition, root);
    }

    /** A JSON Schema definition and its JSON tree. */
    public record JsonSchema(String definition, JsonNode root) implements ParsedSchema {

        @Override
        public DataFormat dataFormat() {
            return DataFormat.JSON;
        }

        @Override
        public String normalized() {
            return root.toString();
        }
    }
}
