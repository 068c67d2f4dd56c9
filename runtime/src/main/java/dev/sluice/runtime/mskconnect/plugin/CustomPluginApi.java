package dev.sluice.runtime.mskconnect.plugin;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/** The wire shapes of the custom-plugin operations, member for member as the MSK Connect model names them. */
public final class CustomPluginApi {

    private CustomPluginApi() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record S3Location(String bucketArn, String fileKey, String objectVersion) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CustomPluginLocation(S3Location s3Location) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CreateCustomPluginRequest(String contentType, String description, CustomPluginLocation location,
                                            String name, Map<String, String> tags) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CreateCustomPluginResponse(String customPluginArn, String customPluginState, String name,
                                             long revision) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CustomPluginFileDescription(String fileMd5, Long fileSize) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CustomPluginRevisionSummary(String contentType, String creationTime, String description,
                                              CustomPluginFileDescription fileDescription,
                                              CustomPluginLocation location, long revision) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StateDescription(String code, String message) {
    }

    /**
     * {@code sluiceFoundClasses} is Sluice's own member (AWS SDKs ignore it): the plugin classes found in the file.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DescribeCustomPluginResponse(String creationTime, String customPluginArn, String customPluginState,
                                               String description, CustomPluginRevisionSummary latestRevision,
                                               String name, StateDescription stateDescription,
                                               CustomPlugin.FoundClasses sluiceFoundClasses) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CustomPluginSummary(String creationTime, String customPluginArn, String customPluginState,
                                      String description, CustomPluginRevisionSummary latestRevision, String name) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ListCustomPluginsResponse(List<CustomPluginSummary> customPlugins, String nextToken) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeleteCustomPluginResponse(String customPluginArn, String customPluginState) {
    }
}
