package dev.sluice.connect.cdc.mysql;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigValue;

/**
 * What a MySQL server lacks for Debezium, each problem on the config key a user looks at, with what to change on RDS.
 * Pure: {@link ServerFacts} in, problems out.
 */
final class RdsAdvice {

    /** A problem to report on {@code key}. */
    record Problem(String key, String message) {
        void addTo(ConfigValue value) {
            if (!value.errorMessages().contains(message)) {
                value.addErrorMessage(message);
            }
        }
    }

    private static final Pattern GLOBAL_GRANT = Pattern.compile("^GRANT\\s+(.+?)\\s+ON\\s+\\*\\.\\*\\s+TO\\s",
            Pattern.CASE_INSENSITIVE);
    /** {@code GRANT ... ON `db`.* TO ...}: LOCK TABLES there is enough for the snapshot of that database's tables. */
    private static final Pattern DATABASE_GRANT = Pattern.compile("^GRANT\\s+(.+?)\\s+ON\\s+\\S+\\.\\*\\s+TO\\s",
            Pattern.CASE_INSENSITIVE);
    /** {@code GRANT `role`@`%` TO ...}: a role, whose privileges SHOW GRANTS does not list. */
    private static final Pattern ROLE_GRANT = Pattern.compile("^GRANT\\s+[`'\"][^\\s]*\\s+TO\\s",
            Pattern.CASE_INSENSITIVE);
    /** Newer names of the same privileges: MariaDB 10.5+ shows REPLICATION CLIENT as BINLOG MONITOR. */
    private static final Map<String, String> ALIASES = Map.of(
            "BINLOG MONITOR", "REPLICATION CLIENT",
            "REPLICATION REPLICA", "REPLICATION SLAVE");
    private static final Set<String> LOCKING_MODES_THAT_LOCK = Set.of("minimal", "extended");

    private RdsAdvice() {
    }

    static List<Problem> problems(ServerFacts facts, RdsMySqlSettings settings) {
        List<Problem> problems = new ArrayList<>();
        binlog(facts, problems);
        if (facts.platform() instanceof ServerFacts.Rds rds) {
            retention(rds, settings.minRetentionHours(), problems);
        }
        grants(facts, settings, problems);
        return problems;
    }

    private static void binlog(ServerFacts facts, List<Problem> problems) {
        if (!"ON".equalsIgnoreCase(facts.logBin()) && !"1".equals(facts.logBin())) {
            problems.add(new Problem(RdsMySqlConfig.HOSTNAME, "The server's binary log is off, and Debezium reads "
                    + "changes from it. On RDS the binlog is on only while automated backups are: set the "
                    + "instance's backup retention period to 1 day or more."));
        }
        if (!"ROW".equalsIgnoreCase(facts.binlogFormat())) {
            problems.add(new Problem(RdsMySqlConfig.HOSTNAME, "The server's binlog_format is '"
                    + facts.binlogFormat() + "'; Debezium needs ROW. On RDS, set binlog_format=ROW in the DB "
                    + "parameter group of the instance (a custom group: the default one cannot be changed)."));
        }
        if (!"FULL".equalsIgnoreCase(facts.binlogRowImage())) {
            problems.add(new Problem(RdsMySqlConfig.HOSTNAME, "The server's binlog_row_image is '"
                    + facts.binlogRowImage() + "'; Debezium needs FULL. On RDS, set binlog_row_image=FULL in the DB "
                    + "parameter group of the instance."));
        }
    }

    private static void retention(ServerFacts.Rds rds, int minHours, List<Problem> problems) {
        if (minHours == 0) {
            return;
        }
        var hours = rds.retentionHours();
        if (hours.isPresent() && hours.getAsInt() >= minHours) {
            return;
        }
        String now = hours.isPresent() ? hours.getAsInt() + " hours" : "NULL (RDS purges binlogs within minutes)";
        problems.add(new Problem(RdsMySqlConfig.HOSTNAME, "The instance's binlog retention hours is " + now
                + ": a connector stopped for longer cannot resume and must snapshot again. As the master user, "
                + "call mysql.rds_set_configuration('binlog retention hours', " + minHours + "); or set "
                + RdsMySqlConfig.MIN_RETENTION_HOURS + " lower (0 turns this check off)."));
    }

    private static void grants(ServerFacts facts, RdsMySqlSettings settings, List<Problem> problems) {
        Set<String> held = new LinkedHashSet<>();
        boolean lockTablesOnADatabase = false;
        boolean roles = false;
        for (String line : facts.grants()) {
            Matcher global = GLOBAL_GRANT.matcher(line.trim());
            Matcher database = DATABASE_GRANT.matcher(line.trim());
            if (global.find()) {
                held.addAll(privileges(global.group(1)));
            } else if (database.find()) {
                Set<String> there = privileges(database.group(1));
                lockTablesOnADatabase |= there.contains("LOCK TABLES") || there.contains("ALL PRIVILEGES");
            } else if (ROLE_GRANT.matcher(line.trim()).find()) {
                roles = true;
            }
        }
        if (held.contains("ALL PRIVILEGES") || held.contains("ALL")) {
            return;
        }
        List<String> replication = new ArrayList<>();
        for (String needed : List.of("REPLICATION SLAVE", "REPLICATION CLIENT")) {
            if (!held.contains(needed)) {
                replication.add(needed);
            }
        }
        boolean needsLockTables = facts.platform() instanceof ServerFacts.Rds
                && LOCKING_MODES_THAT_LOCK.contains(settings.get(RdsMySqlDefaults.SNAPSHOT_LOCKING_MODE))
                && !held.contains("LOCK TABLES") && !lockTablesOnADatabase;
        if (roles) {
            return; // the privileges may come with a role, which SHOW GRANTS does not expand: no false alarm
        }
        String grantee = grantee(facts.currentUser());
        if (!replication.isEmpty()) {
            String list = String.join(", ", replication);
            problems.add(new Problem(RdsMySqlConfig.USER, "The user " + grantee + " lacks " + list + " on *.*, "
                    + "which Debezium needs to read the binlog. As the master user: GRANT " + list + " ON *.* TO "
                    + grantee + ";"));
        }
        if (needsLockTables) {
            problems.add(new Problem(RdsMySqlConfig.USER, "The user " + grantee + " lacks LOCK TABLES: RDS "
                    + "refuses the global read lock, so the snapshot locks the captured tables instead. As the master "
                    + "user: GRANT LOCK TABLES ON *.* TO " + grantee + "; or set snapshot.locking.mode=none if no "
                    + "schema change can happen during the snapshot."));
        }
    }

    private static Set<String> privileges(String list) {
        Set<String> out = new LinkedHashSet<>();
        for (String privilege : list.split(",")) {
            String name = privilege.trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
            out.add(ALIASES.getOrDefault(name, name));
        }
        return out;
    }

    /** {@code app@%} as {@code 'app'@'%'}, to paste into a GRANT. */
    static String grantee(String currentUser) {
        int at = currentUser.lastIndexOf('@');
        return at < 0 ? "'" + currentUser + "'"
                : "'" + currentUser.substring(0, at) + "'@'" + currentUser.substring(at + 1) + "'";
    }
}
