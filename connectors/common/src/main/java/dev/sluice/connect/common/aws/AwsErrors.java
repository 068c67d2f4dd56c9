package dev.sluice.connect.common.aws;

import java.io.IOException;
import java.net.UnknownHostException;
import java.util.Locale;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * What the AWS connectors' error classifications share. Each connector's own (S3Errors, DynamoDbErrors) stays the
 * one place that decides retriable or fatal, from its service's error codes; the failures that carry no service
 * response, the status codes that mean "try again", and the exception a task throws are the same for every service.
 */
public final class AwsErrors {

    /** A failure without a service response, as far as the user is concerned. */
    public enum ClientFailure {
        /** Worth retrying: a timeout or a dropped connection. */
        TRANSIENT,
        UNKNOWN_HOST,
        NO_CREDENTIALS,
        OTHER
    }

    private AwsErrors() {
    }

    /** Classifies a failure that is not an {@link AwsServiceException}: the request got no answer from AWS. */
    public static ClientFailure classifyClient(Throwable e) {
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return ClientFailure.TRANSIENT;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownHostException) {
                return ClientFailure.UNKNOWN_HOST;
            }
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return ClientFailure.TRANSIENT;
            }
        }
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("unable to load credentials") || message.contains("unable to load aws credentials")) {
            return ClientFailure.NO_CREDENTIALS;
        }
        return ClientFailure.OTHER;
    }

    /** The service's error code, such as {@code AccessDenied}, or null. */
    public static String errorCode(AwsServiceException e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }

    /** Whether the status alone says to try again: throttling, too many requests, a server error. */
    public static boolean isTransientStatus(AwsServiceException e) {
        int status = e.statusCode();
        return status == 429 || status >= 500 || e.isThrottlingException();
    }

    /**
     * The exception a task throws for a failed AWS call: {@link RetriableException}, so that the worker delivers
     * the batch again after a back-off, or a {@link ConnectException} that says what to change.
     *
     * @param action    what was being done, e.g. {@code "upload s3://bucket/key"}
     * @param retriable whether the connector classified the failure as transient
     * @param advice    what the user should change, for a failure that retrying does not fix
     */
    public static RuntimeException translate(String action, SdkException e, boolean retriable, String advice) {
        if (retriable) {
            return new RetriableException("Cannot " + action + " for now, will retry: " + e.getMessage(), e);
        }
        return new ConnectException("Cannot " + action + ": " + advice + " (" + e.getMessage() + ")", e);
    }
}
