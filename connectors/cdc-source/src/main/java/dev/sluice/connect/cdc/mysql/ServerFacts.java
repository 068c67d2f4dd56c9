package dev.sluice.connect.cdc.mysql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * What validation reads from a MySQL server to give RDS advice: the binlog settings, whether it is RDS and how long it
 * keeps binlogs, and the connecting user's grants.
 *
 * @param logBin         {@code log_bin} ({@code ON}/{@code OFF})
 * @param binlogFormat   {@code binlog_format}
 * @param binlogRowImage {@code binlog_row_image}
 * @param platform       RDS (with its binlog retention) or not
 * @param currentUser    {@code CURRENT_USER()}, as {@code user@host}
 * @param grants         the lines of {@code SHOW GRANTS FOR CURRENT_USER()}
 */
record ServerFacts(String logBin, String binlogFormat, String binlogRowImage, Platform platform, String currentUser,
                   List<String> grants) {

    /** Where the server runs, as far as it tells. */
    sealed interface Platform {
    }

    /** Not RDS: there is no {@code mysql.rds_show_configuration} the user may call. */
    record SelfManaged() implements Platform {
    }

    /** RDS, with its {@code binlog retention hours}: empty when NULL, RDS's default (binlogs purged within minutes). */
    record Rds(OptionalInt retentionHours) implements Platform {
    }

    ServerFacts {
        grants = List.copyOf(grants);
    }

    static ServerFacts read(Connection connection) throws SQLException {
        Map<String, String> variables = new HashMap<>();
        String currentUser;
        List<String> grants = new ArrayList<>();
        try (Statement sql = connection.createStatement()) {
            try (ResultSet rs = sql.executeQuery("SHOW GLOBAL VARIABLES WHERE Variable_name IN "
                    + "('log_bin', 'binlog_format', 'binlog_row_image')")) {
                while (rs.next()) {
                    variables.put(rs.getString(1).toLowerCase(java.util.Locale.ROOT), rs.getString(2));
                }
            }
            try (ResultSet rs = sql.executeQuery("SELECT CURRENT_USER()")) {
                currentUser = rs.next() ? rs.getString(1) : "";
            }
            try (ResultSet rs = sql.executeQuery("SHOW GRANTS FOR CURRENT_USER()")) {
                while (rs.next()) {
                    grants.add(rs.getString(1));
                }
            }
        }
        return new ServerFacts(variables.getOrDefault("log_bin", "OFF"), variables.getOrDefault("binlog_format", ""),
                variables.getOrDefault("binlog_row_image", ""), platform(connection), currentUser, grants);
    }

    /** RDS's own procedure answers on RDS only; its rows are (name, value, description). */
    private static Platform platform(Connection connection) {
        try (Statement sql = connection.createStatement();
             ResultSet rs = sql.executeQuery("CALL mysql.rds_show_configuration()")) {
            OptionalInt hours = OptionalInt.empty();
            while (rs.next()) {
                if ("binlog retention hours".equalsIgnoreCase(rs.getString(1))) {
                    String value = rs.getString(2);
                    hours = value == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(value.trim()));
                }
            }
            return new Rds(hours);
        } catch (SQLException | NumberFormatException e) {
            return new SelfManaged();
        }
    }
}
