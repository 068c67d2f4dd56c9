package dev.sluice.schema.store;

/**
 * Another node wrote to the log between this node's catch-up and its write, which was not made: the caller catches up
 * and decides again.
 */
public class WriteConflictException extends StoreException {

    public WriteConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
