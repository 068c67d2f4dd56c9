package dev.sluice.connect.s3;

import dev.sluice.connect.common.aws.StaticCredentials;
import dev.sluice.connect.s3.format.FormatSettings;
import dev.sluice.connect.s3.format.SchemaChanges;
import dev.sluice.connect.s3.partition.PartitionerSettings;
import dev.sluice.connect.s3.rotation.RotationPolicy;
import dev.sluice.connect.s3.writer.NullValueBehavior;
import dev.sluice.connect.s3.writer.ObjectKeys;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An S3 sink's settings, validated and frozen once by {@link S3SinkSettingsParser}.
 *
 * @param schemaCompatibility {@code schema.compatibility}
 * @param tombstonePartition  {@code tombstone.encoded.partition}
 */
public record S3SinkSettings(
        S3Connection s3,
        ObjectKeys keys,
        Buffering buffering,
        PartitionerSettings partitioner,
        RotationPolicy rotation,
        FormatSettings format,
        SchemaChanges.Compatibility schemaCompatibility,
        NullValueBehavior nullValues,
        String tombstonePartition) {

    /**
     * How to reach the bucket.
     *
     * @param endpoint       {@code s3.endpoint} (or Confluent's {@code store.url}); empty for AWS
     * @param credentials    static credentials; empty for the default AWS chain
     * @param partRetries    retries inside the S3 client
     * @param retryBackoffMs the first back-off, doubled on each consecutive failure
     */
    public record S3Connection(
            String bucket,
            String region,
            Optional<URI> endpoint,
            boolean pathStyleAccess,
            Optional<StaticCredentials> credentials,
            int partRetries,
            long retryBackoffMs) {
    }

    /**
     * @param partSize          {@code s3.part.size}
     * @param memoryBudgetBytes {@code s3.memory.budget.bytes}
     * @param spillDir          {@code s3.spill.dir}
     */
    public record Buffering(int partSize, long memoryBudgetBytes, Path spillDir) {
    }
}
