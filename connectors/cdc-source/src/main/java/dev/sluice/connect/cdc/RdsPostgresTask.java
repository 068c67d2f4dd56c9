package dev.sluice.connect.cdc;

import io.debezium.connector.postgresql.PostgresConnectorTask;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Debezium's PostgreSQL task, given the config as {@link RdsPostgresConfig#parse} makes it on the node the task
 * runs on: the RDS defaults filled in, Sluice's keys and the AWS credentials removed (Debezium logs its config), and,
 * with IAM authentication, this node's token maker registered for the JDBC driver. Logs at INFO when a captured
 * table's columns change ({@link SchemaChanges}). Everything else is Debezium's.
 */
public class RdsPostgresTask extends SourceTask {

    private static final Logger log = LoggerFactory.getLogger(RdsPostgresTask.class);

    private final PostgresConnectorTask debezium = new PostgresConnectorTask();
    private final SchemaChanges schemaChanges = new SchemaChanges();

    @Override
    public String version() {
        return debezium.version();
    }

    @Override
    public void initialize(SourceTaskContext context) {
        super.initialize(context);
        debezium.initialize(context);
    }

    @Override
    public void start(Map<String, String> props) {
        debezium.start(RdsPostgresConfig.parse(props).debezium());
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
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
