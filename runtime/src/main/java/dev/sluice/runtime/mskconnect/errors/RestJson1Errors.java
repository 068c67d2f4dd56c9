package dev.sluice.runtime.mskconnect.errors;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/** Builds restJson1 error responses: status, {@code x-amzn-ErrorType} header, {@code {"message": ...}} body. */
public final class RestJson1Errors {

    public static final String ERROR_TYPE_HEADER = "x-amzn-ErrorType";

    private RestJson1Errors() {
    }

    public static Response of(MskConnectException e) {
        return of(e.status(), e.errorType(), e.getMessage());
    }

    public static Response of(int status, String errorType, String message) {
        return Response.status(status)
                .header(ERROR_TYPE_HEADER, errorType)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("message", message == null ? errorType : message))
                .build();
    }

    /** The model's error type for an HTTP status that Jersey itself produced (unknown path, wrong verb ...). */
    public static String typeOf(int status) {
        return switch (status) {
            case 401 -> "UnauthorizedException";
            case 403 -> "ForbiddenException";
            case 404 -> "NotFoundException";
            case 409 -> "ConflictException";
            case 429 -> "TooManyRequestsException";
            case 503 -> "ServiceUnavailableException";
            default -> status >= 500 ? "InternalServerErrorException" : "BadRequestException";
        };
    }
}
