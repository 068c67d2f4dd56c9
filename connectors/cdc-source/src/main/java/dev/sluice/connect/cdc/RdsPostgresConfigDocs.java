package dev.sluice.connect.cdc;

import dev.sluice.connect.common.docs.ConfigDocs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Renders the CDC source's configuration reference, {@code docs/connectors/cdc-source.md}. Run {@link #main} with the
 * file's path, or {@code ./mvnw -pl connectors/cdc-source test -Dtest=RdsPostgresConfigDocsTest
 * -Dcdcsource.docs.write=true}, which writes it to its place in the repository.
 */
public final class RdsPostgresConfigDocs {

    static final String INTRO = """
            <!-- Generated from RdsPostgresConfig.CONFIG_DEF; do not edit. Regenerate with
                 ./mvnw -pl connectors/cdc-source test -Dtest=RdsPostgresConfigDocsTest -Dcdcsource.docs.write=true -->

            The plugin `sluice-cdc-source` holds the PostgreSQL connectors below and, for MySQL, Debezium's
            `io.debezium.connector.mysql.MySqlConnector` and Sluice's `dev.sluice.connect.cdc.mysql.RdsMySqlConnector`
            ([cdc-mysql.md](cdc-mysql.md)). For PostgreSQL:

            - `io.debezium.connector.postgresql.PostgresConnector`, Debezium's PostgreSQL connector (3.6.1.Final),
              unchanged: a Debezium config that runs on MSK Connect or self-managed Kafka Connect runs here as it
              is. Its keys are in Debezium's documentation.
            - `dev.sluice.connect.cdc.RdsPostgresConnector`, Sluice's: the same capture (it runs Debezium's own
              task) from a few lines of config, with the defaults RDS needs filled in. Every key of Debezium's
              PostgreSQL connector is accepted and passed on; where the config gives one of the keys under
              "RDS defaults" below, the config's value wins.

            Each captured table's changes go to the topic `<topic.prefix>.<schema>.<table>`, a consistent snapshot of
            the rows first (`"op": "r"`), then every insert, update and delete (`c`, `u`, `d`) in Debezium's envelope
            (`before`, `after`, `source`, `op`, `ts_ms`), keyed by the table's primary key; a delete is followed by a
            tombstone (a null value) for log compaction.

            ## Just the new row state

            Kafka Connect gives transforms to connectors through the connector's config only (a connector cannot
            add one itself), so the switch is the config's `transforms`, with Debezium's `ExtractNewRecordState`,
            which the plugin ships:

            ```json
            "transforms": "unwrap",
            "transforms.unwrap.type": "io.debezium.transforms.ExtractNewRecordState",
            "transforms.unwrap.delete.tombstone.handling.mode": "rewrite-with-tombstone"
            ```

            Each record's value is then the row as it is after the change; a delete becomes a row with
            `"__deleted": "true"`, followed by its tombstone. PostgreSQL logs only the key of a deleted row unless the
            table has `REPLICA IDENTITY FULL`, so by default that row holds the key and empty values in the other
            columns (`ALTER TABLE <table> REPLICA IDENTITY FULL` gives its whole last state).
            `"transforms.unwrap.add.fields": "op"` adds `__op` (`r`, `c`, `u`, `d`) to each row.

            ## The replication slot

            The slot is created by the task on first start and kept while the connector exists: its tasks stopping
            (a rebalance, a restart, a pause) must not drop it, or the changes made meanwhile are lost, which is why
            Debezium's `slot.drop.on.stop` is off. The slot goes with the connector's position: deleting the
            connector (`DELETE /connectors/<name>`, or MSK Connect's `DeleteConnector`) stops it, resets its offsets
            and drops the slot, so that no slot is left holding WAL on the database; so does resetting the stopped
            connector's offsets (`PUT /connectors/<name>/stop`, then `DELETE /connectors/<name>/offsets`). With
            `sluice.slot.retain=true` the slot stays in both cases (drop it yourself with
            `SELECT pg_drop_replication_slot('<slot>')`); with `sluice.retain.internal.topics=true` the deleted
            connector's offsets are kept for its successor, and so is its slot. If the database cannot be reached
            when the connector is deleted, the connector is deleted anyway and the node logs a WARN naming the slot.

            ## IAM database authentication

            With `sluice.iam.auth=true` the connector signs in with RDS IAM authentication tokens instead of a
            password: each connection (validation, the connector's set-up, Debezium's snapshot and its replication
            stream, and every reconnection) gets a fresh token from the AWS SDK's `RdsUtilities`, so none presents
            an expired one (a token lives 15 minutes). The tokens are signed with `aws.access.key.id` and
            `aws.secret.access.key` when given, else with the default AWS credentials chain (on an EC2 host or in a
            container, its role); the region is `sluice.iam.region`, else the one in the endpoint's name. The
            credentials never reach Debezium's config (which Debezium logs) and are hidden in every API response.
            On RDS: enable IAM database authentication on the instance, `GRANT rds_iam TO <user>`, and allow the
            credentials `rds-db:connect` on `arn:aws:rds-db:<region>:<account>:dbuser:<resource-id>/<user>`. RDS
            takes tokens over TLS only: keep `database.sslmode` at `require` or stricter.

            ```json
            "database.user": "cdc_user",
            "sluice.iam.auth": "true"
            ```

            ## Passwords in Secrets Manager

            Any key can name a secret instead of holding it, the password above all: Sluice's workers resolve
            `${secretsmanager:<secret>:<key>}` from AWS Secrets Manager when they validate and start the connector,
            and the config keeps the reference (docs/config-providers.md). `examples/cdc-postgres-secrets.json`
            takes the user and the password from an RDS-style secret (`{"username":...,"password":...}`):

            ```json
            "database.user": "${secretsmanager:shop/cdc:username}",
            "database.password": "${secretsmanager:shop/cdc:password}"
            ```

            ## Incremental snapshots

            Debezium's incremental snapshots re-read a table (or part of one) in chunks while changes keep
            streaming, on demand: for a table added to `table.include.list` later, or to repair a topic. Ask through
            a signal table: create it, add it to the captured tables (so that it is in the publication), and name
            it in `signal.data.collection`:

            ```sql
            CREATE TABLE public.debezium_signal (id varchar(64) PRIMARY KEY, type varchar(32) NOT NULL,
                                                 data varchar(2048));
            ```

            ```json
            "table.include.list": "public.orders,public.debezium_signal",
            "signal.data.collection": "public.debezium_signal"
            ```

            Then a row starts a snapshot of the tables it lists, and the rows come as `"op": "r"` between the
            streamed changes:

            ```sql
            INSERT INTO public.debezium_signal VALUES ('snapshot-orders-1', 'execute-snapshot',
              '{"data-collections": ["public.orders"], "type": "incremental"}');
            ```

            `"additional-conditions"` in the signal limits the rows read; `stop-snapshot` stops one. Debezium's Kafka
            signal channel (`signal.enabled.channels=source,kafka`, `signal.kafka.topic`,
            `signal.kafka.bootstrap.servers`) takes the same signals from a topic, for a database the connector
            may not write to.

            ## Topics

            Kafka Connect creates each table's topic on its first record from the `topic.creation.*` keys of the
            connector's config (the node allows topic creation). The changes of a table with a primary key are
            keyed by it, so a compacted topic keeps the latest state of every row and drops deleted rows after their
            tombstone: that is what `examples/cdc-postgres.json` asks for. Kafka refuses records without a key in a
            compacted topic, so tables without a primary key (whose records have no key) need a group of their own
            that is not compacted:

            ```json
            "topic.creation.default.partitions": "3",
            "topic.creation.default.replication.factor": "-1",
            "topic.creation.default.cleanup.policy": "compact",
            "topic.creation.groups": "keyless",
            "topic.creation.keyless.include": "shop\\\\.public\\\\.audit_log",
            "topic.creation.keyless.cleanup.policy": "delete",
            "topic.creation.keyless.retention.ms": "604800000"
            ```

            A replication factor of `-1` takes the brokers' default. One partition keeps all of a table's changes in
            one order; more spread the load and keep the order per row (per key).

            ## Schema changes

            When a captured table's columns change (`ALTER TABLE ... ADD COLUMN`, a type widened), the records
            after the change carry the new schema (with `JsonConverter` and `schemas.enable`, or a schema registry,
            the new schema travels with them), and the task logs the change at INFO, for example `The columns of
            shop.public.orders changed: added note string; qty int32 not null -> int64 not null`.

            ## Throughput

            For a busy table, these settings (none of them Sluice's defaults) cut the work per change and keep the
            latency low; `./sluice bench cdc-source` runs with them (docs/benchmarks.md):

            ```json
            "poll.interval.ms": "50",
            "max.batch.size": "8192",
            "max.queue.size": "32768",
            "producer.override.linger.ms": "10",
            "producer.override.batch.size": "524288",
            "extended.headers.enabled": "false"
            ```

            `poll.interval.ms` bounds how long a change waits in Debezium's queue (500 ms by default). The batch and
            queue sizes let each poll carry more changes, and the producer settings let each request to Kafka carry
            more records. `extended.headers.enabled=false` leaves out Debezium's context headers: four string
            headers on every record (`__debezium.context.connectorName`, `connectorLogicalName`, `taskId` and
            `runId`), whose names alone take 119 bytes. Leave them on if a consumer reads them. Without them the task
            has no header conversion to do, and the records are smaller. Sluice's tasks also measure Debezium's streaming lag on the capture thread, rather than hand
            each change to a metrics thread.

            ## What validation checks

            Validating a config (and creating a connector, which validates first) connects to the database with it
            and reports, on the key to change: a wrong endpoint or password (Debezium's check), an IAM token the
            database refused (what to check on the instance, the user and the credentials), `wal_level` not
            `logical` (on RDS: `rds.logical_replication=1` in the instance's DB parameter group, then a reboot), and
            a user without replication rights (on RDS: `GRANT rds_replication TO <user>`).

            ## Known limits

            Debezium's `io.debezium.converters.CloudEventsConverter` does not load with Kafka 4.3's `JsonConverter`
            (it looks up a method Kafka 4.3 no longer has): the node logs one ERROR about it when it scans the
            plugin at start, and the converter cannot be used. Everything else in the plugin loads.

            Debezium 3.6.1 hands the streaming lag of every change to a metrics thread through a queue, and under
            load logs `Failed to add measurement event to queue, queue is full` at WARN for each one it drops. Sluice's
            tasks measure the lag on the capture thread instead, so this connector does not log it; Debezium's own
            `io.debezium.connector.postgresql.PostgresConnector`, run unchanged, still may (no change is lost). To
            silence it on a node: `curl -X PUT -H 'Content-Type: application/json' -d '{"level": "ERROR"}'
            $SLUICE_API/admin/loggers/io.debezium.metrics.stats.MeasurementCollector`.

            ## TLS

            `database.sslmode` is `require` by default: RDS accepts TLS on every instance. `./sluice dev`'s
            PostgreSQL has no TLS: configs against it (and the tests) set `"database.sslmode": "disable"`.
            """;

    private RdsPostgresConfigDocs() {
    }

    static String render() {
        return ConfigDocs.markdown("CDC source connector configuration", INTRO, RdsPostgresConfig.CONFIG_DEF);
    }

    /** Writes the reference to the path given as the only argument. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("Usage: RdsPostgresConfigDocs <path of cdc-source.md>");
            System.exit(2);
        }
        Files.writeString(Path.of(args[0]), render(), StandardCharsets.UTF_8);
    }
}
