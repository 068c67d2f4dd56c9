package dev.sluice.connect.cdc;

import dev.sluice.connect.cdc.iam.IamAuth;
import dev.sluice.connect.cdc.iam.IamConfig;
import dev.sluice.connect.cdc.iam.IamTokenRegistry;
import dev.sluice.connect.cdc.iam.RdsIamAuthenticationPlugin;
import io.debezium.connector.postgresql.PostgresConnectorConfig;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

/**
 * The keys of {@link RdsPostgresConnector}: the few a pipeline needs (all of them Debezium's own names), the RDS
 * defaults it fills in, and Sluice's two. Every other Debezium PostgreSQL key is passed through as it is.
 */
public final class RdsPostgresConfig {

    public static final String HOSTNAME = "database.hostname";
    public static final String PORT = "database.port";
    public static final String USER = "database.user";
    public static final String PASSWORD = "database.password";
    public static final String DBNAME = "database.dbname";
    public static final String TOPIC_PREFIX = "topic.prefix";
    public static final String TABLES = "table.include.list";
    public static final String HEARTBEAT_TABLE = "sluice.heartbeat.table";
    public static final String SLOT_RETAIN = "sluice.slot.retain";
    public static final String IAM_AUTH = IamConfig.IAM_AUTH;
    public static final String IAM_REGION = IamConfig.IAM_REGION;

    static final String DEFAULT_HEARTBEAT_TABLE = "public.sluice_heartbeat";
    /** Debezium passes the keys under {@code database.} that it does not know on to the JDBC driver. */
    static final String DRIVER_PREFIX = "database.";

    private static final String CONNECTION = "Connection";
    private static final String CAPTURE = "Capture";
    private static final String DEFAULTS = "RDS defaults";
    private static final String IAM = "IAM authentication";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(HOSTNAME, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                    Importance.HIGH, "The database's endpoint, such as `mydb.abc123.us-east-1.rds.amazonaws.com`.",
                    CONNECTION, 1, Width.LONG, "Endpoint")
            .define(PORT, Type.INT, 5432, ConfigDef.Range.between(1, 65535), Importance.MEDIUM,
                    "The database's port.", CONNECTION, 2, Width.SHORT, "Port")
            .define(DBNAME, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                    Importance.HIGH, "The database to capture.", CONNECTION, 3, Width.MEDIUM, "Database")
            .define(USER, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                    Importance.HIGH, "The user: it needs LOGIN and replication (on RDS, `GRANT rds_replication TO "
                            + "<user>`), and ownership of the captured tables for the publication to be created.",
                    CONNECTION, 4, Width.MEDIUM, "User")
            .define(PASSWORD, Type.PASSWORD, null, Importance.HIGH,
                    "The user's password; required unless `sluice.iam.auth` is set. Never logged, and hidden in "
                            + "every API response.", CONNECTION, 5, Width.MEDIUM, "Password")
            .define(RdsDefaults.SSL_MODE, Type.STRING, "require",
                    ConfigDef.ValidString.in("disable", "allow", "prefer", "require", "verify-ca", "verify-full"),
                    Importance.MEDIUM, "TLS to the database. RDS accepts TLS on every instance; `verify-full` with "
                            + "`database.sslrootcert` pointing at the RDS CA bundle also checks the server's name. "
                            + "`disable` only for a server without TLS, such as `./sluice dev`'s.",
                    CONNECTION, 6, Width.SHORT, "TLS mode")
            .define(TOPIC_PREFIX, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                    Importance.HIGH, "The first part of every topic name: a table's changes go to "
                            + "`<topic.prefix>.<schema>.<table>`.", CAPTURE, 1, Width.MEDIUM, "Topic prefix")
            .define(TABLES, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH,
                    "The tables to capture, as `schema.table` (regular expressions, as Debezium reads them); the "
                            + "publication is created for these.", CAPTURE, 2, Width.LONG, "Tables")
            .define(RdsDefaults.PLUGIN_NAME, Type.STRING, "pgoutput", Importance.LOW,
                    "The logical decoding plugin: `pgoutput`, built into PostgreSQL 10 and later and the one RDS "
                            + "supports without extensions.", DEFAULTS, 1, Width.SHORT, "Decoding plugin")
            .define(RdsDefaults.PUBLICATION_AUTOCREATE_MODE, Type.STRING, "filtered",
                    ConfigDef.ValidString.in("disabled", "all_tables", "filtered", "no_tables"), Importance.LOW,
                    "How the publication is created: `filtered`, for the captured tables only (an "
                            + "all-tables publication needs a superuser, which RDS does not give).",
                    DEFAULTS, 2, Width.SHORT, "Publication mode")
            .define(RdsDefaults.PUBLICATION_NAME, Type.STRING, null, Importance.LOW,
                    "The publication; by default the connector's name made a PostgreSQL identifier (lower case, "
                            + "`[a-z0-9_]`, a hash added when the name had to change) with `_publication`.",
                    DEFAULTS, 3, Width.MEDIUM, "Publication")
            .define(RdsDefaults.SLOT_NAME, Type.STRING, null, Importance.LOW,
                    "The replication slot; by default the connector's name made a slot name (lower case, "
                            + "`[a-z0-9_]`, at most 63 characters, a hash added when the name had to change).",
                    DEFAULTS, 4, Width.MEDIUM, "Slot")
            .define(RdsDefaults.SLOT_DROP_ON_STOP, Type.BOOLEAN, false, Importance.LOW,
                    "Debezium's: drop the slot whenever the task stops. Off, because a task also stops to "
                            + "rebalance and restart, and changes made while there is no slot are lost; see "
                            + "`sluice.slot.retain` for when the slot goes.", DEFAULTS, 5, Width.SHORT,
                    "Drop slot on task stop")
            .define(RdsDefaults.HEARTBEAT_INTERVAL_MS, Type.INT,
                    Integer.parseInt(RdsDefaults.DEFAULT_HEARTBEAT_INTERVAL_MS), ConfigDef.Range.atLeast(0),
                    Importance.MEDIUM, "How often the connector writes a heartbeat and confirms its position, so "
                            + "that the slot moves on while the captured tables are idle; without it an idle "
                            + "database piles up WAL behind the slot until the disk fills.",
                    DEFAULTS, 6, Width.SHORT, "Heartbeat interval")
            .define(RdsDefaults.HEARTBEAT_ACTION_QUERY, Type.STRING, null, Importance.LOW,
                    "The statement run at each heartbeat; by default an upsert of one row in "
                            + "`sluice.heartbeat.table`. Give your own to write elsewhere (then no table is "
                            + "created).", DEFAULTS, 7, Width.LONG, "Heartbeat query")
            .define(RdsDefaults.POLL_INTERVAL_MS, Type.LONG,
                    Long.parseLong(RdsDefaults.DEFAULT_POLL_INTERVAL_MS), ConfigDef.Range.atLeast(1),
                    Importance.LOW, "How long the task waits for more changes before it hands a partial batch to "
                            + "Kafka Connect (Debezium's default is 500 ms, which keeps changes up to a second behind "
                            + "on a quiet table).", DEFAULTS, 8, Width.SHORT, "Poll interval")
            .define(HEARTBEAT_TABLE, Type.STRING, DEFAULT_HEARTBEAT_TABLE, new ConfigDef.NonEmptyString(),
                    Importance.LOW, "Sluice's: the table of the default heartbeat query, created by the connector "
                            + "when it starts if it is missing (`id integer PRIMARY KEY, last_heartbeat "
                            + "timestamptz`).", DEFAULTS, 9, Width.MEDIUM, "Heartbeat table")
            .define(SLOT_RETAIN, Type.BOOLEAN, false, Importance.MEDIUM,
                    "Sluice's: keep the replication slot when the connector's offsets are reset (`DELETE "
                            + "/connectors/<name>/offsets` on the stopped connector). By default the reset drops "
                            + "the slot, whose position the offsets were.", DEFAULTS, 10, Width.SHORT,
                    "Keep slot on reset");

