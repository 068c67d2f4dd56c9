package dev.sluice.runtime.broker;

/**
 * A listener port that a Kafka node needs is already bound by another process (or another node).
 * Raised before anything is started or written, so nothing needs cleaning up.
 */
public final class PortInUseException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final int port;

    PortInUseException(String host, int port, Throwable cause) {
        super("port " + port + " is already in use"
                + (host == null || host.isEmpty() ? "" : " on " + host)
                + "; stop whatever listens there or choose other ports", cause);
        this.port = port;
    }

    public int port() {
        return port;
    }
}
