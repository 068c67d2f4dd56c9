package dev.sluice.connect.lambda;

import dev.sluice.connect.lambda.dispatch.Entry;
import dev.sluice.connect.lambda.event.ConnectData;
import dev.sluice.connect.lambda.event.EncodedRecord;
import dev.sluice.connect.lambda.event.KafkaEventWriter;
import dev.sluice.connect.lambda.event.RecordBytes;
import dev.sluice.connect.lambda.filter.FilterCriteria;
import dev.sluice.connect.lambda.filter.FilterInput;
import java.time.Instant;
import java.util.Base64;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each record the worker delivers into its place in a partition's batches: a record for the event, a skipped
 * one (filtered out, or unfit for an event and reported to the dead-letter queue), or one that alone is over the
 * payload limit and goes to the on-failure destination. A record that fits no event and has nowhere to go fails the
 * task, naming it.
 *
 * <p>Records are placed by their original topic, partition and offset, those of Kafka, whatever transforms did:
 * offsets are committed, and named in partial batch responses, by them.
 */
final class RecordIntake {

    private static final Logger log = LoggerFactory.getLogger(RecordIntake.class);

    private final KafkaEventWriter events;
    private final FilterCriteria filter;
    private final int maxPayloadBytes;
    private final boolean destination;
    private final ErrantRecordReporter reporter;

    /**
     * @param destination whether an on-failure destination takes records over the payload limit
     * @param reporter    the worker's errant-record reporter, or null when errors are not tolerated
     */
    RecordIntake(KafkaEventWriter events, FilterCriteria filter, int maxPayloadBytes, boolean destination,
            ErrantRecordReporter reporter) {
        this.events = events;
        this.filter = filter;
        this.maxPayloadBytes = maxPayloadBytes;
        this.destination = destination;
        this.reporter = reporter;
    }

    /**
     * @param partition the record's original topic and partition
     * @throws ConnectException for a record that fits no event, when errors are not tolerated
     */
    Entry accept(SinkRecord record, TopicPartition partition, Instant now) {
        long offset = record.originalKafkaOffset();
        RecordBytes bytes;
        try {
            bytes = ConnectData.of(record);
        } catch (DataException e) {
            return bad(record, e, now);
        }
        if (!filter.isEmpty() && !filter.matches(filterInput(partition, offset, record, bytes))) {
            return Entry.skip(offset, now);
        }
        EncodedRecord encoded = events.record(partition, offset, record.timestamp(), record.timestampType(), bytes);
        long size = events.size(encoded);
        if (size <= maxPayloadBytes) {
            return Entry.invoke(encoded, now);
        }
        if (destination) {
            return Entry.oversized(encoded, now);
        }
        return bad(record, new DataException("The record alone makes an event of " + size + " bytes, over Lambda's "
                + "invoke payload limit of " + maxPayloadBytes + " bytes"), now);
    }

    private FilterInput filterInput(TopicPartition partition, long offset, SinkRecord record, RecordBytes bytes) {
        return FilterInput.of(partition.topic(), partition.partition(), offset,
                record.timestamp() == null ? -1 : record.timestamp(),
                KafkaEventWriter.timestampType(record.timestampType()),
                bytes.key() == null ? null : Base64.getEncoder().encodeToString(bytes.key()), bytes.value());
    }

    private Entry bad(SinkRecord record, DataException e, Instant now) {
        if (reporter == null) {
            throw new ConnectException("Cannot put the record at offset " + record.originalKafkaOffset() + " of "
                    + record.originalTopic() + "-" + record.originalKafkaPartition() + " in a Lambda event: "
                    + e.getMessage() + ". To skip such records, set errors.tolerance=all (and "
                    + "errors.deadletterqueue.topic.name to keep them)"
                    + (destination ? "" : ", or set aws.lambda.destination.on.failure for records over the limit"),
                    e);
        }
        log.debug("Reporting the record at offset {} of {}-{} as errant: {}", record.originalKafkaOffset(),
                record.originalTopic(), record.originalKafkaPartition(), e.getMessage());
        // The worker waits for reported records before it commits offsets, so the future need not be awaited.
        reporter.report(record, e);
        return Entry.skip(record.originalKafkaOffset(), now);
    }
}
