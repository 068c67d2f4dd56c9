package dev.sluice.schema.glue;

import java.util.regex.Pattern;

/** The length and pattern constraints of the API model's string shapes that the registry's operations take. */
enum Constraint {
    NAME(1, 255, "[a-zA-Z0-9-_$#.]+"),
    DESCRIPTION(0, 2048, "[\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDC00-\\uDBFF\\uDFFF\\r\\n\\t]*"),
    ARN(1, 10240, "arn:aws(-(cn|us-gov|iso(-[bef])?))?:glue:.*"),
    DEFINITION(1, 170_000, "(?s).*\\S.*"),
    VERSION_ID(36, 36, "[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}"),
    METADATA_KEY(1, 128, "[a-zA-Z0-9+-=._./@]+"),
    METADATA_VALUE(1, 256, "[a-zA-Z0-9+-=._./@]+"),
    VERSIONS(1, 100_000, "[1-9][0-9]*|[1-9][0-9]*-[1-9][0-9]*"),
    TAG_KEY(1, 128, null),
    TAG_VALUE(0, 256, null),
    TOKEN(0, Integer.MAX_VALUE, null),
    ANY(0, Integer.MAX_VALUE, null);

    private final int min;
    private final int max;
    private final Pattern pattern;

    Constraint(int min, int max, String pattern) {
        this.min = min;
        this.max = max;
        this.pattern = pattern == null ? null : Pattern.compile(pattern);
    }

    /** What is wrong with {@code value}, in the words of AWS's validation errors; null when nothing is. */
    String violation(String value) {
        if (value.length() < min) {
            return "Member must have length greater than or equal to " + min;
        }
        if (value.length() > max) {
            return "Member must have length less than or equal to " + max;
        }
        if (pattern != null && !pattern.matcher(value).matches()) {
            return "Member must satisfy regular expression pattern: " + pattern.pattern();
        }
        return null;
    }
}
