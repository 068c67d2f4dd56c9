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

            The plugin `sluice-cdc-source` holds two connectors:

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

            Each record's value is then the row as it is after the change; a delete becomes the row's last state
            with `"__deleted": "true"`, followed by its tombstone.

            ## The replication slot

            The slot is created by the task on first start and kept while the connector exists: its tasks stopping
            (a rebalance, a restart, a pause) must not drop it, or the changes made meanwhile are lost, which is why
            Debezium's `slot.drop.on.stop` is off. The slot is dropped when the stopped connector's offsets are
            reset, since they are the slot's position (`PUT /connectors/<name>/stop`, then
            `DELETE /connectors/<name>/offsets`), unless `sluice.slot.retain` is true. Deleting a connector does not
            drop its slot yet: a slot nobody reads holds WAL on the database, so reset the offsets before deleting,
            or drop the slot with `SELECT pg_drop_replication_slot('<slot>')`.

            ## What validation checks

            Validating a config (and creating a connector, which validates first) connects to the database with it
            and reports, on the key to change: a wrong endpoint or password (Debezium's check), `wal_level` not
            `logical` (on RDS: `rds.logical_replication=1` in the instance's DB parameter group, then a reboot), and
            a user without replication rights (on RDS: `GRANT rds_replication TO <user>`).

            ## Known limits

            Debezium's `io.debezium.converters.CloudEventsConverter` does not load with Kafka 4.3's `JsonConverter`
            (it looks up a method Kafka 4.3 no longer has): the node logs one ERROR about it when it scans the
            plugin at start, and the converter cannot be used. Everything else in the plugin loads.

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
