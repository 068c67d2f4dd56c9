package dev.sluice.connect.cdc.mysql;

import dev.sluice.connect.cdc.iam.IamAuth;
import dev.sluice.connect.cdc.iam.IamConfig;
import dev.sluice.connect.cdc.iam.IamTokenRegistry;
import dev.sluice.connect.cdc.iam.RdsIamClearPasswordPlugin;
import io.debezium.connector.mysql.MySqlConnector;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

/**
 * The keys of {@link RdsMySqlConnector}: the few a pipeline needs (all of them Debezium's own names), the RDS defaults
 * it fills in, the schema history's, and Sluice's own (the binlog retention check and IAM authentication). Every
 * other Debezium MySQL key is passed through as it is.
 */
public final class RdsMySqlConfig {

    public static final String HOSTNAME = "database.hostname";
    public static final String PORT = "database.port";
    public static final String USER = "database.user";
    public static final String PASSWORD = "database.password";
    public static final String TOPIC_PREFIX = "topic.prefix";
    public static final String TABLES = "table.include.list";
    public static final String SNAPSHOT_MODE = "snapshot.mode";
    public static final String MIN_RETENTION_HOURS = "sluice.binlog.retention.min.hours";
    public static final String IAM_AUTH = IamConfig.IAM_AUTH;
    /** Debezium hands the keys under {@code driver.} to MySQL Connector/J, without the prefix. */
    static final String DRIVER_PREFIX = "driver.";

    static final int DEFAULT_MIN_RETENTION_HOURS = 24;

    private static final String CONNECTION = "Connection";
    private static final String CAPTURE = "Capture";
    private static final String DEFAULTS = "RDS defaults";
    private static final String HISTORY = "Schema history";
    private static final String IAM = "IAM authentication";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(HOSTNAME, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                    Importance.HIGH, "The database's endpoint, such as `mydb.abc123.us-east-1.rds.amazonaws.com`.",
                    CONNECTION, 1, Width.LONG, "Endpoint")
            .define(PORT, Type.INT, 3306, ConfigDef.Range.between(1, 65535), Importance.MEDIUM,
                    "The database's port.", CONNECTION, 2, Width.SHORT, "Port")
            .define(USER, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                    Importance.HIGH, "The user: it needs `SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE, "
                            + "REPLICATION CLIENT` on `*.*`, and on RDS `LOCK TABLES` too for the snapshot.",
                    CONNECTION, 3, Width.MEDIUM, "User")
            .define(PASSWORD, Type.PASSWORD, null, Importance.HIGH,
                    "The user's password; required unless `sluice.iam.auth` is set. Never logged, and hidden in "
                            + "every API response.",
                    CONNECTION, 4, Width.MEDIUM, "Password")
            .define(RdsMySqlDefaults.SSL_MODE, Type.STRING, RdsMySqlDefaults.DEFAULT_SSL_MODE,
                    ConfigDef.ValidString.in("disabled", "preferred", "required", "verify_ca", "verify_identity"),
                    Importance.MEDIUM, "TLS to the database. RDS accepts TLS on every instance; `verify_identity` "
                            + "with `database.ssl.truststore` holding the RDS CA bundle also checks the server's "
                            + "name. `disabled` only for a server without TLS, such as the tests' MariaDB.",
                    CONNECTION, 5, Width.SHORT, "TLS mode")
            .define(TOPIC_PREFIX, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                    Importance.HIGH, "The first part of every topic name: a table's changes go to "
                            + "`<topic.prefix>.<database>.<table>`.", CAPTURE, 1, Width.MEDIUM, "Topic prefix")
            .define(TABLES, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH,
                    "The tables to capture, as `database.table` (regular expressions, as Debezium reads them).",
                    CAPTURE, 2, Width.LONG, "Tables")
            .define(RdsMySqlDefaults.SERVER_ID, Type.LONG, null, Importance.LOW,
                    "The id the connector's binlog client joins the server with, unique among the server's "
                            + "replicas and binlog readers; by default derived from the connector's name (a number "
                            + "from 100,000 up, the same for the same name), so that each connector has its own.",
                    DEFAULTS, 1, Width.SHORT, "Server id")
            .define(RdsMySqlDefaults.SNAPSHOT_LOCKING_MODE, Type.STRING, RdsMySqlDefaults.DEFAULT_LOCKING_MODE,
                    ConfigDef.ValidString.in("minimal", "extended", "minimal_percona",
                            "minimal_percona_no_table_locks", "none", "custom"), Importance.LOW,
                    "How the snapshot locks. RDS does not allow the global read lock (`FLUSH TABLES WITH READ "
                            + "LOCK`), so under `minimal` the snapshot takes read locks on the captured tables "
                            + "instead and holds them until it has read them (writes to those tables wait; the user "
                            + "needs `LOCK TABLES`). `none` takes no lock: only when no schema change can happen "
                            + "during the snapshot.", DEFAULTS, 2, Width.SHORT, "Snapshot locking")
            .define(RdsMySqlDefaults.HEARTBEAT_INTERVAL_MS, Type.INT,
                    Integer.parseInt(RdsMySqlDefaults.DEFAULT_HEARTBEAT_INTERVAL_MS), ConfigDef.Range.atLeast(0),
                    Importance.MEDIUM, "How often, at most, the connector writes a heartbeat while the captured "
                            + "tables are quiet and other tables are not, which moves its stored binlog position on, "
                            + "so that after a restart it resumes from a binlog RDS still keeps rather than one it "
                            + "has purged. 0 turns heartbeats off.", DEFAULTS, 3, Width.SHORT, "Heartbeat interval")
            .define(MIN_RETENTION_HOURS, Type.INT, DEFAULT_MIN_RETENTION_HOURS, ConfigDef.Range.atLeast(0),
                    Importance.LOW, "Sluice's: the `binlog retention hours` that validation asks of an RDS "
                            + "instance: a connector stopped for longer than the retention cannot resume. 0 turns "
                            + "the check off.", DEFAULTS, 4, Width.SHORT, "Minimum binlog retention")
            .define(RdsMySqlDefaults.SCHEMA_HISTORY, Type.STRING, RdsMySqlDefaults.KAFKA_SCHEMA_HISTORY,
                    Importance.LOW, "Where Debezium keeps the tables' DDL history: a Kafka topic.",
                    HISTORY, 1, Width.LONG, "Schema history")
            .define(RdsMySqlDefaults.HISTORY_BOOTSTRAP, Type.STRING, null, Importance.HIGH,
                    "Required with the Kafka schema history: the Kafka cluster to keep it in, as "
                            + "`host:port[,host:port]`, usually the one the connector writes to. Kafka Connect does "
                            + "not hand its worker's `bootstrap.servers` to connectors. Settings for its clients "
                            + "(TLS, IAM) go in `schema.history.internal.producer.*` and `.consumer.*`.",
                    HISTORY, 2, Width.LONG, "Schema history Kafka")
            .define(RdsMySqlDefaults.HISTORY_TOPIC, Type.STRING, null, Importance.LOW,
                    "The schema history topic; by default `<connector name>.schema-history`. One connector per "
                            + "topic: two connectors writing one history corrupt it.",
                    HISTORY, 3, Width.MEDIUM, "Schema history topic");