    static {
        IamConfig.define(CONFIG_DEF, IAM, "The database user needs `GRANT rds_iam TO <user>`");
    }

    private RdsPostgresConfig() {
    }

    /**
     * Validates {@code props} against {@link #CONFIG_DEF} and fills in the defaults for Debezium. With IAM
     * authentication, registers the token maker of this config in this JVM ({@link IamTokenRegistry}).
     */
    public static RdsPostgresSettings parse(Map<String, String> props) {
        var config = new AbstractConfig(CONFIG_DEF, props, false);
        String name = props.getOrDefault("name", config.getString(TOPIC_PREFIX));
        String heartbeatTable = config.getString(HEARTBEAT_TABLE);
        Optional<IamAuth> iam = IamConfig.parse(config, config.getString(HOSTNAME), config.getInt(PORT),
                config.getString(USER));
        if (iam.isEmpty() && config.getPassword(PASSWORD) == null) {
            throw new ConfigException(PASSWORD, null, "Set " + PASSWORD + ", or " + IAM_AUTH
                    + "=true to sign in with an RDS IAM token");
        }
        Map<String, String> debezium = RdsDefaults.merge(props, name, heartbeatTable);
        // Sluice's own keys, the AWS credentials among them, stay out of Debezium's config, which it logs
        debezium.keySet().removeIf(key -> key.startsWith("sluice.") || key.startsWith("aws."));
        iam.ifPresent(auth -> {
            debezium.put(DRIVER_PREFIX + RdsIamAuthenticationPlugin.CLASS_PROPERTY,
                    RdsIamAuthenticationPlugin.class.getName());
            debezium.put(DRIVER_PREFIX + RdsIamAuthenticationPlugin.KEY_PROPERTY, IamTokenRegistry.register(auth));
        });
        return new RdsPostgresSettings(name, debezium.get(RdsDefaults.SLOT_NAME), config.getBoolean(SLOT_RETAIN),
                props.containsKey(RdsDefaults.HEARTBEAT_ACTION_QUERY) ? Optional.empty() : Optional.of(heartbeatTable),
                iam, debezium);
    }

    /** What {@link RdsPostgresConnector#config()} describes: these keys, then every other key of Debezium's. */
    static ConfigDef withDebeziumKeys() {
        var def = new ConfigDef(CONFIG_DEF);
        PostgresConnectorConfig.configDef().configKeys().forEach((name, key) -> {
            if (!def.names().contains(name)) {
                def.define(key);
            }
        });
        return def;
    }
}
