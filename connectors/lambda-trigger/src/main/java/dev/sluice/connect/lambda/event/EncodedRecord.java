package dev.sluice.connect.lambda.event;

import org.apache.kafka.common.TopicPartition;

/**
 * One record, ready to go into events: its place in Kafka and its JSON object as the event carries it, rendered once
 * and reused by every invocation (and retry) that sends it.
 *
 * @param timestamp the record's Kafka timestamp in epoch milliseconds, or -1 if it has none
 * @param key       the record's key bytes, or null; the on-failure destination writes the record under it
 * @param json      the record's object in the event: {@code {"topic":...,"headers":[...]}}
 */
public record EncodedRecord(TopicPartition partition, long offset, long timestamp, byte[] key, byte[] json) {

    /** What the record holds in memory. */
    public long bytes() {
        return json.length + (key == null ? 0 : key.length);
    }
}
