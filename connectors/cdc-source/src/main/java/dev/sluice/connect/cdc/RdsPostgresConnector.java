package dev.sluice.connect.cdc;

import dev.sluice.connect.cdc.iam.IamConfig;
import io.debezium.connector.postgresql.PostgresConnector;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Debezium's PostgreSQL connector with the RDS defaults filled in ({@link RdsDefaults}): a config names the endpoint,
 * database, tables, credentials and topic prefix, and runs Debezium's own task with the merged config. Any Debezium
 * key given overrides its default.
 *
 * <p>The replication slot outlives the connector's tasks (Debezium's {@code slot.drop.on.stop} would drop it at every
 * rebalance and restart, losing the changes made meanwhile). It is dropped when the connector's offsets are reset,
 * which Kafka Connect signals through {@link #alterOffsets}, unless {@code sluice.slot.retain} is set.
 */
public class RdsPostgresConnector extends SourceConnector {

    private static final Logger log = LoggerFactory.getLogger(RdsPostgresConnector.class);

    private Map<String, String> props;
    private RdsPostgresSettings settings;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        this.props = Map.copyOf(props);
        settings = RdsPostgresConfig.parse(props);
        try {
            new PostgresAdmin(settings).createHeartbeatTable();
        } catch (SQLException e) {
            throw new ConnectException("Could not create the heartbeat table " + settings.heartbeatTable().orElse("")
                    + ": " + e.getMessage() + ". Create it yourself (" + RdsPostgresConfig.HEARTBEAT_TABLE
                    + " says which), or set heartbeat.action.query to a statement the user may run.", e);
        }
        log.info("Capturing {} from {}/{} through slot {} (publication {})", settings.get(RdsPostgresConfig.TABLES),
                settings.get(RdsPostgresConfig.HOSTNAME), settings.get(RdsPostgresConfig.DBNAME), settings.slotName(),
                settings.get(RdsDefaults.PUBLICATION_NAME));
    }

    @Override
    public Class<? extends Task> taskClass() {
        return RdsPostgresTask.class;
    }

    /**
     * One task, as Debezium's PostgreSQL connector has: a slot has one reader. It gets the connector's config, and
     * parses it where it runs (see {@link RdsPostgresTask}).
     */
    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of(props);
    }

    @Override
    public void stop() {
        props = null;
        settings = null;
    }

    @Override
    public ConfigDef config() {
        return RdsPostgresConfig.withDebeziumKeys();
    }

    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        return ExactlyOnceSupport.SUPPORTED;
    }

    /**
     * This connector's keys, then Debezium's validation of the merged config (which connects to the database), then
     * the replication checks Debezium does not make, each with what to change on RDS.
     */
    @Override
    public Config validate(Map<String, String> props) {
        Map<String, ConfigValue> values = new LinkedHashMap<>();
        RdsPostgresConfig.CONFIG_DEF.validate(props).forEach(v -> values.put(v.name(), v));
        if (values.values().stream().anyMatch(v -> !v.errorMessages().isEmpty())) {
            return new Config(new ArrayList<>(values.values()));
        }
        RdsPostgresSettings parsed;
        try {
            parsed = RdsPostgresConfig.parse(props);
        } catch (ConfigException e) {
            DebeziumValidation.addParseError(values, e, RdsPostgresConfig.HOSTNAME);
            return new Config(new ArrayList<>(values.values()));
        }
        DebeziumValidation.merge(values, new PostgresConnector().validate(parsed.debezium()));
        ConfigValue hostname = values.get(RdsPostgresConfig.HOSTNAME);
        if (hostname.errorMessages().isEmpty()) {
            checkReplication(parsed, values);
        } else if (parsed.iam().isPresent() && hostname.errorMessages().stream().anyMatch(
                m -> m.contains("PAM authentication failed") || m.contains("password authentication failed"))) {
            String user = parsed.get(RdsPostgresConfig.USER);
            values.get(RdsPostgresConfig.IAM_AUTH).addErrorMessage(
                    IamConfig.refusedAdvice(user, "GRANT rds_iam TO " + user, parsed.iam().get()));
        } else if (hostname.errorMessages().stream().anyMatch(m -> m.contains("password authentication failed"))) {
            values.get(RdsPostgresConfig.PASSWORD).addErrorMessage("PostgreSQL refused the password of user '"
                    + parsed.get(RdsPostgresConfig.USER) + "': check " + RdsPostgresConfig.USER + " and "
                    + RdsPostgresConfig.PASSWORD + ".");
        }
        return new Config(new ArrayList<>(values.values()));
    }

    private static void checkReplication(RdsPostgresSettings parsed, Map<String, ConfigValue> values) {
        var admin = new PostgresAdmin(parsed);
        try (Connection connection = admin.connect()) {
            admin.replicationProblems(connection)
                    .forEach(p -> p.addTo(Objects.requireNonNull(values.get(p.key()), p.key())));
        } catch (SQLException e) {
            values.get(RdsPostgresConfig.HOSTNAME).addErrorMessage("Could not check the database's replication "
                    + "settings: " + e.getMessage());
        }
    }

    /**
     * Kafka Connect calls this when a stopped connector's offsets are altered or reset. A reset (every offset null)
     * means the position is given up, and the slot holding WAL for it with it: the slot is dropped then, unless
     * {@code sluice.slot.retain} is set. The slot must not be in use, which a stopped connector guarantees.
     */
    @Override
    public boolean alterOffsets(Map<String, String> connectorConfig, Map<Map<String, ?>, Map<String, ?>> offsets) {
        boolean reset = offsets.values().stream().allMatch(Objects::isNull);
        if (!reset) {
            return false; // Debezium's offsets are LSNs of its own making; Sluice does not check altered ones
        }
        RdsPostgresSettings parsed = RdsPostgresConfig.parse(connectorConfig);
        if (parsed.retainSlot()) {
            log.info("Offsets reset; keeping slot {} ({} is set)", parsed.slotName(), RdsPostgresConfig.SLOT_RETAIN);
            return true;
        }
        try {
            boolean dropped = new PostgresAdmin(parsed).dropSlot();
            log.info(dropped ? "Offsets reset; dropped slot {}" : "Offsets reset; there was no slot {} to drop",
                    parsed.slotName());
            return true;
        } catch (SQLException e) {
            throw new ConnectException("Could not drop replication slot " + parsed.slotName() + ": "
                    + e.getMessage() + ". Drop it with SELECT pg_drop_replication_slot('" + parsed.slotName()
                    + "'), or set " + RdsPostgresConfig.SLOT_RETAIN + "=true to keep it.", e);
        }
    }
}
