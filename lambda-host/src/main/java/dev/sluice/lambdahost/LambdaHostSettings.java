package dev.sluice.lambdahost;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the local Lambda host runs functions.
 *
 * @param region            the region in function ARNs and in {@code AWS_REGION} of functions
 * @param accountId         the account in function ARNs
 * @param defaultConcurrency how many instances of one function may run at once when it has no reserved concurrency
 * @param idleTimeout       how long an idle instance stays warm before it is stopped
 * @param initTimeout       how long an instance may take to start (JVM and handler class) before its first invoke
 *                          fails; Lambda allows 10 s, a JVM on a busy laptop may need more
 * @param asyncRetryDelays  the waits before each retry of a failed Event invocation (Lambda: 1 then 2 minutes)
 * @param accessKeyId       credentials passed to functions as their execution role's ({@code AWS_ACCESS_KEY_ID}),
 *                          or null for none
 * @param secretAccessKey   the secret that goes with {@code accessKeyId}
 */
public record LambdaHostSettings(String region, String accountId, int defaultConcurrency, Duration idleTimeout,
                                 Duration initTimeout, List<Duration> asyncRetryDelays, String accessKeyId,
                                 String secretAccessKey) {

    public LambdaHostSettings {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(initTimeout, "initTimeout");
        asyncRetryDelays = List.copyOf(asyncRetryDelays);
        if (defaultConcurrency < 1) {
            throw new IllegalArgumentException("defaultConcurrency must be at least 1: " + defaultConcurrency);
        }
    }

    public static LambdaHostSettings defaults() {
        return new LambdaHostSettings("us-east-1", "000000000000", 10, Duration.ofMinutes(5), Duration.ofSeconds(30),
                List.of(Duration.ofMinutes(1), Duration.ofMinutes(2)), null, null);
    }

    public LambdaHostSettings withCredentials(String accessKeyId, String secretAccessKey) {
        return new LambdaHostSettings(region, accountId, defaultConcurrency, idleTimeout, initTimeout,
                asyncRetryDelays, accessKeyId, secretAccessKey);
    }

    public LambdaHostSettings withDefaultConcurrency(int defaultConcurrency) {
        return new LambdaHostSettings(region, accountId, defaultConcurrency, idleTimeout, initTimeout,
                asyncRetryDelays, accessKeyId, secretAccessKey);
    }

    public LambdaHostSettings withIdleTimeout(Duration idleTimeout) {
        return new LambdaHostSettings(region, accountId, defaultConcurrency, idleTimeout, initTimeout,
                asyncRetryDelays, accessKeyId, secretAccessKey);
    }

    public LambdaHostSettings withAsyncRetryDelays(List<Duration> asyncRetryDelays) {
        return new LambdaHostSettings(region, accountId, defaultConcurrency, idleTimeout, initTimeout,
                asyncRetryDelays, accessKeyId, secretAccessKey);
    }

    /** The ARN of a function's {@code $LATEST}, unqualified, as Lambda writes it. */
    String functionArn(String functionName) {
        return "arn:aws:lambda:" + region + ":" + accountId + ":function:" + functionName;
    }
}
