package dev.sluice.runtime.mskconnect.connector;

import dev.sluice.runtime.mskconnect.Arns;
import dev.sluice.runtime.mskconnect.Inputs;
import dev.sluice.runtime.mskconnect.Page;
import dev.sluice.runtime.mskconnect.Timestamps;
import dev.sluice.runtime.mskconnect.connector.ConnectorApi.Capacity;
import dev.sluice.runtime.mskconnect.connector.ConnectorApi.CreateConnectorRequest;
import dev.sluice.runtime.mskconnect.connector.ConnectorApi.StateDescription;
import dev.sluice.runtime.mskconnect.connector.ConnectorOperation.Step;
import dev.sluice.runtime.mskconnect.errors.MskConnectException;
import dev.sluice.runtime.state.ResourceState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * UpdateConnector and its operations: a new connector configuration is applied, then watched until the connector
 * runs; if Kafka Connect refuses it or the connector fails with it, the previous configuration is put back and the
 * operation ends {@code ROLLBACK_COMPLETE}. A capacity change ({@code UPDATE_WORKER_SETTING}) replaces the
 * connector's workers with as many as asked, on the same group and topics, and rolls back likewise.
 */
public final class ConnectorUpdates {

    private static final Logger log = LoggerFactory.getLogger(ConnectorUpdates.class);
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(60);

    private final ResourceState state;
    private final Arns arns;
    private final Clock clock;
    private final MskConnectors connectors;
    private final Executor executor;

    public ConnectorUpdates(ResourceState state, Arns arns, Clock clock, MskConnectors connectors, Executor executor) {
        this.state = state;
        this.arns = arns;
        this.clock = clock;
        this.connectors = connectors;
        this.executor = executor;
    }

    /** The body of UpdateConnector: capacity or connectorConfiguration, never both. */
    public record UpdateConnectorRequest(Capacity capacity, Map<String, String> connectorConfiguration) {
    }

    public synchronized ConnectorOperation update(String arn, String currentVersion, UpdateConnectorRequest request) {
        MskConnector connector = connectors.describe(arn);
        Inputs inputs = new Inputs().required("currentVersion", currentVersion);
        boolean hasCapacity = request != null && request.capacity() != null;
        boolean hasConfig = request != null && request.connectorConfiguration() != null;
        if (hasCapacity == hasConfig) {
            inputs.problem("an update must change exactly one of capacity and connectorConfiguration");
        }
        inputs.check();
        if (!currentVersion.equals(connector.currentVersion())) {
            throw new MskConnectException.BadRequest("currentVersion " + currentVersion + " is stale: the connector is"
                    + " at version " + connector.currentVersion() + "; describe it and try again");
        }
        CreateConnectorRequest r = connector.request();
        if (hasConfig) {
            String oldClass = r.connectorConfiguration().get("connector.class");
            String newClass = request.connectorConfiguration().get("connector.class");
            if (!Objects.equals(oldClass, newClass)) {
                throw new MskConnectException.BadRequest("connectorConfiguration: connector.class cannot change (was "
                        + oldClass + ", asked " + newClass + "): create a new connector instead");
            }
        } else {
            ConnectorRequestCheck.check(withCapacity(r, request.capacity())).check();
        }
        String now = Timestamps.now(clock);
        ConnectorOperation operation = hasConfig
                ? new ConnectorOperation(arns.newArn(Arns.CONNECTOR_OPERATION, connector.name()), arn,
                        "UPDATE_CONNECTOR_CONFIGURATION", "PENDING", steps("PENDING", "PENDING", "PENDING"),
                        connectors.redact(r.connectorConfiguration()),
                        connectors.redact(request.connectorConfiguration()), null, null, null, now, null, null, null)
                : new ConnectorOperation(arns.newArn(Arns.CONNECTOR_OPERATION, connector.name()), arn,
                        "UPDATE_WORKER_SETTING", "PENDING", workerSteps("PENDING", "PENDING", "PENDING"),
                        null, null, new ConnectorOperation.WorkerSetting(r.capacity()),
                        new ConnectorOperation.WorkerSetting(request.capacity()), null, now, null, null, null);
        state.put(operation.connectorOperationArn(), operation);
        if (hasConfig) {
            MskConnector updating = connectors.replaceRequest(connector, withConfiguration(r,
                    request.connectorConfiguration()));
            executor.execute(() -> apply(connector, updating, operation));
        } else {
            MskConnector resizing = connectors.replaceRequest(connector, withCapacity(r, request.capacity()));
            executor.execute(() -> resize(connector, resizing, operation));
        }
        return operation;
    }

    public ConnectorOperation describe(String operationArn) {
        if (!arns.isOfKind(operationArn, Arns.CONNECTOR_OPERATION)) {
            throw new MskConnectException.BadRequest("connectorOperationArn is not a connector operation ARN of this"
                    + " region and account: " + operationArn);
        }
        return state.get(operationArn, ConnectorOperation.class).orElseThrow(
                () -> new MskConnectException.NotFound("Connector operation " + operationArn + " not found"));
    }

