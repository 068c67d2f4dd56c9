package dev.sluice.runtime;

import dev.sluice.runtime.broker.PortInUseException;
import dev.sluice.runtime.broker.Ports;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.server.ServerFactory;
import io.dropwizard.jetty.ConnectorFactory;
import io.dropwizard.jetty.HttpConnectorFactory;

import java.util.ArrayList;
import java.util.List;

/** Fails with one clear line when a port the node must listen on is taken, before anything starts. */
public final class PortCheck {

    private PortCheck() {
    }

    /** The node's application and admin ports. */
    public static void requireFree(ServerFactory serverFactory) {
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

    public static void requireFree(String host, int port) {
        try {
            Ports.requireFree(host, port);
        } catch (PortInUseException e) {
            throw asStartupFailure(e);
        }
    }

    public static StartupException asStartupFailure(PortInUseException e) {
        return new StartupException(e.getMessage(), e);
    }
}
