package dev.sluice.runtime.mskconnect.connector;

import dev.sluice.runtime.mskconnect.Page;
import dev.sluice.runtime.mskconnect.connector.ConnectorApi.ConnectorSummary;
import dev.sluice.runtime.mskconnect.connector.ConnectorApi.CreateConnectorRequest;
import dev.sluice.runtime.mskconnect.connector.ConnectorApi.CreateConnectorResponse;
import dev.sluice.runtime.mskconnect.connector.ConnectorApi.DeleteConnectorResponse;
import dev.sluice.runtime.mskconnect.connector.ConnectorApi.DescribeConnectorResponse;
import dev.sluice.runtime.mskconnect.connector.ConnectorApi.ListConnectorsResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** {@code /v1/connectors}: MSK Connect's connector operations. */
@Path("/connectors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConnectorsResource {

    private final MskConnectors connectors;
    private final ConnectorUpdates updates;

    public ConnectorsResource(MskConnectors connectors, ConnectorUpdates updates) {
        this.connectors = connectors;
        this.updates = updates;
    }

    /** The model's UpdateConnectorResponse. */
    public record UpdateConnectorResponse(String connectorArn, String connectorState, String connectorOperationArn) {
    }

    /** The model's ListConnectorOperationsResponse; operations are described in full by DescribeConnectorOperation. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record ListConnectorOperationsResponse(List<OperationSummary> connectorOperations, String nextToken) {
    }

    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record OperationSummary(String connectorOperationArn, String connectorOperationType,
                                   String connectorOperationState, String creationTime, String endTime) {
    }

    @PUT
    @Path("/{connectorArn: .+}")
    public UpdateConnectorResponse update(@PathParam("connectorArn") String arn,
                                          @QueryParam("currentVersion") String currentVersion,
                                          ConnectorUpdates.UpdateConnectorRequest request) {
        ConnectorOperation operation = updates.update(arn, currentVersion, request);
        String state = "UPDATE_COMPLETE".equals(operation.connectorOperationState()) ? "RUNNING" : "UPDATING";
        return new UpdateConnectorResponse(arn, state, operation.connectorOperationArn());
    }

    @GET
    @Path("/{connectorArn: .+}/operations")
    public ListConnectorOperationsResponse operations(@PathParam("connectorArn") String arn,
                                                      @QueryParam("maxResults") Integer maxResults,
                                                      @QueryParam("nextToken") String nextToken) {
        Page<ConnectorOperation> page = updates.list(arn, maxResults, nextToken);
        return new ListConnectorOperationsResponse(page.items().stream()
                .map(o -> new OperationSummary(o.connectorOperationArn(), o.connectorOperationType(),
                        o.connectorOperationState(), o.creationTime(), o.endTime()))
                .toList(), page.nextToken());
    }

    /** Sluice's answer to {@code ?dryRun=true}: whether the request would be accepted, and every problem. */
    public record DryRunResponse(boolean dryRun, boolean valid, List<String> problems) {
    }

    @POST
    public Object create(CreateConnectorRequest request, @QueryParam("dryRun") boolean dryRun) {
        CreateConnectorRequest r = request == null ? new CreateConnectorRequest(null, null, null, null, null,
                null, null, null, null, null, null, null, null) : request;
        if (dryRun) {
            List<String> problems = connectors.dryRun(r);
            return new DryRunResponse(true, problems.isEmpty(), problems);
        }
        MskConnector c = connectors.create(r);
        return new CreateConnectorResponse(c.arn(), c.name(), "CREATING");
    }

    @GET
    @Path("/{connectorArn: .+}")
    public DescribeConnectorResponse describe(@PathParam("connectorArn") String arn) {
        MskConnector c = connectors.describe(arn);
        MskConnectors.Status status = connectors.status(c);
        CreateConnectorRequest r = c.request();
        return new DescribeConnectorResponse(r.capacity(), c.arn(), connectors.redactedConfiguration(c),
                r.connectorDescription(), r.connectorName(), status.state(), c.creationTime(), c.currentVersion(),
                r.kafkaCluster(), r.kafkaClusterClientAuthentication(), r.kafkaClusterEncryptionInTransit(),
                r.kafkaConnectVersion(), r.logDelivery(), r.plugins(), r.serviceExecutionRoleArn(),
                r.workerConfiguration(), status.description());
    }

    @GET
    public ListConnectorsResponse list(@QueryParam("connectorNamePrefix") String namePrefix,
                                       @QueryParam("maxResults") Integer maxResults,
                                       @QueryParam("nextToken") String nextToken) {
        Page<MskConnector> page = connectors.list(namePrefix, maxResults, nextToken);
        return new ListConnectorsResponse(page.items().stream().map(c -> {
            CreateConnectorRequest r = c.request();
            return new ConnectorSummary(r.capacity(), c.arn(), r.connectorDescription(), r.connectorName(),
                    connectors.status(c).state(), c.creationTime(), c.currentVersion(), r.kafkaCluster(),
                    r.kafkaClusterClientAuthentication(), r.kafkaClusterEncryptionInTransit(),
                    r.kafkaConnectVersion(), r.logDelivery(), r.plugins(), r.serviceExecutionRoleArn(),
                    r.workerConfiguration());
        }).toList(), page.nextToken());
    }

    @PUT
    @Path("/{connectorArn: .+}/pause")
    public ConnectorStateResponse pause(@PathParam("connectorArn") String arn) {
        return stateOf(connectors.pause(arn));
    }

    @PUT
    @Path("/{connectorArn: .+}/resume")
    public ConnectorStateResponse resume(@PathParam("connectorArn") String arn) {
        return stateOf(connectors.resume(arn));
    }

    @POST
    @Path("/{connectorArn: .+}/restart")
    public ConnectorStateResponse restart(@PathParam("connectorArn") String arn,
                                          @QueryParam("onlyFailedTasks") boolean onlyFailedTasks) {
        return stateOf(connectors.restart(arn, onlyFailedTasks));
    }

    /** The answer of pause, resume and restart, which MSK Connect added after the model was written. */
    public record ConnectorStateResponse(String connectorArn, String connectorState) {
    }

    private ConnectorStateResponse stateOf(MskConnector connector) {
        return new ConnectorStateResponse(connector.arn(), connectors.status(connector).state());
    }

    @DELETE
    @Path("/{connectorArn: .+}")
    public DeleteConnectorResponse delete(@PathParam("connectorArn") String arn,
                                          @QueryParam("currentVersion") String currentVersion) {
        MskConnector deleted = connectors.delete(arn, currentVersion);
        return new DeleteConnectorResponse(deleted.arn(), "DELETING");
    }
}
