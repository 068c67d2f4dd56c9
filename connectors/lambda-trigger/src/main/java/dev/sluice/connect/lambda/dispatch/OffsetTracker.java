package dev.sluice.connect.lambda.dispatch;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The offsets a task may commit: per partition, the offset after the last record whose batch is done (invoked,
 * set aside in the on-failure destination, or skipped). Batches of a partition finish in order, so it only moves
 * forward; nothing in flight or waiting is ever reported.
 */
final class OffsetTracker {

    private final Map<TopicPartition, Long> next = new ConcurrentHashMap<>();

    /** Records before {@code nextOffset} are done. */
    void advance(TopicPartition partition, long nextOffset) {
        next.merge(partition, nextOffset, Math::max);
    }

    void remove(Collection<TopicPartition> partitions) {
        partitions.forEach(next::remove);
    }

    Map<TopicPartition, OffsetAndMetadata> committable() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        next.forEach((partition, offset) -> offsets.put(partition, new OffsetAndMetadata(offset)));
        return offsets;
    }
}
