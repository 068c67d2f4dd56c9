package dev.sluice.runtime.mskconnect.connector;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * A change to a connector, as MSK Connect records it: what it was, what it was to become, its steps and its
 * outcome ({@code UPDATE_COMPLETE}, or {@code ROLLBACK_COMPLETE} when the change failed and was undone).
 * {@code sluiceOriginWorkerCount} and {@code sluiceTargetWorkerCount} are Sluice's own members: the worker counts
 * an autoscaling step moved between.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConnectorOperation(
        String connectorOperationArn, String connectorArn, String connectorOperationType,
        String connectorOperationState, List<Step> operationSteps,
        Map<String, String> originConnectorConfiguration, Map<String, String> targetConnectorConfiguration,
        WorkerSetting originWorkerSetting, WorkerSetting targetWorkerSetting,
        ConnectorApi.StateDescription errorInfo, String creationTime, String endTime,
        Integer sluiceOriginWorkerCount, Integer sluiceTargetWorkerCount) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(String stepType, String stepState) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WorkerSetting(ConnectorApi.Capacity capacity) {
    }

    ConnectorOperation with(String state, List<Step> steps, ConnectorApi.StateDescription error, String end) {
        return new ConnectorOperation(connectorOperationArn, connectorArn, connectorOperationType, state, steps,
                originConnectorConfiguration, targetConnectorConfiguration, originWorkerSetting, targetWorkerSetting,
                error, creationTime, end, sluiceOriginWorkerCount, sluiceTargetWorkerCount);
    }
}
