package dev.sluice.runtime.mskconnect.errors;

/**
 * An error of the MSK Connect API, as its model declares them: the type name travels in the
 * {@code x-amzn-ErrorType} header (restJson1), so AWS SDKs raise the matching exception class.
 */
public sealed class MskConnectException extends RuntimeException {

    private final String errorType;
    private final int status;

    private MskConnectException(String errorType, int status, String message) {
        super(message);
        this.errorType = errorType;
        this.status = status;
    }

    public String errorType() {
        return errorType;
    }

    public int status() {
        return status;
    }

    public static final class BadRequest extends MskConnectException {
        public BadRequest(String message) {
            super("BadRequestException", 400, message);
        }
    }

    public static final class NotFound extends MskConnectException {
        public NotFound(String message) {
            super("NotFoundException", 404, message);
        }
    }

    public static final class Conflict extends MskConnectException {
        public Conflict(String message) {
            super("ConflictException", 409, message);
        }
    }

    public static final class InternalServerError extends MskConnectException {
        public InternalServerError(String message) {
            super("InternalServerErrorException", 500, message);
        }
    }

    public static final class ServiceUnavailable extends MskConnectException {
        public ServiceUnavailable(String message) {
            super("ServiceUnavailableException", 503, message);
        }
    }
}
