package dev.sluice.runtime.dev;

/** A stand-in that cannot run on this machine; the message says what to install. */
public final class StandInUnavailableException extends RuntimeException {

    public StandInUnavailableException(String message) {
        super(message);
    }
}
