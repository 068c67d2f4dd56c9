package dev.sluice.runtime.mskconnect.connector;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * The wire shapes of the connector operations, member for member as the MSK Connect model names them. The
 * description shapes of the model repeat the request shapes' members, so what was asked for is described back.
 */
public final class ConnectorApi {

    private ConnectorApi() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProvisionedCapacity(Integer mcuCount, Integer workerCount) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ScalePolicy(Integer cpuUtilizationPercentage) {
    }

    /** {@code maxAutoscalingTaskCount} is newer than the model; MSK Connect caps tasks.max with it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AutoScaling(Integer maxWorkerCount, Integer mcuCount, Integer minWorkerCount,
                              ScalePolicy scaleInPolicy, ScalePolicy scaleOutPolicy,
                              Integer maxAutoscalingTaskCount) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Capacity(AutoScaling autoScaling, ProvisionedCapacity provisionedCapacity) {

        /** How many workers to start with: the provisioned count, or autoscaling's minimum. */
        public int initialWorkers() {
            return provisionedCapacity != null ? provisionedCapacity.workerCount() : autoScaling.minWorkerCount();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ApacheKafkaCluster(String bootstrapServers, JsonNode vpc) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record KafkaCluster(ApacheKafkaCluster apacheKafkaCluster) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record KafkaClusterClientAuthentication(String authenticationType) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record KafkaClusterEncryptionInTransit(String encryptionType) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CustomPluginRef(String customPluginArn, Long revision) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Plugin(CustomPluginRef customPlugin) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WorkerConfigurationRef(Long revision, String workerConfigurationArn) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CreateConnectorRequest(
            Capacity capacity, Map<String, String> connectorConfiguration, String connectorDescription,
            String connectorName, KafkaCluster kafkaCluster,
            KafkaClusterClientAuthentication kafkaClusterClientAuthentication,
            KafkaClusterEncryptionInTransit kafkaClusterEncryptionInTransit, String kafkaConnectVersion,
            JsonNode logDelivery, List<Plugin> plugins, String serviceExecutionRoleArn,
            WorkerConfigurationRef workerConfiguration, Map<String, String> tags) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CreateConnectorResponse(String connectorArn, String connectorName, String connectorState) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StateDescription(String code, String message) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DescribeConnectorResponse(
            Capacity capacity, String connectorArn, Map<String, String> connectorConfiguration,
            String connectorDescription, String connectorName, String connectorState, String creationTime,
            String currentVersion, KafkaCluster kafkaCluster,
            KafkaClusterClientAuthentication kafkaClusterClientAuthentication,
            KafkaClusterEncryptionInTransit kafkaClusterEncryptionInTransit, String kafkaConnectVersion,
            JsonNode logDelivery, List<Plugin> plugins, String serviceExecutionRoleArn,
            WorkerConfigurationRef workerConfiguration, StateDescription stateDescription) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConnectorSummary(
            Capacity capacity, String connectorArn, String connectorDescription, String connectorName,
            String connectorState, String creationTime, String currentVersion, KafkaCluster kafkaCluster,
            KafkaClusterClientAuthentication kafkaClusterClientAuthentication,
            KafkaClusterEncryptionInTransit kafkaClusterEncryptionInTransit, String kafkaConnectVersion,
            JsonNode logDelivery, List<Plugin> plugins, String serviceExecutionRoleArn,
            WorkerConfigurationRef workerConfiguration) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ListConnectorsResponse(List<ConnectorSummary> connectors, String nextToken) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeleteConnectorResponse(String connectorArn, String connectorState) {
    }
}
