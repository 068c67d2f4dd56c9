package dev.sluice.connect.s3.writer;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records that cannot be partitioned or converted. With {@code errors.tolerance=all} the worker gives the task an
 * errant-record reporter and the record goes to it (and on to the dead-letter queue, if one is set); otherwise
 * the task fails, naming the record.
 */
public final class BadRecords {

    private static final Logger log = LoggerFactory.getLogger(BadRecords.class);

    private final ErrantRecordReporter reporter;

    /** @param reporter the worker's reporter, or null when errors are not tolerated */
    public BadRecords(ErrantRecordReporter reporter) {
        this.reporter = reporter;
    }

    void handle(SinkRecord record, DataException e) {
        if (reporter == null) {
            throw new ConnectException("Cannot write the record at offset " + record.originalKafkaOffset()
                    + " of " + record.originalTopic() + "-" + record.originalKafkaPartition() + ": " + e.getMessage()
                    + ". To skip such records instead, set errors.tolerance=all (and errors.deadletterqueue."
                    + "topic.name to keep them)", e);
        }
        log.debug("Reporting the record at offset {} of {}-{} as errant: {}", record.originalKafkaOffset(),
                record.originalTopic(), record.originalKafkaPartition(), e.getMessage());
        // The worker waits for reported records before it commits offsets, so the future need not be awaited.
        reporter.report(record, e);
    }
}
