package dev.sluice.connect.dynamodb;

import dev.sluice.connect.common.docs.ConfigDocs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Renders the DynamoDB sink's configuration reference, {@code docs/connectors/dynamodb-sink.md}. Run {@link #main}
 * with the file's path, or {@code ./mvnw -pl connectors/dynamodb-sink test -Dtest=DynamoDbSinkConfigDocsTest
 * -Ddynamodbsink.docs.write=true}, which writes it to its place in the repository.
 */
public final class DynamoDbSinkConfigDocs {

    static final String INTRO = """
            <!-- Generated from DynamoDbSinkConfig.CONFIG_DEF; do not edit. Regenerate with
                 ./mvnw -pl connectors/dynamodb-sink test -Dtest=DynamoDbSinkConfigDocsTest -Ddynamodbsink.docs.write=true -->

            Connector class: `dev.sluice.connect.dynamodb.DynamoDbSinkConnector`.

            The keys are those of Confluent's DynamoDB sink, with the same meanings, wherever Confluent has one, so a
            Confluent DynamoDB sink config carries over: `table.name.format`, `aws.dynamodb.pk.hash`,
            `aws.dynamodb.pk.sort`, `aws.dynamodb.region`, `aws.dynamodb.endpoint`,
            `aws.dynamodb.max.retry.time.seconds`, `batch.size`, `max.retries`, `retry.backoff.ms`,
            `aws.access.key.id` and `aws.secret.access.key`. Sluice adds `auto.create` (the name Confluent's JDBC
            sink uses), `behavior.on.null.values`, `ordering.mode`, `ordering.max.in.flight` and `arrays.as.sets`.
            Other keys of Confluent's are accepted and ignored: credentials come from the two keys below or from
            the default AWS chain.

            ## Items

            A record's value becomes an item: a Connect struct, a schemaless map, or a string holding a JSON object,
            each field an attribute. Strings are S; integers, floats and decimals are N, written exactly (a decimal
            keeps its digits; at most 38 significant digits, as DynamoDB allows); booleans are BOOL; bytes are B;
            nested structs and maps are M; arrays are L (or SS, NS, BS with `arrays.as.sets`); nulls are NULL;
            Connect's Date, Time and Timestamp are N, in epoch milliseconds. A value that is none of struct, map or
            JSON object goes to the attribute `value`. The key attributes (see `aws.dynamodb.pk.hash`) are added to
            the item, and must be a non-empty string, number or binary of the table's key type.

            A record that cannot become an item — its key attributes missing or of the wrong type, invalid JSON, a
            number DynamoDB cannot hold, or an item over 400 KB as DynamoDB counts it — is a bad record: with
            `errors.tolerance=all` it goes to the errant-record reporter (and the dead-letter queue, if
            `errors.deadletterqueue.topic.name` is set), otherwise the task fails, naming its topic, partition and
            offset. A missing table (without `auto.create`), a table whose key is not the configured one, and
            denied access fail the task with a message that says what to change; validating the config reports a
            missing table or a mismatched key for every topic in `topics` (the topics of `topics.regex` are only
            known once the task runs). Throttling, server errors and timeouts
            are retried with back-off, then handed back to the worker, which delivers the batch again: the task
            stays running and nothing is lost.

            ## Delivery and ordering

            Each batch of records is written whole before its offsets can be committed, so a crash replays
            records, and writing an item again is harmless. DynamoDB rejects a batch that names one key twice, so
            within a batch only the last write per key is sent.

            - `ordering.mode=none` (BatchWriteItem): at least once, and after a replay the table ends as if there
              had been no crash, because records are written again in Kafka order. While a replay runs, an item
              may briefly go back to an older version; if two tasks write one key (a rebalance with a task that
              has not stopped yet), the last to write wins.
            - `ordering.mode=offset` (conditional PutItem and DeleteItem, `ordering.max.in.flight` at once): each
              item stores the partition and offset of its record in `kafka_partition` and `kafka_offset`, and a
              write goes through only if the item is missing, came from another partition, or from an earlier
              offset. An older record of a partition never replaces a newer one, whoever replays it. Writes of one
              key from different partitions are not ordered (Kafka does not order them either). A delete removes
              the stored offset with the item, so a replay of an older record can bring the item back until the
              replay reaches the tombstone again. It costs one request per item instead of one per 25.
            """;

    private DynamoDbSinkConfigDocs() {
    }

    static String render() {
        return ConfigDocs.markdown("DynamoDB sink connector configuration", INTRO, DynamoDbSinkConfig.CONFIG_DEF);
    }

    /** Writes the reference to the path given as the only argument. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("Usage: DynamoDbSinkConfigDocs <path of dynamodb-sink.md>");
            System.exit(2);
        }
        Files.writeString(Path.of(args[0]), render(), StandardCharsets.UTF_8);
    }
}