    public Page<ConnectorOperation> list(String connectorArn, Integer maxResults, String nextToken) {
        connectors.describe(connectorArn);
        List<ConnectorOperation> operations = state.list(arns.prefixOf(Arns.CONNECTOR_OPERATION),
                        ConnectorOperation.class).stream()
                .filter(o -> o.connectorArn().equals(connectorArn))
                .toList();
        return Page.of(operations, ConnectorOperation::connectorOperationArn, maxResults, nextToken);
    }

    private void apply(MskConnector before, MskConnector after, ConnectorOperation operation) {
        record(operation.with("UPDATE_IN_PROGRESS", steps("COMPLETED", "IN_PROGRESS", "PENDING"), null, null));
        String failure = connectors.applyConfiguration(after, SETTLE_TIMEOUT);
        if (failure == null) {
            record(operation.with("UPDATE_COMPLETE", steps("COMPLETED", "COMPLETED", "COMPLETED"), null,
                    Timestamps.now(clock)));
            return;
        }
        log.info("Update of connector {} failed ({}); rolling back", before.name(), failure);
        record(operation.with("ROLLBACK_IN_PROGRESS", steps("COMPLETED", "FAILED", "PENDING"),
                new StateDescription("UPDATE_FAILED", failure), null));
        String rollbackFailure = connectors.applyConfiguration(before, SETTLE_TIMEOUT);
        connectors.replaceRequest(after, before.request());
        record(operation.with(rollbackFailure == null ? "ROLLBACK_COMPLETE" : "ROLLBACK_FAILED",
                steps("COMPLETED", "FAILED", rollbackFailure == null ? "COMPLETED" : "FAILED"),
                new StateDescription("UPDATE_FAILED", failure), Timestamps.now(clock)));
    }

    private void resize(MskConnector before, MskConnector after, ConnectorOperation operation) {
        record(operation.with("UPDATE_IN_PROGRESS", workerSteps("COMPLETED", "IN_PROGRESS", "PENDING"), null, null));
        String failure = connectors.applyCapacity(after, SETTLE_TIMEOUT);
        if (failure == null) {
            record(operation.with("UPDATE_COMPLETE", workerSteps("COMPLETED", "COMPLETED", "COMPLETED"), null,
                    Timestamps.now(clock)));
            return;
        }
        String rollbackFailure = connectors.applyCapacity(before, SETTLE_TIMEOUT);
        connectors.replaceRequest(after, before.request());
        record(operation.with(rollbackFailure == null ? "ROLLBACK_COMPLETE" : "ROLLBACK_FAILED",
                workerSteps("COMPLETED", "FAILED", rollbackFailure == null ? "COMPLETED" : "FAILED"),
                new StateDescription("UPDATE_FAILED", failure), Timestamps.now(clock)));
    }

    /** INITIALIZE_UPDATE, UPDATE_WORKER_SETTING (the workers stop and the new set starts), FINALIZE_UPDATE. */
    private static List<Step> workerSteps(String initialize, String update, String finalize) {
        return List.of(new Step("INITIALIZE_UPDATE", initialize),
                new Step("UPDATE_WORKER_SETTING", update),
                new Step("FINALIZE_UPDATE", finalize));
    }

    private synchronized void record(ConnectorOperation operation) {
        state.put(operation.connectorOperationArn(), operation);
    }

    /** INITIALIZE_UPDATE, UPDATE_CONNECTOR_CONFIGURATION (validated by Kafka Connect on the way), FINALIZE_UPDATE. */
    private static List<Step> steps(String initialize, String update, String finalize) {
        return List.of(new Step("INITIALIZE_UPDATE", initialize),
                new Step("UPDATE_CONNECTOR_CONFIGURATION", update),
                new Step("FINALIZE_UPDATE", finalize));
    }

    private static CreateConnectorRequest withConfiguration(CreateConnectorRequest r, Map<String, String> config) {
        return new CreateConnectorRequest(r.capacity(), new LinkedHashMap<>(config), r.connectorDescription(),
                r.connectorName(), r.kafkaCluster(), r.kafkaClusterClientAuthentication(),
                r.kafkaClusterEncryptionInTransit(), r.kafkaConnectVersion(), r.logDelivery(), r.plugins(),
                r.serviceExecutionRoleArn(), r.workerConfiguration(), r.tags());
    }

    private static CreateConnectorRequest withCapacity(CreateConnectorRequest r, Capacity capacity) {
        return new CreateConnectorRequest(capacity, r.connectorConfiguration(), r.connectorDescription(),
                r.connectorName(), r.kafkaCluster(), r.kafkaClusterClientAuthentication(),
                r.kafkaClusterEncryptionInTransit(), r.kafkaConnectVersion(), r.logDelivery(), r.plugins(),
                r.serviceExecutionRoleArn(), r.workerConfiguration(), r.tags());
    }
}
