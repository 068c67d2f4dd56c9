package dev.sluice.connect.cdc.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.connect.cdc.mysql.RdsAdvice.Problem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RdsAdviceTest {

    private static final String DEBEZIUM_GRANTS = "GRANT SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE, "
            + "REPLICATION CLIENT, LOCK TABLES ON *.* TO `app`@`%`";
    private static final ServerFacts.Platform RDS_A_DAY = new ServerFacts.Rds(OptionalInt.of(24));

    private static RdsMySqlSettings settings(Map<String, String> overrides) {
        Map<String, String> props = new HashMap<>(Map.of(
                "name", "orders-cdc",
                "database.hostname", "mydb.abc123.us-east-1.rds.amazonaws.com",
                "database.user", "app",
                "database.password", "secret",
                "topic.prefix", "shop",
                "table.include.list", "shop.orders",
                "schema.history.internal.kafka.bootstrap.servers", "b-1.msk.example:9098"));
        props.putAll(overrides);
        return RdsMySqlConfig.parse(props);
    }

    private static ServerFacts facts(String format, String image, ServerFacts.Platform platform, String... grants) {
        return new ServerFacts("ON", format, image, platform, "app@%", List.of(grants));
    }

    private static List<Problem> problems(ServerFacts facts) {
        return RdsAdvice.problems(facts, settings(Map.of()));
    }

    @Test
    void aServerSetUpAsDebeziumAsksHasNoProblems() {
        assertThat(problems(facts("ROW", "FULL", RDS_A_DAY, DEBEZIUM_GRANTS))).isEmpty();
        assertThat(problems(facts("ROW", "FULL", new ServerFacts.SelfManaged(), DEBEZIUM_GRANTS))).isEmpty();
    }

    @Test
    void aBinlogFormatOtherThanRowIsReportedOnTheEndpointWithTheParameterGroupToChange() {
        List<Problem> problems = problems(facts("MIXED", "FULL", RDS_A_DAY, DEBEZIUM_GRANTS));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("database.hostname");
            assertThat(p.message()).contains("binlog_format is 'MIXED'")
                    .contains("set binlog_format=ROW in the DB parameter group");
        });
    }

    @Test
    void aMinimalRowImageIsReported() {
        assertThat(problems(facts("ROW", "MINIMAL", RDS_A_DAY, DEBEZIUM_GRANTS))).singleElement()
                .extracting(Problem::message).asString()
                .contains("set binlog_row_image=FULL in the DB parameter group");
    }

    @Test
    void aBinlogThatIsOffPointsAtAutomatedBackups() {
        var facts = new ServerFacts("OFF", "ROW", "FULL", RDS_A_DAY, "app@%", List.of(DEBEZIUM_GRANTS));

        assertThat(problems(facts)).singleElement().extracting(Problem::message).asString()
                .contains("backup retention period");
    }

    @Test
    void rdssDefaultRetentionOfNullIsReportedWithTheCallThatFixesIt() {
        var facts = facts("ROW", "FULL", new ServerFacts.Rds(OptionalInt.empty()), DEBEZIUM_GRANTS);

        assertThat(problems(facts)).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("database.hostname");
            assertThat(p.message()).contains("binlog retention hours is NULL")
                    .contains("call mysql.rds_set_configuration('binlog retention hours', 24)");
        });
    }

    @Test
    void aRetentionShorterThanAskedIsReportedAndTheCheckCanBeLoweredOrTurnedOff() {
        var facts = facts("ROW", "FULL", new ServerFacts.Rds(OptionalInt.of(6)), DEBEZIUM_GRANTS);

        assertThat(problems(facts)).singleElement().extracting(Problem::message).asString()
                .contains("binlog retention hours is 6 hours");
        assertThat(RdsAdvice.problems(facts, settings(Map.of("sluice.binlog.retention.min.hours", "6")))).isEmpty();
        assertThat(RdsAdvice.problems(facts, settings(Map.of("sluice.binlog.retention.min.hours", "0")))).isEmpty();
    }

    @Test
    void retentionIsNotAskedOfAServerThatIsNotRds() {
        assertThat(problems(facts("ROW", "FULL", new ServerFacts.SelfManaged(), DEBEZIUM_GRANTS))).isEmpty();
    }

    @Test
    void aUserWithoutReplicationGrantsIsToldTheGrantToRun() {
        var facts = facts("ROW", "FULL", RDS_A_DAY, "GRANT SELECT, LOCK TABLES ON *.* TO `app`@`%`",
                "GRANT ALL PRIVILEGES ON `shop`.* TO `app`@`%`");

        assertThat(problems(facts)).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("database.user");
            assertThat(p.message()).contains("lacks REPLICATION SLAVE, REPLICATION CLIENT on *.*")
                    .contains("GRANT REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO 'app'@'%';");
        });
    }

    @Test
    void onlyTheMissingGrantIsNamed() {
        var facts = facts("ROW", "FULL", RDS_A_DAY,
                "GRANT SELECT, REPLICATION CLIENT, LOCK TABLES ON *.* TO `app`@`%`");

        assertThat(problems(facts)).singleElement().extracting(Problem::message).asString()
                .contains("lacks REPLICATION SLAVE on *.*").doesNotContain("REPLICATION CLIENT on");
    }

    @Test
    void mariaDbsNewNamesForTheSamePrivilegesCount() {
        var facts = facts("ROW", "FULL", new ServerFacts.SelfManaged(),
                "GRANT SELECT, RELOAD, SHOW DATABASES, BINLOG MONITOR, REPLICATION REPLICA ON *.* TO `app`@`%` "
                        + "IDENTIFIED BY PASSWORD '*ABC'");

        assertThat(problems(facts)).isEmpty();
    }

    @Test
    void allPrivilegesCoverEverything() {
        assertThat(problems(facts("ROW", "FULL", RDS_A_DAY,
                "GRANT ALL PRIVILEGES ON *.* TO `admin`@`%` WITH GRANT OPTION"))).isEmpty();
    }

    @Test
    void grantsOnOneDatabaseDoNotCountForTheBinlog() {
        var facts = facts("ROW", "FULL", new ServerFacts.SelfManaged(),
                "GRANT REPLICATION SLAVE, REPLICATION CLIENT ON `shop`.* TO `app`@`%`");

        assertThat(problems(facts)).singleElement().extracting(Problem::key).isEqualTo("database.user");
    }

    @Test
    void aUserWithARoleIsNotFlaggedSinceShowGrantsDoesNotListTheRolesPrivileges() {
        var facts = facts("ROW", "FULL", RDS_A_DAY, "GRANT USAGE ON *.* TO `admin`@`%`",
                "GRANT `rds_superuser_role`@`%` TO `admin`@`%`");

        assertThat(problems(facts)).isEmpty();
    }

    @Test
    void onRdsTheSnapshotsTableLocksNeedLockTablesUnlessLockingIsOff() {
        var facts = facts("ROW", "FULL", RDS_A_DAY,
                "GRANT SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO `app`@`%`");

        assertThat(problems(facts)).singleElement().extracting(Problem::message).asString()
                .contains("lacks LOCK TABLES").contains("GRANT LOCK TABLES ON *.* TO 'app'@'%'");
        assertThat(RdsAdvice.problems(facts, settings(Map.of("snapshot.locking.mode", "none")))).isEmpty();
        var selfManaged = new ServerFacts("ON", "ROW", "FULL", new ServerFacts.SelfManaged(), "app@%",
                facts.grants());
        assertThat(problems(selfManaged)).isEmpty();
    }

    @Test
    void lockTablesOnTheCapturedDatabaseIsEnough() {
        var facts = facts("ROW", "FULL", RDS_A_DAY,
                "GRANT SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO `app`@`%`",
                "GRANT SELECT, LOCK TABLES ON `shop`.* TO `app`@`%`");

        assertThat(problems(facts)).isEmpty();
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        var facts = facts("STATEMENT", "MINIMAL", new ServerFacts.Rds(OptionalInt.empty()),
                "GRANT SELECT ON *.* TO `app`@`%`");

        assertThat(problems(facts)).extracting(Problem::key).containsExactly("database.hostname",
                "database.hostname", "database.hostname", "database.user", "database.user");
    }

    @Test
    void theGranteeIsQuotedForPasting() {
        assertThat(RdsAdvice.grantee("app@%")).isEqualTo("'app'@'%'");
        assertThat(RdsAdvice.grantee("a@b@10.0.0.1")).isEqualTo("'a@b'@'10.0.0.1'");
    }
}
