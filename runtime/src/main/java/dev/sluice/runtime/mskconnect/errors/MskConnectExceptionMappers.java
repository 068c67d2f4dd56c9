package dev.sluice.runtime.mskconnect.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.dropwizard.jersey.validation.JerseyViolationException;
import jakarta.validation.ConstraintViolation;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Every error under {@code /v1} leaves as a restJson1 error of the MSK Connect model, whatever raised it: our own
 * {@link MskConnectException}s, unreadable JSON, and Jersey's own (unknown path, wrong method, wrong media type).
 */
public final class MskConnectExceptionMappers {

    private static final Logger log = LoggerFactory.getLogger(MskConnectExceptionMappers.class);

    private MskConnectExceptionMappers() {
    }

    public static List<Object> all() {
        return List.of(new Api(), new Json(), new Violations(), new Anything());
    }

    static final class Api implements ExceptionMapper<MskConnectException> {
        @Override
        public Response toResponse(MskConnectException e) {
            return RestJson1Errors.of(e);
        }
    }

    /** A body that is not JSON, or whose member has the wrong type: the member's path is named. */
    static final class Json implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException e) {
            String where = "";
            if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                where = " at " + mapping.getPath().stream()
                        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                        .collect(Collectors.joining("."));
            }
            return RestJson1Errors.of(400, "BadRequestException",
                    "The request body is not valid" + where + ": " + e.getOriginalMessage());
        }
    }

    static final class Violations implements ExceptionMapper<JerseyViolationException> {
        @Override
        public Response toResponse(JerseyViolationException e) {
            String message = e.getConstraintViolations().stream()
                    .map(ConstraintViolation::getMessage)
                    .sorted()
                    .collect(Collectors.joining("; "));
            return RestJson1Errors.of(400, "BadRequestException", message);
        }
    }

    static final class Anything implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            if (e instanceof WebApplicationException web) {
                int status = web.getResponse().getStatus();
                return RestJson1Errors.of(status, RestJson1Errors.typeOf(status), web.getMessage());
            }
            log.error("Unexpected error in the MSK Connect API", e);
            return RestJson1Errors.of(500, "InternalServerErrorException",
                    "Sluice could not complete the request: " + e);
        }
    }
}
