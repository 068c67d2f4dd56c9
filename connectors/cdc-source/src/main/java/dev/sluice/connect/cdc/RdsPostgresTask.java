package dev.sluice.connect.cdc;

import io.debezium.connector.postgresql.PostgresConnectorTask;
import java.util.Map;

/**
 * Debezium's PostgreSQL task, given the config as {@link RdsPostgresConfig#parse} makes it on the node the task
 * runs on: the RDS defaults filled in, Sluice's keys and the AWS credentials removed (Debezium logs its config), and,
 * with IAM authentication, this node's token maker registered for the JDBC driver. Logs at INFO when a captured
 * table's columns change ({@link SchemaChanges}). Everything else is Debezium's.
 */
public class RdsPostgresTask extends DebeziumTaskWrapper {

    private final PostgresConnectorTask debezium;

    public RdsPostgresTask() {
        this(new PostgresConnectorTask());
    }

    private RdsPostgresTask(PostgresConnectorTask debezium) {
        super(debezium);
        this.debezium = debezium;
    }

    @Override
    public void start(Map<String, String> props) {
        debezium.start(RdsPostgresConfig.parse(props).debezium());
    }
}
