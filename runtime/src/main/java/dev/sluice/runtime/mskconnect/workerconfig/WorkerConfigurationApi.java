package dev.sluice.runtime.mskconnect.workerconfig;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/** The wire shapes of the worker-configuration operations, member for member as the MSK Connect model names them. */
public final class WorkerConfigurationApi {

    private WorkerConfigurationApi() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CreateWorkerConfigurationRequest(
            String description, String name, String propertiesFileContent, Map<String, String> tags) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WorkerConfigurationRevisionSummary(String creationTime, String description, long revision) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WorkerConfigurationRevisionDescription(
            String creationTime, String description, String propertiesFileContent, long revision) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CreateWorkerConfigurationResponse(
            String creationTime, WorkerConfigurationRevisionSummary latestRevision, String name,
            String workerConfigurationArn, String workerConfigurationState) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DescribeWorkerConfigurationResponse(
            String creationTime, String description, WorkerConfigurationRevisionDescription latestRevision,
            String name, String workerConfigurationArn, String workerConfigurationState) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WorkerConfigurationSummary(
            String creationTime, String description, WorkerConfigurationRevisionSummary latestRevision,
            String name, String workerConfigurationArn, String workerConfigurationState) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ListWorkerConfigurationsResponse(
            String nextToken, List<WorkerConfigurationSummary> workerConfigurations) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeleteWorkerConfigurationResponse(String workerConfigurationArn, String workerConfigurationState) {
    }
}
