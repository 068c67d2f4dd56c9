package dev.sluice.connect.dynamodb.write;

import dev.sluice.connect.common.aws.AwsCredentialsConfig;
import dev.sluice.connect.common.aws.AwsErrors;
import java.util.Set;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * The one place that decides whether a DynamoDB failure is worth retrying. Transient failures (throttling, 5xx,
 * timeouts, I/O) are retried with back-off and then become {@link RetriableException}, so that the worker delivers
 * the batch again; a misconfiguration becomes a {@link ConnectException} whose message says what to change.
 */
public final class DynamoDbErrors {

    /** What went wrong, as far as the user is concerned. */
    public enum Kind {
        /** Worth retrying: throttling, server errors, timeouts, a dropped connection, a table being created. */
        TRANSIENT,
        TABLE_NOT_FOUND,
        ACCESS_DENIED,
        NO_CREDENTIALS,
        UNKNOWN_HOST,
        /** A conditional write found a newer version of the item: the write is not needed. */
        CONDITION_FAILED,
        /** DynamoDB rejected the request's content, such as a key that does not fit the table. */
        VALIDATION,
        /** DynamoDB refused the request for a reason no setting of ours explains. */
        OTHER
    }

    private static final Set<String> TRANSIENT_CODES = Set.of("ProvisionedThroughputExceededException",
            "ThrottlingException", "Throttling", "RequestLimitExceeded", "InternalServerError",
            "InternalServerErrorException", "InternalFailure", "ServiceUnavailable", "ServiceUnavailableException",
            "LimitExceededException", "ResourceInUseException", "TransactionConflictException", "RequestTimeout",
            "RequestTimeoutException", "TooManyRequestsException");
    private static final Set<String> ACCESS_CODES = Set.of("AccessDeniedException", "UnrecognizedClientException",
            "InvalidSignatureException", "MissingAuthenticationTokenException", "IncompleteSignatureException",
            "ExpiredTokenException", "InvalidClientTokenId", "AuthFailure", "SignatureDoesNotMatch");

    private DynamoDbErrors() {
    }

    public static Kind classify(Throwable e) {
        if (e instanceof ConditionalCheckFailedException) {
            return Kind.CONDITION_FAILED;
        }
        if (e instanceof ResourceNotFoundException) {
            return Kind.TABLE_NOT_FOUND;
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
        if ("ResourceNotFoundException".equals(code)) {
            return Kind.TABLE_NOT_FOUND;
        }
        if ("ConditionalCheckFailedException".equals(code)) {
            return Kind.CONDITION_FAILED;
        }
        if (code != null && ACCESS_CODES.contains(code) || status == 403) {
            return Kind.ACCESS_DENIED;
        }
        if (code != null && TRANSIENT_CODES.contains(code) || AwsErrors.isTransientStatus(e)) {
            return Kind.TRANSIENT;
        }
        if ("ValidationException".equals(code)) {
            return Kind.VALIDATION;
        }
        return Kind.OTHER;
    }

    public static boolean isTransient(Throwable e) {
        return classify(e) == Kind.TRANSIENT;
    }

    /**
     * The exception a task throws for a failed DynamoDB call that is not to be retried here (any more).
     *
     * @param action what was being done, e.g. {@code "write 25 items to table orders"}
     */
    public static RuntimeException translate(String action, SdkException e) {
        Kind kind = classify(e);
        return AwsErrors.translate(action, e, kind == Kind.TRANSIENT, advice(kind));
    }

    /** What the user should change, for a kind that retrying does not fix. */
    public static String advice(Kind kind) {
        return switch (kind) {
            case TABLE_NOT_FOUND -> "the table does not exist; create it, correct table.name.format (and "
                    + "aws.dynamodb.region or aws.dynamodb.endpoint if they point elsewhere), or set auto.create=true";
            case ACCESS_DENIED -> AwsCredentialsConfig.accessDeniedAdvice("call DescribeTable, BatchWriteItem, "
                    + "PutItem and DeleteItem (and CreateTable with auto.create=true) on the table");
            case NO_CREDENTIALS -> AwsCredentialsConfig.NO_CREDENTIALS_ADVICE;
            case UNKNOWN_HOST -> "the DynamoDB host cannot be resolved; correct aws.dynamodb.endpoint (or "
                    + "aws.dynamodb.region)";
            case VALIDATION -> "DynamoDB rejected the request; check that aws.dynamodb.pk.hash and "
                    + "aws.dynamodb.pk.sort give the table's key attributes with the table's types";
            case OTHER -> "DynamoDB refused the request";
            case CONDITION_FAILED -> "a newer version of the item is already in the table";
            case TRANSIENT -> "a transient failure; it is retried";
        };
    }
}
