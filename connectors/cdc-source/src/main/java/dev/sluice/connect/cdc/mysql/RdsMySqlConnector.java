package dev.sluice.connect.cdc.mysql;

import dev.sluice.connect.cdc.DebeziumValidation;
import dev.sluice.connect.cdc.iam.IamConfig;
import dev.sluice.connect.common.Versions;
import io.debezium.config.Configuration;
import io.debezium.connector.mysql.MySqlConnector;
import io.debezium.connector.mysql.jdbc.MySqlConnection;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Debezium's MySQL connector with the RDS defaults filled in ({@link RdsMySqlDefaults}): a config names the endpoint,
 * tables, credentials, topic prefix and the Kafka cluster for the schema history, and runs Debezium's own connector and
 * task with the merged config. Any Debezium key given overrides its default.
 *
 * <p>Validation adds, to Debezium's own (which connects to the database), what the server lacks for capture, each
 * with what to change on RDS: the binlog format and row image, the binlog retention, the user's replication grants.
 */
public class RdsMySqlConnector extends MySqlConnector {

    private static final Logger log = LoggerFactory.getLogger(RdsMySqlConnector.class);
    private static final String VERSION = Versions.of(RdsMySqlConnector.class,
            "/dev/sluice/connect/cdc/cdcsource-version.properties");

    private Map<String, String> props;

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        this.props = Map.copyOf(props);
        RdsMySqlSettings settings = RdsMySqlConfig.parse(props);
        log.info("Capturing {} from {}:{} as server id {}, schema history in {}", settings.get(RdsMySqlConfig.TABLES),
                settings.get(RdsMySqlConfig.HOSTNAME), settings.debezium().getOrDefault(RdsMySqlConfig.PORT, "3306"),
                settings.serverId(),
                settings.get(RdsMySqlDefaults.HISTORY_TOPIC));
        super.start(settings.debezium());
    }

    @Override
    public Class<? extends Task> taskClass() {
        return RdsMySqlTask.class;
    }

    /**
     * One task whatever {@code tasks.max} says (Debezium's own refuses more than one): a binlog has one reader per
     * connector. It gets the connector's config, and parses it where it runs (see {@link RdsMySqlTask}).
     */
    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of(props);
    }

    @Override
    public ConfigDef config() {
        return RdsMySqlConfig.withDebeziumKeys();
    }

    /**
     * This connector's keys and cross-field rules, then Debezium's validation of the merged config (which connects to
     * the database), then the binlog, retention and grant checks Debezium does not make, each with what to change on
     * RDS.
     */
    @Override
    public Config validate(Map<String, String> props) {
        Map<String, ConfigValue> values = new LinkedHashMap<>();
        RdsMySqlConfig.CONFIG_DEF.validate(props).forEach(v -> values.put(v.name(), v));
        RdsMySqlConfig.missingHistoryBootstrap(props).ifPresent(message ->
                values.get(RdsMySqlDefaults.HISTORY_BOOTSTRAP).addErrorMessage(message));
        if (values.values().stream().anyMatch(v -> !v.errorMessages().isEmpty())) {
            return new Config(new ArrayList<>(values.values()));
        }
        RdsMySqlSettings settings;
        try {
            settings = RdsMySqlConfig.parse(props);
        } catch (ConfigException e) {
            DebeziumValidation.addParseError(values, e, RdsMySqlConfig.HOSTNAME);
            return new Config(new ArrayList<>(values.values()));
        }
        DebeziumValidation.merge(values, super.validate(settings.debezium()));
        List<String> connectErrors = values.get(RdsMySqlConfig.HOSTNAME).errorMessages();
        if (connectErrors.isEmpty()) {
            checkServer(settings, values);
        } else if (settings.iam().isPresent() && connectErrors.stream().anyMatch(m -> m.contains("Access denied"))) {
            String user = settings.get(RdsMySqlConfig.USER);
            values.get(RdsMySqlConfig.IAM_AUTH).addErrorMessage(IamConfig.refusedAdvice(user,
                    "CREATE USER " + user + " IDENTIFIED WITH AWSAuthenticationPlugin AS 'RDS'", settings.iam().get()));
        } else if (connectErrors.stream().anyMatch(m -> m.contains("Access denied for user"))) {
            values.get(RdsMySqlConfig.PASSWORD).addErrorMessage("MySQL refused user '"
                    + settings.get(RdsMySqlConfig.USER) + "' with this password: check " + RdsMySqlConfig.USER
                    + " and " + RdsMySqlConfig.PASSWORD + ".");
        }
        return new Config(new ArrayList<>(values.values()));
    }

    private void checkServer(RdsMySqlSettings settings, Map<String, ConfigValue> values) {
        Configuration config = Configuration.from(settings.debezium());
        try (MySqlConnection connection = createConnection(config, createConnectorConfig(config))) {
            ServerFacts facts = ServerFacts.read(connection.connection());
            RdsAdvice.problems(facts, settings)
                    .forEach(p -> p.addTo(Objects.requireNonNull(values.get(p.key()), p.key())));
        } catch (SQLException e) {
            values.get(RdsMySqlConfig.HOSTNAME).addErrorMessage("Could not check the server's binlog settings "
                    + "and the user's grants: " + e.getMessage());
        }
    }
}
