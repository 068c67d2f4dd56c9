package dev.sluice.connect.lambda.invoke;

import dev.sluice.connect.common.aws.AwsCredentialsConfig;
import dev.sluice.connect.common.aws.AwsErrors;
import java.util.Set;
import org.apache.kafka.connect.errors.ConnectException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * The one place that decides what a failed Lambda call means. Throttling, Lambda's own errors, timeouts and dropped
 * connections are worth retrying; a payload over the limit means sending less; anything else is a misconfiguration
 * that retrying does not fix, and fails the task with a message that says what to change.
 *
 * <p>A function error is not a failed call: Lambda answers 200 with {@code X-Amz-Function-Error}, which
 * {@link Invoker} reports as such.
 */
public final class LambdaErrors {

    /** What went wrong, as far as the user is concerned. */
    public enum Kind {
        /** Worth retrying: throttling, Lambda's own errors, a function being updated, timeouts, connections. */
        TRANSIENT,
        /** The event is over the invoke payload limit: send fewer records. */
        TOO_LARGE,
        FUNCTION_NOT_FOUND,
        /** The function exists but cannot run: its configuration (VPC, KMS, runtime, code) is broken. */
        NOT_INVOCABLE,
        ACCESS_DENIED,
        NO_CREDENTIALS,
        UNKNOWN_HOST,
        /** Lambda refused the request itself, such as an invalid qualifier, or the SDK could not send it. */
        INVALID_REQUEST
    }

    private static final Set<String> TRANSIENT_CODES = Set.of("TooManyRequestsException", "ServiceException",
            "EC2ThrottledException", "ResourceNotReadyException", "ResourceConflictException",
            "SnapStartNotReadyException", "SnapStartTimeoutException", "EFSMountTimeoutException",
            "EFSMountConnectivityException", "ENINotReadyException", "CodeArtifactUserPendingException",
            "S3FilesMountTimeoutException", "S3FilesMountConnectivityException", "ThrottlingException",
            "Throttling", "RequestTimeout", "RequestTimeoutException", "ServiceUnavailableException");
    private static final Set<String> TOO_LARGE_CODES = Set.of("RequestTooLargeException",
            "SerializedRequestEntityTooLargeException", "RequestEntityTooLargeException");
    private static final Set<String> NOT_INVOCABLE_CODES = Set.of("KMSAccessDeniedException", "KMSDisabledException",
            "KMSInvalidStateException", "KMSNotFoundException", "InvalidRuntimeException", "InvalidZipFileException",
            "InvalidSubnetIDException", "InvalidSecurityGroupIDException", "SubnetIPAddressLimitReachedException",
            "ENILimitReachedException", "EC2AccessDeniedException", "EC2UnexpectedException", "EFSIOException",
            "EFSMountFailureException", "S3FilesMountFailureException", "SnapStartException",
            "SnapStartRegenerationFailureException", "RecursiveInvocationException",
            "CodeArtifactUserFailedException", "CodeArtifactUserDeletedException", "NoPublishedVersionException",
            "ModeNotSupportedException", "ServiceQuotaExceededException");
    private static final Set<String> ACCESS_CODES = Set.of("AccessDeniedException", "AccessDenied",
            "UnrecognizedClientException", "InvalidSignatureException", "MissingAuthenticationTokenException",
            "IncompleteSignatureException", "ExpiredTokenException", "InvalidClientTokenId", "SignatureDoesNotMatch",
            "UnauthorizedOperation");

    private LambdaErrors() {
    }

    public static Kind classify(Throwable e) {
        if (e instanceof ResourceNotFoundException) {
            return Kind.FUNCTION_NOT_FOUND;
        }
        if (e instanceof AwsServiceException service) {
            return classifyService(service);
        }
        return switch (AwsErrors.classifyClient(e)) {
            case TRANSIENT -> Kind.TRANSIENT;
            case UNKNOWN_HOST -> Kind.UNKNOWN_HOST;
            case NO_CREDENTIALS -> Kind.NO_CREDENTIALS;
            case OTHER -> Kind.INVALID_REQUEST;
        };
    }

    private static Kind classifyService(AwsServiceException e) {
        String code = AwsErrors.errorCode(e);
        int status = e.statusCode();
        if ("ResourceNotFoundException".equals(code) || status == 404) {
            return Kind.FUNCTION_NOT_FOUND;
        }
        if (code != null && TOO_LARGE_CODES.contains(code) || status == 413) {
            return Kind.TOO_LARGE;
        }
        if (code != null && NOT_INVOCABLE_CODES.contains(code)) {
            return Kind.NOT_INVOCABLE;
        }
        if (code != null && ACCESS_CODES.contains(code) || status == 403) {
            return Kind.ACCESS_DENIED;
        }
        if (code != null && TRANSIENT_CODES.contains(code) || AwsErrors.isTransientStatus(e) || status == 408) {
            return Kind.TRANSIENT;
        }
        return Kind.INVALID_REQUEST;
    }

    /**
     * The exception that fails the task for a call that retrying does not fix.
     *
     * @param function the function as configured, for the message
     * @param action   what was being done, e.g. {@code "invoke my-function with 100 records of orders-0"}
     */
    public static ConnectException fatal(String function, String action, SdkException e) {
        return (ConnectException) AwsErrors.translate(action, e, false, advice(classify(e), function));
    }

    /** What the user should change, for a kind that retrying does not fix. */
    public static String advice(Kind kind, String function) {
        return switch (kind) {
            case FUNCTION_NOT_FOUND -> "the function " + function + " does not exist (or not with that version or "
                    + "alias); create it, or correct aws.lambda.function.name, aws.lambda.qualifier, and "
                    + "aws.lambda.region or aws.lambda.endpoint if they point elsewhere";
            case NOT_INVOCABLE -> "the function " + function + " exists but Lambda cannot run it; fix its "
                    + "configuration (runtime, code, VPC, KMS key) as the error says";
            case ACCESS_DENIED -> AwsCredentialsConfig.accessDeniedAdvice("call lambda:InvokeFunction on " + function);
            case NO_CREDENTIALS -> AwsCredentialsConfig.NO_CREDENTIALS_ADVICE;
            case UNKNOWN_HOST -> "the Lambda host cannot be resolved; correct aws.lambda.endpoint (or "
                    + "aws.lambda.region)";
            case INVALID_REQUEST -> "Lambda refused the request, or it could not be sent; check "
                    + "aws.lambda.function.name, aws.lambda.qualifier and aws.lambda.region";
            case TOO_LARGE -> "the event is over Lambda's payload limit";
            case TRANSIENT -> "a transient failure; it is retried";
        };
    }
}
