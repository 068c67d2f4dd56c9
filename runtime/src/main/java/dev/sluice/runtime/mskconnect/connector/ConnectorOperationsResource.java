package dev.sluice.runtime.mskconnect.connector;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /v1/connectorOperations/{arn}}: DescribeConnectorOperation. */
@Path("/connectorOperations")
@Produces(MediaType.APPLICATION_JSON)
public class ConnectorOperationsResource {

    private final ConnectorUpdates updates;

    public ConnectorOperationsResource(ConnectorUpdates updates) {
        this.updates = updates;
    }

    @GET
    @Path("/{connectorOperationArn: .+}")
    public ConnectorOperation describe(@PathParam("connectorOperationArn") String arn) {
        return updates.describe(arn);
    }
}