    static {
        IamConfig.define(CONFIG_DEF, IAM, "The database user needs `CREATE USER <user> IDENTIFIED WITH "
                + "AWSAuthenticationPlugin AS 'RDS'` (and the grants above)");
    }

    private RdsMySqlConfig() {
    }

    /**
     * Validates {@code props} against {@link #CONFIG_DEF} and the cross-field rules, and fills in the defaults for
     * Debezium.
     *
     * @throws ConfigException naming the first key to change
     */
    public static RdsMySqlSettings parse(Map<String, String> props) {
        var config = new AbstractConfig(CONFIG_DEF, props, false);
        missingHistoryBootstrap(props).ifPresent(message -> {
            throw new ConfigException(RdsMySqlDefaults.HISTORY_BOOTSTRAP, null, message);
        });
        Optional<IamAuth> iam = IamConfig.parse(config, config.getString(HOSTNAME), config.getInt(PORT),
                config.getString(USER));
        if (iam.isEmpty() && config.getPassword(PASSWORD) == null) {
            throw new ConfigException(PASSWORD, null, "Set " + PASSWORD + ", or " + IAM_AUTH
                    + "=true to sign in with an RDS IAM token");
        }
        if (iam.isPresent() && "disabled".equals(config.getString(RdsMySqlDefaults.SSL_MODE))) {
            throw new ConfigException(RdsMySqlDefaults.SSL_MODE, "disabled", "RDS takes IAM tokens over TLS only, "
                    + "and MySQL clients send them over TLS only: set " + RdsMySqlDefaults.SSL_MODE + " to required "
                    + "(the default), verify_ca or verify_identity");
        }
        String name = props.getOrDefault("name", config.getString(TOPIC_PREFIX));
        Map<String, String> debezium = RdsMySqlDefaults.merge(props, name);
        // Sluice's own keys, the AWS credentials among them, stay out of Debezium's config, which it logs
        debezium.keySet().removeIf(key -> key.startsWith("sluice.") || key.startsWith("aws."));
        iam.ifPresent(auth -> {
            IamTokenRegistry.makerFor(auth);
            debezium.put(DRIVER_PREFIX + RdsIamClearPasswordPlugin.CLASS_PROPERTY,
                    RdsIamClearPasswordPlugin.class.getName());
        });
        return new RdsMySqlSettings(name, Long.parseLong(debezium.get(RdsMySqlDefaults.SERVER_ID)),
                config.getInt(MIN_RETENTION_HOURS), iam, debezium);
    }

    /** The error for a Kafka schema history without a cluster, which Kafka Connect cannot fill in. */
    static Optional<String> missingHistoryBootstrap(Map<String, String> props) {
        String bootstrap = props.get(RdsMySqlDefaults.HISTORY_BOOTSTRAP);
        if (!RdsMySqlDefaults.usesKafkaHistory(props) || (bootstrap != null && !bootstrap.isBlank())) {
            return Optional.empty();
        }
        return Optional.of("Required: the Kafka cluster to keep the schema history in, as host:port[,host:port], "
                + "usually the cluster this connector writes to (such as your MSK cluster's bootstrap brokers). "
                + "Kafka Connect does not pass its worker's bootstrap.servers to connectors, so the connector "
                + "cannot fill it in.");
    }

    /** What {@link RdsMySqlConnector#config()} describes: these keys, then every other key of Debezium's. */
    static ConfigDef withDebeziumKeys() {
        var def = new ConfigDef(CONFIG_DEF);
        new MySqlConnector().config().configKeys().forEach((name, key) -> {
            if (!def.names().contains(name)) {
                def.define(key);
            }
        });
        return def;
    }
}
