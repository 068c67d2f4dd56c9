package dev.sluice.connect.s3.upload;

import dev.sluice.connect.common.aws.AwsCredentialsConfig;
import dev.sluice.connect.common.aws.AwsErrors;
import java.util.Set;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/**
 * The one place that decides whether an S3 failure is worth retrying. Transient failures (throttling, 5xx,
 * timeouts, I/O) become {@link RetriableException}, so that the worker delivers the batch again after a back-off;
 * a misconfiguration becomes a {@link ConnectException} whose message says which setting to change.
 */
public final class S3Errors {

    /** What went wrong, as far as the user is concerned. */
    public enum Kind {
        /** Worth retrying: throttling, server errors, timeouts, a dropped connection. */
        TRANSIENT,
        NO_SUCH_BUCKET,
        ACCESS_DENIED,
        WRONG_REGION,
        UNKNOWN_HOST,
        NO_CREDENTIALS,
        /** S3 refused the request for a reason no setting of ours explains. */
        OTHER
    }

    private static final Set<String> ACCESS_CODES = Set.of("AccessDenied", "InvalidAccessKeyId",
            "SignatureDoesNotMatch", "AllAccessDisabled", "AccountProblem", "ExpiredToken", "InvalidToken",
            "InvalidSecurity", "NotSignedUp");
    private static final Set<String> REGION_CODES = Set.of("PermanentRedirect", "AuthorizationHeaderMalformed",
            "IllegalLocationConstraintException");
    private static final Set<String> TRANSIENT_CODES = Set.of("SlowDown", "Throttling", "ThrottlingException",
            "RequestTimeout", "RequestTimeTooSkewed", "InternalError", "ServiceUnavailable", "NoSuchUpload",
            "OperationAborted", "RequestLimitExceeded", "TooManyRequests");

    private S3Errors() {
    }

    public static Kind classify(Throwable e) {
        if (e instanceof NoSuchBucketException) {
            return Kind.NO_SUCH_BUCKET;
        }
        if (e instanceof AwsServiceException service) {
            return classifyService(service);
        }
        return switch (AwsErrors.classifyClient(e)) {
            case TRANSIENT -> Kind.TRANSIENT;
            case UNKNOWN_HOST -> Kind.UNKNOWN_HOST;
            case NO_CREDENTIALS -> Kind.NO_CREDENTIALS;
            case OTHER -> Kind.OTHER;
        };
    }

    private static Kind classifyService(AwsServiceException e) {
        String code = AwsErrors.errorCode(e);
        int status = e.statusCode();
        if ("NoSuchBucket".equals(code)) {
            return Kind.NO_SUCH_BUCKET;
        }
        if (code != null && ACCESS_CODES.contains(code) || status == 403) {
            return Kind.ACCESS_DENIED;
        }
        if (code != null && REGION_CODES.contains(code) || status == 301) {
            return Kind.WRONG_REGION;
        }
        if (code != null && TRANSIENT_CODES.contains(code) || AwsErrors.isTransientStatus(e)) {
            return Kind.TRANSIENT;
        }
        return Kind.OTHER;
    }

    /**
     * The exception a task throws for a failed S3 call.
     *
     * @param action what was being done, e.g. {@code "upload s3://bucket/key"}
     */
    public static RuntimeException translate(String action, SdkException e) {
        Kind kind = classify(e);
        return AwsErrors.translate(action, e, kind == Kind.TRANSIENT, advice(kind));
    }

    /** What the user should change, for a kind that retrying does not fix. */
    public static String advice(Kind kind) {
        return switch (kind) {
            case NO_SUCH_BUCKET -> "the bucket does not exist; create it, or correct s3.bucket.name "
                    + "(and s3.endpoint if it points elsewhere)";
            case ACCESS_DENIED -> AwsCredentialsConfig.accessDeniedAdvice("write to the bucket");
            case WRONG_REGION -> "the bucket is in another region; set s3.region to the bucket's region";
            case UNKNOWN_HOST -> "the S3 host cannot be resolved; correct s3.endpoint (or s3.region)";
            case NO_CREDENTIALS -> AwsCredentialsConfig.NO_CREDENTIALS_ADVICE;
            case OTHER -> "S3 refused the request";
            case TRANSIENT -> "a transient failure; it is retried";
        };
    }
}
