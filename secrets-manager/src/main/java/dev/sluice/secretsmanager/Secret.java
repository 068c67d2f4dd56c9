package dev.sluice.secretsmanager;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A secret as the store keeps it (and writes it to its file): its metadata and its versions, each version with its
 * staging labels. Timestamps are epoch milliseconds; {@code deletedAt} is set while the secret is scheduled for
 * deletion, which ends at {@code deletionAt}.
 */
record Secret(String arn, String name, String description, String kmsKeyId, Map<String, String> tags,
              long createdAt, long lastChangedAt, Long lastAccessedAt, Long deletedAt, Long deletionAt,
              Map<String, Version> versions) {

    static final String CURRENT = "AWSCURRENT";
    static final String PREVIOUS = "AWSPREVIOUS";

    Secret {
        tags = tags == null ? new LinkedHashMap<>() : new LinkedHashMap<>(tags);
        versions = versions == null ? new LinkedHashMap<>() : new LinkedHashMap<>(versions);
    }

    /**
     * One value of a secret.
     *
     * @param string the SecretString, or null
     * @param binary the SecretBinary, or null
     * @param stages its staging labels: AWSCURRENT, AWSPREVIOUS, or the caller's own; none for a deprecated version
     */
    record Version(String id, String string, byte[] binary, List<String> stages, long createdAt) {

        Version {
            stages = List.copyOf(stages);
        }

        boolean sameValue(String otherString, byte[] otherBinary) {
            return java.util.Objects.equals(string, otherString) && java.util.Arrays.equals(binary, otherBinary);
        }

        Version withStages(List<String> newStages) {
            return new Version(id, string, binary, newStages, createdAt);
        }
    }

    boolean scheduledForDeletion() {
        return deletedAt != null;
    }

    /** The version with the label, or null. */
    Version staged(String stage) {
        return versions.values().stream().filter(v -> v.stages().contains(stage)).findFirst().orElse(null);
    }

    Secret with(String newDescription, String newKmsKeyId, long changedAt) {
        return new Secret(arn, name, newDescription, newKmsKeyId, tags, createdAt, changedAt, lastAccessedAt, deletedAt,
                deletionAt, versions);
    }

    Secret withVersions(Map<String, Version> newVersions, long changedAt) {
        return new Secret(arn, name, description, kmsKeyId, tags, createdAt, changedAt, lastAccessedAt, deletedAt,
                deletionAt, newVersions);
    }

    Secret accessed(long at) {
        return new Secret(arn, name, description, kmsKeyId, tags, createdAt, lastChangedAt, at, deletedAt, deletionAt,
                versions);
    }

    Secret deletion(Long at, Long endsAt) {
        return new Secret(arn, name, description, kmsKeyId, tags, createdAt, lastChangedAt, lastAccessedAt, at, endsAt,
                versions);
    }

    /** Version IDs to their staging labels, as DescribeSecret and ListSecrets show them (deprecated ones left out). */
    Map<String, List<String>> versionStages() {
        Map<String, List<String>> stages = new LinkedHashMap<>();
        versions.values().stream().filter(v -> !v.stages().isEmpty()).forEach(v -> stages.put(v.id(), v.stages()));
        return stages;
    }
}
