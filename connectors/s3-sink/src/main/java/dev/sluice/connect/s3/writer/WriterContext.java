package dev.sluice.connect.s3.writer;

import dev.sluice.connect.s3.buffer.MemoryBudget;
import dev.sluice.connect.s3.format.RecordFormat;
import dev.sluice.connect.s3.partition.Partitioner;
import dev.sluice.connect.s3.partition.TimestampExtractor;
import dev.sluice.connect.s3.rotation.RotationPolicy;
import dev.sluice.connect.s3.upload.ObjectUploader;
import java.nio.file.Path;
import java.time.Clock;

/**
 * What every {@link TopicPartitionWriter} of a task shares.
 *
 * @param extractor           the record time for {@code rotate.interval.ms}
 * @param tombstonePartition  the folder of tombstones when {@code behavior.on.null.values=write}
 */
public record WriterContext(
        Partitioner partitioner,
        TimestampExtractor extractor,
        RotationPolicy rotation,
        RecordFormat format,
        SchemaChangePolicy schemas,
        ObjectKeys keys,
        NullValueBehavior nullValues,
        String tombstonePartition,
        MemoryBudget budget,
        Path spillDir,
        ObjectUploader uploader,
        BadRecords badRecords,
        Clock clock) {
}
