package dev.sluice.connect.lambda;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code aws.lambda.function.name} taken apart: what to send as Invoke's FunctionName, and the region and qualifier it
 * names, if any, for the cross-field checks.
 *
 * @param name      the name or ARN without its qualifier
 * @param qualifier the version or alias it ends with, if any
 * @param region    the region of a full or partial ARN, if any
 */
public record FunctionRef(String name, Optional<String> qualifier, Optional<String> region) {

    /** Lambda's pattern for a function name, partial ARN or ARN, with an optional qualifier. */
    private static final Pattern FUNCTION = Pattern.compile("(?:arn:aws[a-zA-Z-]*:lambda:)?"
            + "(?<region>(?:eusc-)?[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\\d:)?(?:\\d{12}:)?(?:function:)?"
            + "[a-zA-Z0-9_.-]+(?::(?<qualifier>\\$LATEST|[a-zA-Z0-9_-]+))?");
    private static final Pattern QUALIFIER = Pattern.compile("\\$LATEST|[a-zA-Z0-9$_-]{1,128}");

    public static FunctionRef parse(String value) {
        String text = value.trim();
        Matcher matcher = FUNCTION.matcher(text);
        if (text.length() > 256 || !matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a function name (my-function), partial ARN "
                    + "(123456789012:function:my-function) or ARN, optionally followed by :<version or alias>");
        }
        Optional<String> qualifier = Optional.ofNullable(matcher.group("qualifier"));
        String name = qualifier.map(q -> text.substring(0, text.length() - q.length() - 1)).orElse(text);
        Optional<String> region = Optional.ofNullable(matcher.group("region"))
                .map(r -> r.substring(0, r.length() - 1));
        return new FunctionRef(name, qualifier, region);
    }

    /** Checks a qualifier on its own, as {@code aws.lambda.qualifier}. */
    static String qualifier(String value) {
        String text = value.trim();
        if (!QUALIFIER.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a version or alias: letters, digits, '_', '-' "
                    + "or '$', at most 128");
        }
        return text;
    }

    /** The function as messages name it: the configured text, with its qualifier. */
    public String describe(Optional<String> extraQualifier) {
        return name + qualifier.or(() -> extraQualifier).map(q -> ":" + q).orElse("");
    }
}
