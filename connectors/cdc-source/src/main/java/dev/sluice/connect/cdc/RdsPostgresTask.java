package dev.sluice.connect.cdc;

import io.debezium.config.Configuration;
import io.debezium.connector.postgresql.PostgresConnectorTask;
import io.debezium.connector.postgresql.PostgresOffsetContext;
import io.debezium.connector.postgresql.PostgresPartition;
import io.debezium.pipeline.ChangeEventSourceCoordinator;
import java.util.Map;

/**
 * Debezium's PostgreSQL task, given the config as {@link RdsPostgresConfig#parse} makes it on the node the task
 * runs on: the RDS defaults filled in, Sluice's keys and the AWS credentials removed (Debezium logs its config), and,
 * with IAM authentication, this node's token maker registered for the JDBC driver. Logs at INFO when a captured
 * table's columns change ({@link SchemaChanges}). Renders the JMX {@code LastEvent} attribute when it is read rather
 * than for every change ({@link LazyLastEvent}), and measures the streaming lag on the capture thread
 * ({@link DirectLagMeasurement}). Everything else is Debezium's.
 */
public class RdsPostgresTask extends DebeziumTaskWrapper {

    private final PostgresConnectorTask debezium;

    public RdsPostgresTask() {
        this(new LazyMetricsTask());
    }

    private RdsPostgresTask(PostgresConnectorTask debezium) {
        super(debezium);
        this.debezium = debezium;
    }

    @Override
    public void start(Map<String, String> props) {
        debezium.start(RdsPostgresConfig.parse(props).debezium());
    }

    /** Debezium's task; each (re)start makes the started capture's JMX {@code LastEvent} lazy. */
    private static final class LazyMetricsTask extends PostgresConnectorTask {

        @Override
        public ChangeEventSourceCoordinator<PostgresPartition, PostgresOffsetContext> start(Configuration config) {
            ChangeEventSourceCoordinator<PostgresPartition, PostgresOffsetContext> capture = super.start(config);
            DebeziumMetricsSwaps.installAll(capture);
            return capture;
        }
    }
}
