package dev.sluice.connect.cdc;

import dev.sluice.connect.cdc.iam.RdsIamAuthenticationPlugin;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.config.ConfigValue;

/**
 * What the RDS connector does on the database itself, over plain JDBC with the connector's own connection settings:
 * the checks Debezium leaves to the task (or only logs), the heartbeat table, dropping the slot.
 */
final class PostgresAdmin {

    private final RdsPostgresSettings settings;

    PostgresAdmin(RdsPostgresSettings settings) {
        this.settings = settings;
    }

    /** A problem to report on one key of the config. */
    record Problem(String key, String message) {
        void addTo(ConfigValue value) {
            value.addErrorMessage(message);
        }
    }

    Connection connect() throws SQLException {
        var props = new Properties();
        props.setProperty("user", settings.get(RdsPostgresConfig.USER));
        if (settings.iam().isPresent()) {
            for (String key : List.of(RdsIamAuthenticationPlugin.CLASS_PROPERTY, RdsIamAuthenticationPlugin.KEY_PROPERTY)) {
                props.setProperty(key, settings.get(RdsPostgresConfig.DRIVER_PREFIX + key));
            }
        } else {
            props.setProperty("password", settings.get(RdsPostgresConfig.PASSWORD));
        }
        props.setProperty("sslmode", settings.get(RdsDefaults.SSL_MODE));
        String rootCert = settings.get("database.sslrootcert");
        if (rootCert != null) {
            props.setProperty("sslrootcert", rootCert);
        }
        props.setProperty("ApplicationName", "sluice-cdc-" + settings.connectorName());
        String url = "jdbc:postgresql://" + settings.get(RdsPostgresConfig.HOSTNAME) + ":"
                + settings.debezium().getOrDefault(RdsPostgresConfig.PORT, "5432") + "/"
                + settings.get(RdsPostgresConfig.DBNAME);
        // the driver of this plugin's own class loader, whatever DriverManager would pick
        Connection connection = new org.postgresql.Driver().connect(url, props);
        if (connection == null) {
            throw new SQLException("The PostgreSQL driver does not accept " + url);
        }
        return connection;
    }

    /**
     * What logical replication on RDS needs and Debezium's validation does not check: {@code wal_level=logical} and
     * a user allowed to replicate. Each problem says what to change.
     */
    List<Problem> replicationProblems(Connection connection) throws SQLException {
        List<Problem> problems = new ArrayList<>();
        try (Statement sql = connection.createStatement()) {
            try (ResultSet rs = sql.executeQuery("SHOW wal_level")) {
                rs.next();
                String walLevel = rs.getString(1);
                if (!"logical".equals(walLevel)) {
                    problems.add(new Problem(RdsPostgresConfig.HOSTNAME, "The database's wal_level is '" + walLevel
                            + "', and change data capture needs 'logical'. On RDS, set rds.logical_replication=1 "
                            + "in the instance's DB parameter group and reboot the instance; elsewhere, set "
                            + "wal_level=logical in postgresql.conf and restart PostgreSQL."));
                }
            }
            String user = settings.get(RdsPostgresConfig.USER);
            try (ResultSet rs = sql.executeQuery("SELECT r.rolsuper OR r.rolreplication OR EXISTS ("
                    + "SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON m.roleid = g.oid WHERE m.member = r.oid "
                    + "AND g.rolname IN ('rds_replication', 'rds_superuser')) FROM pg_roles r "
                    + "WHERE r.rolname = current_user")) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    problems.add(new Problem(RdsPostgresConfig.USER, "The user '" + user + "' may not use "
                            + "logical replication. On RDS, run GRANT rds_replication TO " + user + "; elsewhere, "
                            + "ALTER ROLE " + user + " REPLICATION."));
                }
            }
        }
        return problems;
    }

    /** Creates the default heartbeat query's table if it is missing; nothing when the config has its own query. */
    void createHeartbeatTable() throws SQLException {
        if (settings.heartbeatTable().isEmpty()) {
            return;
        }
        try (Connection connection = connect(); Statement sql = connection.createStatement()) {
            sql.execute(RdsDefaults.createHeartbeatTable(settings.heartbeatTable().get()));
        }
    }

    /**
     * Drops the connector's slot if it exists.
     *
     * @return whether there was a slot to drop
     * @throws SQLException when the slot is in use (a task still streams from it) or cannot be dropped
     */
    boolean dropSlot() throws SQLException {
        try (Connection connection = connect();
             PreparedStatement drop = connection.prepareStatement("SELECT pg_drop_replication_slot(slot_name) "
                     + "FROM pg_replication_slots WHERE slot_name = ?")) {
            drop.setString(1, settings.slotName());
            try (ResultSet rs = drop.executeQuery()) {
                return rs.next();
            }
        }
    }
}
