package dev.sluice.connect.cdc;

import java.util.List;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the RDS tasks share: a Debezium task inside, to which everything but {@code start} is handed, and an INFO line
 * when a captured table's columns change ({@link SchemaChanges}). Each subclass parses its connector's config where it
 * runs and starts the Debezium task with the result.
 */
public abstract class DebeziumTaskWrapper extends SourceTask {

    private static final Logger log = LoggerFactory.getLogger(DebeziumTaskWrapper.class);

    private final SourceTask debezium;
    private final SchemaChanges schemaChanges = new SchemaChanges();

    protected DebeziumTaskWrapper(SourceTask debezium) {
        this.debezium = debezium;
    }

    @Override
    public String version() {
        return debezium.version();
    }

    @Override
    public void initialize(SourceTaskContext context) {
        super.initialize(context);
        debezium.initialize(context);
    }

    /** Called before each poll of the Debezium task; nothing by default. */
    protected void beforePoll() {
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        beforePoll();
        List<SourceRecord> records = debezium.poll();
        schemaChanges.observe(records).forEach(log::info);
        return records;
    }

    @Override
    public void commit() throws InterruptedException {
        debezium.commit();
    }

    @Override
    public void commitRecord(SourceRecord record, RecordMetadata metadata) throws InterruptedException {
        debezium.commitRecord(record, metadata);
    }

    @Override
    public void stop() {
        debezium.stop();
    }
}
