package dev.sluice.connect.s3.partition;

import org.apache.kafka.connect.sink.SinkRecord;

/** Keeps Kafka's partitioning: {@code partition=<kafka partition>}, as Confluent's DefaultPartitioner does. */
public final class DefaultPartitioner implements Partitioner {

    @Override
    public String encodePartition(SinkRecord record) {
        return "partition=" + record.kafkaPartition();
    }
}
