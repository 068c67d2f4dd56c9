package dev.sluice.schema;

/** Glue's error types that the registry answers with, and the HTTP status each has in the API model. */
public enum ErrorCode {
    INVALID_INPUT("InvalidInputException", 400),
    ENTITY_NOT_FOUND("EntityNotFoundException", 400),
    ALREADY_EXISTS("AlreadyExistsException", 400),
    RESOURCE_NUMBER_LIMIT_EXCEEDED("ResourceNumberLimitExceededException", 400),
    CONCURRENT_MODIFICATION("ConcurrentModificationException", 400),
    ACCESS_DENIED("AccessDeniedException", 400),
    INTERNAL_SERVICE("InternalServiceException", 500),
    /** Not a Glue error but what AWS's JSON front ends answer for an X-Amz-Target they do not serve. */
    UNKNOWN_OPERATION("UnknownOperationException", 400);

    private final String type;
    private final int status;

    ErrorCode(String type, int status) {
        this.type = type;
        this.status = status;
    }

    /** The {@code __type} of the error body, which AWS's SDKs map to their exception classes. */
    public String type() {
        return type;
    }

    public int status() {
        return status;
    }
}
