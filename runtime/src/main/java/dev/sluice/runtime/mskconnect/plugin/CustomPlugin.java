package dev.sluice.runtime.mskconnect.plugin;

import java.util.List;
import java.util.Map;

/**
 * A custom plugin as the control plane stores it.
 *
 * @param state        {@code CREATING}, {@code ACTIVE}, {@code CREATE_FAILED} or {@code DELETING}
 * @param failure      why it is {@code CREATE_FAILED}; null otherwise
 * @param found        the plugin classes found in it, once {@code ACTIVE}
 * @param installDir   where it is installed on this node, in Kafka Connect's plugin layout
 */
public record CustomPlugin(
        String arn, String name, String description, String creationTime, String contentType,
        S3Object location, long revision, String fileMd5, Long fileSize, String state, Failure failure,
        FoundClasses found, String installDir, Map<String, String> tags) {

    public record S3Object(String bucketArn, String fileKey, String objectVersion) {
    }

    public record Failure(String code, String message) {
    }

    public record FoundClasses(List<String> connectors, List<String> converters, List<String> transforms,
                               List<String> predicates, List<String> headerConverters,
                               List<String> configProviders) {
    }

    CustomPlugin withOutcome(String newState, String md5, Long size, Failure why, FoundClasses classes) {
        return new CustomPlugin(arn, name, description, creationTime, contentType, location, revision, md5, size,
                newState, why, classes, installDir, tags);
    }

    CustomPlugin withState(String newState) {
        return new CustomPlugin(arn, name, description, creationTime, contentType, location, revision, fileMd5,
                fileSize, newState, failure, found, installDir, tags);
    }
}
