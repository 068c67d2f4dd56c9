package dev.sluice.runtime.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.apache.kafka.connect.runtime.rest.entities.ErrorMessage;
import org.apache.kafka.connect.runtime.rest.errors.ConnectRestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutionException;

/**
 * Kafka Connect's validate resource ({@code PUT /connector-plugins/{type}/config/validate}) lets the herder's error
 * escape wrapped in an {@link ExecutionException}, which Kafka's own mapper answers with a 500 whatever the error. An
 * error with a status of its own (a 400 for a config reference that cannot be resolved) gets that status here, with
 * the body Kafka's mapper would give it; anything else is still a 500.
 */
final class ExecutionExceptionMapper implements ExceptionMapper<ExecutionException> {

    private static final Logger log = LoggerFactory.getLogger(ExecutionExceptionMapper.class);

    @Override
    public Response toResponse(ExecutionException exception) {
        Throwable cause = exception.getCause() == null ? exception : exception.getCause();
        int status;
        if (cause instanceof ConnectRestException rest) {
            status = rest.statusCode();
        } else {
            log.error("Uncaught exception in a REST call", cause);
            status = Response.Status.INTERNAL_SERVER_ERROR.getStatusCode();
        }
        return Response.status(status).entity(new ErrorMessage(status, cause.getMessage())).build();
    }
}
