package dev.sluice.secretsmanager;

/**
 * An error as Secrets Manager sends it (the awsJson 1.1 protocol): HTTP 400 (500 for InternalServiceError) with a
 * body of {@code __type}, the error shape's name in the API model, and {@code Message}.
 */
final class SecretsManagerException extends RuntimeException {

    private final String type;
    private final int status;

    private SecretsManagerException(int status, String type, String message) {
        super(message);
        this.status = status;
        this.type = type;
    }

    static SecretsManagerException notFound() {
        return new SecretsManagerException(400, "ResourceNotFoundException",
                "Secrets Manager can't find the specified secret.");
    }

    static SecretsManagerException notFound(String message) {
        return new SecretsManagerException(400, "ResourceNotFoundException", message);
    }

    static SecretsManagerException exists(String message) {
        return new SecretsManagerException(400, "ResourceExistsException", message);
    }

    static SecretsManagerException invalidRequest(String message) {
        return new SecretsManagerException(400, "InvalidRequestException", message);
    }

    static SecretsManagerException invalidParameter(String message) {
        return new SecretsManagerException(400, "InvalidParameterException", message);
    }

    static SecretsManagerException invalidNextToken() {
        return new SecretsManagerException(400, "InvalidNextTokenException", "The NextToken value is invalid.");
    }

    /** What the service answers to input that breaks the API model's constraints (length, pattern, required). */
    static SecretsManagerException validation(String message) {
        return new SecretsManagerException(400, "ValidationException", message);
    }

    static SecretsManagerException unknownOperation(String target) {
        return new SecretsManagerException(400, "UnknownOperationException",
                "The local Secrets Manager does not know the operation " + target);
    }

    static SecretsManagerException internal(String message) {
        return new SecretsManagerException(500, "InternalServiceError", message);
    }

    String type() {
        return type;
    }

    int status() {
        return status;
    }
}
