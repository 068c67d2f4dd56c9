package dev.sluice.schema.confluent;

/** An error of the Confluent API: an HTTP status and Confluent's own error code, with a message. */
final class ConfluentException extends RuntimeException {

    private final int status;
    private final int errorCode;

    ConfluentException(int status, int errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    static ConfluentException subjectNotFound(String subject) {
        return new ConfluentException(404, 40401, "Subject '" + subject + "' not found.");
    }

    int status() {
        return status;
    }

    int errorCode() {
        return errorCode;
    }
}
