package dev.sluice.lambdahost;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A function as a request names it: a name, a full or partial ARN, each optionally with a qualifier
 * ({@code my-function}, {@code my-function:$LATEST}, {@code 123456789012:function:my-function},
 * {@code arn:aws:lambda:us-east-1:123456789012:function:my-function:$LATEST}).
 *
 * @param name      the function's name
 * @param qualifier the version or alias named, or null
 */
record FunctionRef(String name, String qualifier) {

    static final String LATEST = "$LATEST";

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9-_]{1,64}");
    private static final Pattern REF = Pattern.compile(
            "(?:arn:aws[a-zA-Z-]*:lambda:[a-z0-9-]+:\\d{12}:function:|\\d{12}:function:)?"
                    + "([^:]+)(?::([^:]+))?");

    /**
     * @throws LambdaApiException InvalidParameterValueException when the name has characters a function name cannot
     */
    static FunctionRef parse(String raw) {
        Matcher m = REF.matcher(raw == null ? "" : raw);
        if (!m.matches() || !NAME.matcher(m.group(1)).matches()) {
            throw LambdaApiException.invalidParameter("Function name '" + raw + "' is not valid: use 1 to 64 letters,"
                    + " digits, hyphens and underscores, or the function's ARN");
        }
        return new FunctionRef(m.group(1), m.group(2));
    }

    /** Whether the qualifier names the only version the host has, {@code $LATEST} (or none). */
    boolean isLatest() {
        return qualifier == null || LATEST.equals(qualifier);
    }

    /** The ARN that Lambda's messages name: the function's, with the qualifier if one was given. */
    String arn(LambdaHostSettings settings) {
        return settings.functionArn(name) + (qualifier == null ? "" : ":" + qualifier);
    }
}
