package dev.sluice.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.function.Consumer;

/** Accepts connections on a free loopback port and serves each on a daemon thread of its own: the test gateways'. */
final class LoopbackListener implements AutoCloseable {

    private final ServerSocket socket;

    /**
     * @param name  the threads' name
     * @param serve what to do with each connection; it closes the connection when done
     */
    LoopbackListener(String name, Consumer<Socket> serve) throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    Thread connection = new Thread(() -> serve.accept(client), name + "-connection");
                    connection.setDaemon(true);
                    connection.start();
                } catch (IOException e) {
                    return; // closed
                }
            }
        }, name);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
