package dev.sluice.connect.lambda.filter;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonNodeVisitor;

/** JSON strings and numbers made from a record's fields, to match them as the parsed JSON of a value is matched. */
final class Scalars {

    private Scalars() {
    }

    static JsonNode string(String text) {
        return new Scalar(text, false);
    }

    static JsonNode number(long number) {
        return new Scalar(Long.toString(number), true);
    }

    /** A string, or a number kept as its text, as the SDK's parser keeps numbers. */
    private record Scalar(String value, boolean number) implements JsonNode {

        @Override
        public boolean isNumber() {
            return number;
        }

        @Override
        public boolean isString() {
            return !number;
        }

        @Override
        public String asNumber() {
            if (!number) {
                throw new UnsupportedOperationException("A string is not a number");
            }
            return value;
        }

        @Override
        public String asString() {
            if (number) {
                throw new UnsupportedOperationException("A number is not a string");
            }
            return value;
        }

        @Override
        public String text() {
            return value;
        }

        @Override
        public <T> T visit(JsonNodeVisitor<T> visitor) {
            return number ? visitor.visitNumber(value) : visitor.visitString(value);
        }

        @Override
        public boolean asBoolean() {
            throw new UnsupportedOperationException(kind() + " is not a boolean");
        }

        @Override
        public List<JsonNode> asArray() {
            throw new UnsupportedOperationException(kind() + " is not an array");
        }

        @Override
        public Map<String, JsonNode> asObject() {
            throw new UnsupportedOperationException(kind() + " is not an object");
        }

        @Override
        public Object asEmbeddedObject() {
            throw new UnsupportedOperationException(kind() + " is not an embedded object");
        }

        private String kind() {
            return number ? "A number" : "A string";
        }
    }
}
