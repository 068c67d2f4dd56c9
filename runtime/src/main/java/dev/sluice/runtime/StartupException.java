package dev.sluice.runtime;

/**
 * A reason the node cannot start that the operator can fix (Kafka unreachable, a port in use). Its message is the
 * whole story: it is printed on one line, without a stack trace.
 */
public class StartupException extends RuntimeException {

    public StartupException(String message) {
        super(message);
    }

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
