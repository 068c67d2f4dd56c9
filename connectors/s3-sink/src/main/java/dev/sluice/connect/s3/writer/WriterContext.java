package dev.sluice.connect.s3.writer;

import dev.sluice.connect.s3.buffer.MemoryBudget;
import dev.sluice.connect.s3.format.RecordView;
import dev.sluice.connect.s3.format.ViewFormat;
import dev.sluice.connect.s3.partition.Partitioner;
import dev.sluice.connect.s3.partition.TimestampExtractor;
import dev.sluice.connect.s3.rotation.RotationPolicy;
import dev.sluice.connect.s3.upload.ObjectUploader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * What every {@link TopicPartitionWriter} of a task shares.
 *
 * @param extractor           the record time for {@code rotate.interval.ms}
 * @param formats             the objects each rotation writes per encoded partition, the values' first
 * @param tombstonePartition  the folder of tombstones when {@code behavior.on.null.values=write}
 */
public record WriterContext(
        Partitioner partitioner,
        TimestampExtractor extractor,
        RotationPolicy rotation,
        List<ViewFormat> formats,
        SchemaChangePolicy schemas,
        ObjectKeys keys,
        NullValueBehavior nullValues,
        String tombstonePartition,
        MemoryBudget budget,
        Path spillDir,
        ObjectUploader uploader,
        BadRecords badRecords,
        Clock clock) {

    public WriterContext {
        formats = List.copyOf(formats);
        if (formats.isEmpty() || formats.get(0).view() != RecordView.VALUE) {
            throw new IllegalArgumentException("The values' object must come first");
        }
        if (nullValues == NullValueBehavior.WRITE && tombstoneFormats(formats).isEmpty()) {
            // Tombstones have no value object, so without keys they would vanish.
            throw new IllegalArgumentException("Writing tombstones needs the keys objects (store.kafka.keys=true)");
        }
    }

    /** The objects tombstones go to: all but the values', as in Confluent. */
    List<ViewFormat> tombstoneFormats() {
        return tombstoneFormats(formats);
    }

    private static List<ViewFormat> tombstoneFormats(List<ViewFormat> formats) {
        return formats.stream().filter(format -> format.view() != RecordView.VALUE).toList();
    }
}
