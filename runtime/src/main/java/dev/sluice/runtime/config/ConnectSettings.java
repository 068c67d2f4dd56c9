package dev.sluice.runtime.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;

import java.util.List;
import java.util.Map;

/**
 * How the node runs Kafka Connect.
 *
 * @param pluginPath        folders holding connector plugins, each plugin a folder with {@code lib/*.jar} (Kafka
 *                          Connect's {@code plugin.path})
 * @param workerProperties  Kafka Connect worker settings applied to every connector's Connect cluster (converters,
 *                          {@code offset.flush.interval.ms}, ...); the per-connector group and topics are set by Sluice
 * @param advertisedUrl     the URL other nodes use to reach this node's Kafka Connect REST API; defaults to this host
 *                          and the application port
 * @param registryTopic     the compacted topic that records which connectors exist and which Connect cluster each has
 * @param controlPlaneTopic the compacted topic holding the MSK Connect API's resources (connectors, custom plugins,
 *                          worker configurations, operations)
 * @param customPluginDir   where the custom plugins of the MSK Connect API are installed on this node
 * @param autoscaleInterval how often autoscaled connectors' CPU use is measured and their workers adjusted
 * @param taskRestartAttempts how many times a failed task is restarted automatically (0: never)
 * @param taskRestartBackoff  the wait before the first automatic restart; each next one waits twice as long
 */
public record ConnectSettings(
        @JsonProperty("pluginPath") List<String> pluginPath,
        @JsonProperty("workerProperties") Map<String, String> workerProperties,
        @JsonProperty("advertisedUrl") String advertisedUrl,
        @JsonProperty("registryTopic") String registryTopic,
        @JsonProperty("controlPlaneTopic") String controlPlaneTopic,
        @JsonProperty("customPluginDir") String customPluginDir,
        @JsonProperty("autoscaleInterval") Duration autoscaleInterval,
        @JsonProperty("taskRestartAttempts") Integer taskRestartAttempts,
        @JsonProperty("taskRestartBackoff") Duration taskRestartBackoff) {

    public ConnectSettings {
        pluginPath = pluginPath == null ? List.of() : List.copyOf(pluginPath);
        workerProperties = workerProperties == null ? Map.of() : Map.copyOf(workerProperties);
        registryTopic = registryTopic == null ? "__sluice_connectors" : registryTopic;
        controlPlaneTopic = controlPlaneTopic == null ? "__sluice_control_plane" : controlPlaneTopic;
        customPluginDir = customPluginDir == null ? ".sluice/custom-plugins" : customPluginDir;
        autoscaleInterval = autoscaleInterval == null ? Duration.seconds(30) : autoscaleInterval;
        taskRestartAttempts = taskRestartAttempts == null ? 5 : taskRestartAttempts;
        taskRestartBackoff = taskRestartBackoff == null ? Duration.seconds(10) : taskRestartBackoff;
    }

    public static ConnectSettings defaults() {
        return new ConnectSettings(null, null, null, null, null, null, null, null, null);
    }
}
