package dev.sluice.connect.dynamodb;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records that cannot become items. With {@code errors.tolerance=all} the worker gives the task an errant-record
 * reporter and the record goes to it (and on to the dead-letter queue, if one is set); otherwise the task fails,
 * naming the record.
 */
final class BadRecords {

    private static final Logger log = LoggerFactory.getLogger(BadRecords.class);

    private final ErrantRecordReporter reporter;

    /** @param reporter the worker's reporter, or null when errors are not tolerated */
    BadRecords(ErrantRecordReporter reporter) {
        this.reporter = reporter;
    }

    boolean tolerated() {
        return reporter != null;
    }

    /** The exception that fails the task for a bad record when errors are not tolerated. */
    static ConnectException failure(SinkRecord record, DataException e) {
        return new ConnectException("Cannot write the record at offset " + record.originalKafkaOffset() + " of "
                + record.originalTopic() + "-" + record.originalKafkaPartition() + " to DynamoDB: " + e.getMessage()
                + ". To skip such records instead, set errors.tolerance=all (and errors.deadletterqueue.topic.name "
                + "to keep them)", e);
    }

    void report(SinkRecord record, DataException e) {
        log.debug("Reporting the record at offset {} of {}-{} as errant: {}", record.originalKafkaOffset(),
                record.originalTopic(), record.originalKafkaPartition(), e.getMessage());
        // The worker waits for reported records before it commits offsets, so the future need not be awaited.
        reporter.report(record, e);
    }
}
