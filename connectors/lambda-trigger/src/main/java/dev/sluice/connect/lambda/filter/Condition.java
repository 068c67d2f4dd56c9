package dev.sluice.connect.lambda.filter;

import java.math.BigDecimal;
import java.util.List;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * One rule of a filter pattern's leaf, such as {@code "Alice"}, {@code {"prefix": "us-"}} or
 * {@code {"numeric": [">", 10]}}; a leaf matches a value when any of its rules does. Rules other than {@link Exists}
 * never match a missing field, and see each element of an array value separately.
 */
sealed interface Condition {

    /** Whether the rule matches a present, non-array value. */
    boolean matches(JsonNode value);

    /**
     * The value itself, compared as Lambda does: strings character by character, numbers by their text (300 and 300.0
     * differ), booleans and null by kind.
     */
    record Equals(JsonNode expected) implements Condition {
        @Override
        public boolean matches(JsonNode value) {
            if (expected.isNull()) {
                return value.isNull();
            }
            if (expected.isString()) {
                return value.isString() && expected.asString().equals(value.asString());
            }
            if (expected.isNumber()) {
                return value.isNumber() && expected.asNumber().equals(value.asNumber());
            }
            return value.isBoolean() && expected.asBoolean() == value.asBoolean();
        }
    }

    /** {@code {"equals-ignore-case": "alice"}}. */
    record EqualsIgnoreCase(String expected) implements Condition {
        @Override
        public boolean matches(JsonNode value) {
            return value.isString() && value.asString().equalsIgnoreCase(expected);
        }
    }

    /** {@code {"prefix": "us-"}}, or {@code {"prefix": {"equals-ignore-case": "US-"}}}. */
    record Prefix(String prefix, boolean ignoreCase) implements Condition {
        @Override
        public boolean matches(JsonNode value) {
            return value.isString() && value.asString().regionMatches(ignoreCase, 0, prefix, 0, prefix.length());
        }
    }

    /** {@code {"suffix": ".png"}}, or {@code {"suffix": {"equals-ignore-case": ".PNG"}}}. */
    record Suffix(String suffix, boolean ignoreCase) implements Condition {
        @Override
        public boolean matches(JsonNode value) {
            if (!value.isString()) {
                return false;
            }
            String text = value.asString();
            int start = text.length() - suffix.length();
            return start >= 0 && text.regionMatches(ignoreCase, start, suffix, 0, suffix.length());
        }
    }

    /** {@code {"anything-but": ...}}: any present value that none of the excluded rules match. */
    record AnythingBut(List<Condition> excluded) implements Condition {
        @Override
        public boolean matches(JsonNode value) {
            return excluded.stream().noneMatch(c -> c.matches(value));
        }
    }

    /** {@code {"numeric": [">", 10, "<=", 20]}}: a number within every bound. */
    record Numeric(List<Bound> bounds) implements Condition {
        @Override
        public boolean matches(JsonNode value) {
            if (!value.isNumber()) {
                return false;
            }
            BigDecimal number;
            try {
                number = new BigDecimal(value.asNumber());
            } catch (NumberFormatException e) {
                return false;
            }
            return bounds.stream().allMatch(b -> b.holds(number));
        }

        /** One comparison: {@code =}, {@code <}, {@code <=}, {@code >} or {@code >=}. */
        record Bound(String operator, BigDecimal operand) {

            static final List<String> OPERATORS = List.of("=", "<", "<=", ">", ">=");

            boolean holds(BigDecimal number) {
                int c = number.compareTo(operand);
                return switch (operator) {
                    case "=" -> c == 0;
                    case "<" -> c < 0;
                    case "<=" -> c <= 0;
                    case ">" -> c > 0;
                    case ">=" -> c >= 0;
                    default -> throw new IllegalStateException("Unknown operator " + operator);
                };
            }
        }
    }

    /**
     * {@code {"exists": true}} matches a field that is present and not an object (Lambda's exists looks at leaves
     * only); {@code {"exists": false}} a field that is missing. Evaluated on the field, not per array element.
     */
    record Exists(boolean present) implements Condition {
        @Override
        public boolean matches(JsonNode value) {
            return present && !value.isObject();
        }
    }
}
