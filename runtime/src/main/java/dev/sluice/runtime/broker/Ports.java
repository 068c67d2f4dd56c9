package dev.sluice.runtime.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Checks and picks TCP ports for Kafka listeners. */
public final class Ports {

    private Ports() {
    }

    /**
     * Fails with {@link PortInUseException} when {@code port} cannot be bound on {@code host}
     * (an empty or null host means all interfaces, as in Kafka's {@code listeners}).
     */
    public static void requireFree(String host, int port) {
        try (var socket = new ServerSocket()) {
            // The same option Kafka's acceptor uses, so sockets in TIME_WAIT do not count as "in use".
            socket.setReuseAddress(true);
            socket.bind(address(host, port));
        } catch (BindException e) {
            throw new PortInUseException(host, port, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check port " + port + " on " + describe(host), e);
        }
    }

    /**
     * Returns {@code count} distinct ports that were free on {@code host} a moment ago. Another process may
     * take one before Kafka binds it; the window is short enough for tests and {@code sluice dev}.
     */
    public static List<Integer> freePorts(String host, int count) {
        var sockets = new ArrayList<ServerSocket>(count);
        try {
            for (int i = 0; i < count; i++) {
                var socket = new ServerSocket();
                sockets.add(socket);
                socket.bind(address(host, 0));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find " + count + " free ports on " + describe(host), e);
        } finally {
            for (var socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a socket that only probed for a port cannot lose anything
                }
            }
        }
    }

    private static InetSocketAddress address(String host, int port) {
        if (host == null || host.isEmpty()) {
            return new InetSocketAddress(port);
        }
        var address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("cannot resolve listener host '" + host + "'");
        }
        return address;
    }

    private static String describe(String host) {
        return host == null || host.isEmpty() ? "all interfaces" : host;
    }
}
