package dev.sluice.runtime;

import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.server.ServerFactory;
import io.dropwizard.jetty.ConnectorFactory;
import io.dropwizard.jetty.HttpConnectorFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Fails with one clear line when a port the node must listen on is taken, before anything starts. */
final class PortCheck {

    private PortCheck() {
    }

    static void requireFree(ServerFactory serverFactory) {
        if (!(serverFactory instanceof DefaultServerFactory server)) {
            return;
        }
        List<ConnectorFactory> connectors = new ArrayList<>(server.getApplicationConnectors());
        connectors.addAll(server.getAdminConnectors());
        for (ConnectorFactory connector : connectors) {
            if (connector instanceof HttpConnectorFactory http && http.getPort() > 0) {
                requireFree(http.getBindHost(), http.getPort());
            }
        }
    }

    static void requireFree(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(host == null ? new InetSocketAddress(port) : new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new StartupException("port " + port + " is already in use: stop what listens there or choose "
                    + "another port in the server section of the configuration");
        }
    }
}
