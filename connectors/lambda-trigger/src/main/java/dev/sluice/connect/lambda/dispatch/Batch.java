package dev.sluice.connect.lambda.dispatch;

import dev.sluice.connect.lambda.event.EncodedRecord;
import java.util.List;
import org.apache.kafka.common.TopicPartition;

/**
 * Records of one partition to invoke the function with once, in offset order; or one record that alone is over the
 * payload limit.
 *
 * @param lastOffset the offset of the last entry the batch covers, skipped ones included: once the batch is done, the
 *                   partition's offsets are committed up to here
 * @param bytes      what its records hold in memory
 */
public record Batch(TopicPartition partition, List<EncodedRecord> records, boolean oversized, long lastOffset,
        long bytes) {
}
