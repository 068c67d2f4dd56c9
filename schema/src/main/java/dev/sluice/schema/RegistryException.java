package dev.sluice.schema;

/** A request the registry refuses: answered as the Glue error {@link #code()} with this message. */
public class RegistryException extends RuntimeException {

    private final ErrorCode code;

    public RegistryException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public static RegistryException invalidInput(String message) {
        return new RegistryException(ErrorCode.INVALID_INPUT, message);
    }

    public static RegistryException notFound(String message) {
        return new RegistryException(ErrorCode.ENTITY_NOT_FOUND, message);
    }

    public static RegistryException alreadyExists(String message) {
        return new RegistryException(ErrorCode.ALREADY_EXISTS, message);
    }

    public static RegistryException limitExceeded(String message) {
        return new RegistryException(ErrorCode.RESOURCE_NUMBER_LIMIT_EXCEEDED, message);
    }
}
