package dev.sluice.schema.store;

/** The log could not be written or read: the registry answers InternalServiceException. */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
