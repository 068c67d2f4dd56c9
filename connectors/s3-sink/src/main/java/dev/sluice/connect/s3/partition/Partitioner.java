package dev.sluice.connect.s3.partition;

import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Decides the folder of a record's object, below {@code <topics.dir>/<topic>/}.
 *
 * <p>Implementations are stateless and deterministic given the record (except the wall-clock timestamp
 * extractor), so that a replay puts each record under the same folder again.
 */
public interface Partitioner {

    /**
     * The record's encoded partition, such as {@code partition=3}, {@code region=eu} or
     * {@code year=2026/month=11/day=25/hour=21}.
     *
     * @throws DataException when the record lacks what the partitioner needs; the record is a bad record
     */
    String encodePartition(SinkRecord record);
}
