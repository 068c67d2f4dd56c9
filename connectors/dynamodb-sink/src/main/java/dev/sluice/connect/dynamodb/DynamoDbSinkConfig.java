package dev.sluice.connect.dynamodb;

import dev.sluice.connect.common.aws.AwsCredentialsConfig;
import dev.sluice.connect.common.aws.Endpoints;
import dev.sluice.connect.common.config.ParsedBy;
import dev.sluice.connect.dynamodb.mapping.KeyRef;
import java.util.Set;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.NonEmptyString;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/**
 * The DynamoDB sink's configuration keys. They are Confluent's DynamoDB sink keys, with their meanings, wherever
 * Confluent has one, so that a Confluent config carries over; {@code auto.create} (named after Confluent's JDBC
 * sink key), {@code behavior.on.null.values}, {@code ordering.*} and {@code arrays.as.sets} are Sluice's.
 * Parsing is in {@link DynamoDbSinkSettingsParser}, cross-field checks in {@link DynamoDbSinkValidator}.
 */
public final class DynamoDbSinkConfig {

    public static final String REGION = "aws.dynamodb.region";
    public static final String ENDPOINT = "aws.dynamodb.endpoint";
    public static final String AWS_ACCESS_KEY_ID = AwsCredentialsConfig.AWS_ACCESS_KEY_ID;
    public static final String AWS_SECRET_ACCESS_KEY = AwsCredentialsConfig.AWS_SECRET_ACCESS_KEY;
    public static final String MAX_RETRY_TIME_SECONDS = "aws.dynamodb.max.retry.time.seconds";

    public static final String PK_HASH = "aws.dynamodb.pk.hash";
    public static final String PK_SORT = "aws.dynamodb.pk.sort";

    public static final String TABLE_NAME_FORMAT = "table.name.format";
    public static final String AUTO_CREATE = "auto.create";
    public static final String BATCH_SIZE = "batch.size";
    public static final String MAX_RETRIES = "max.retries";
    public static final String RETRY_BACKOFF_MS = "retry.backoff.ms";
    public static final String BEHAVIOR_ON_NULL_VALUES = "behavior.on.null.values";
    public static final String ORDERING_MODE = "ordering.mode";
    public static final String ORDERING_MAX_IN_FLIGHT = "ordering.max.in.flight";

    public static final String ARRAYS_AS_SETS = "arrays.as.sets";

    /** The placeholder in {@link #TABLE_NAME_FORMAT}, as in Confluent's sinks. */
    public static final String TOPIC_PLACEHOLDER = "${topic}";
    /** Where {@code ordering.mode=offset} stores each item's Kafka coordinates. */
    public static final String PARTITION_ATTRIBUTE = "kafka_partition";
    public static final String OFFSET_ATTRIBUTE = "kafka_offset";

    static final String DYNAMODB_GROUP = "DynamoDB";
    static final String KEYS_GROUP = "Keys";
    static final String WRITES_GROUP = "Writes";
    static final String MAPPING_GROUP = "Mapping";

    /** BatchWriteItem takes at most this many items. */
    public static final int MAX_BATCH_SIZE = 25;

    /** The keys that say how to reach the tables; the connector looks the tables up when they are all valid. */
    static final Set<String> TABLE_CHECK_KEYS = Set.of(REGION, ENDPOINT, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,
            PK_HASH, PK_SORT, TABLE_NAME_FORMAT, AUTO_CREATE);

    private static final String KEY_REF_SYNTAX = "partition, offset, key[.<field>], value[.<field>], each with an "
            + "optional :<attribute name>";

    public static final ConfigDef CONFIG_DEF = new ConfigDef();

    static {
        defineDynamoDb(CONFIG_DEF);
        defineKeys(CONFIG_DEF);
        defineWrites(CONFIG_DEF);
        defineMapping(CONFIG_DEF);
    }

    private DynamoDbSinkConfig() {
    }

    private static void defineDynamoDb(ConfigDef def) {
        int order = 0;
        def.define(REGION, Type.STRING, "us-east-1", new NonEmptyString(), Importance.HIGH,
                "The AWS region of the tables (for a DynamoDB-compatible server, the region it expects in "
                + "signatures).", DYNAMODB_GROUP, ++order, Width.MEDIUM, "AWS region");
        def.define(ENDPOINT, Type.STRING, "", Endpoints.validator("http://localhost:4567"), Importance.HIGH,
                "The DynamoDB endpoint, such as http://localhost:4567 for a local server; empty for the "
                + "region's AWS endpoint.", DYNAMODB_GROUP, ++order, Width.LONG, "DynamoDB endpoint");
        order = AwsCredentialsConfig.define(def, DYNAMODB_GROUP, order);
        def.define(MAX_RETRY_TIME_SECONDS, Type.LONG, 5L, Range.atLeast(0), Importance.LOW,
                "How long, in seconds, a task keeps retrying a batch (unprocessed items, throttling, server "
                + "errors, timeouts) before it hands the batch back to the worker, which delivers it again after "
                + "a back-off. Retrying then goes on at that level: the task stays running and nothing is lost.",
                DYNAMODB_GROUP, ++order, Width.SHORT, "Maximum retry time (s)");
    }

    private static void defineKeys(ConfigDef def) {
        int order = 0;
        def.define(PK_HASH, Type.STRING, "partition", ParsedBy.parser(KEY_REF_SYNTAX, KeyRef::parse),
                Importance.HIGH, "Where the table's hash (partition) key comes from: partition (the record's "
                + "Kafka partition), offset (its Kafka offset), key (the record key itself), key.<field> (a field "
                + "of the key, nested with dots), value or value.<field>. An optional :<name> names the attribute; "
                + "otherwise it is named after the last field (or partition, offset, key, value). Examples: "
                + "key, key.customerId, value.userId:user. The attribute name must be the table's hash key.",
                KEYS_GROUP, ++order, Width.LONG, "Hash key");
        def.define(PK_SORT, Type.STRING, "offset", ParsedBy.parserOrEmpty(KEY_REF_SYNTAX + ", or empty",
                KeyRef::parse), Importance.HIGH, "Where the table's sort (range) key comes from, in the syntax of "
                + PK_HASH + "; empty for a table with a hash key only. The defaults (partition and offset) make "
                + "every record a new item; key the items by the record key or a value field to upsert.",
                KEYS_GROUP, ++order, Width.LONG, "Sort key");
    }

    private static void defineWrites(ConfigDef def) {
        int order = 0;
        def.define(TABLE_NAME_FORMAT, Type.STRING, TOPIC_PLACEHOLDER, new NonEmptyString(), Importance.HIGH,
                "The table a record is written to; " + TOPIC_PLACEHOLDER + " stands for the record's topic, as in "
                + "kafka_" + TOPIC_PLACEHOLDER + ".", WRITES_GROUP, ++order, Width.LONG, "Table name format");
        def.define(AUTO_CREATE, Type.BOOLEAN, false, Importance.MEDIUM,
                "Create a missing table, with on-demand capacity and the key schema that " + PK_HASH + " and "
                + PK_SORT + " give (key types from the first record). Off: a missing table stops the task, and "
                + "validation reports it.", WRITES_GROUP, ++order, Width.SHORT, "Auto-create tables");
        def.define(BATCH_SIZE, Type.INT, MAX_BATCH_SIZE, Range.between(1, MAX_BATCH_SIZE), Importance.MEDIUM,
                "The most items in one BatchWriteItem request (DynamoDB allows 25, and 16 MB). Each batch of "
                + "records the worker delivers is written whole, in as many requests as it needs, before its "
                + "offsets are committed.", WRITES_GROUP, ++order, Width.SHORT, "Batch size");
        def.define(MAX_RETRIES, Type.INT, 10, Range.atLeast(0), Importance.MEDIUM,
                "How many times a task retries a request (unprocessed items, throttling, server errors, timeouts) "
                + "before it hands the batch back to the worker, within " + MAX_RETRY_TIME_SECONDS + ". The "
                + "worker then delivers the batch again after a back-off, so retrying never stops the task.",
                WRITES_GROUP, ++order, Width.SHORT, "Maximum retries");
        def.define(RETRY_BACKOFF_MS, Type.LONG, 100L, Range.atLeast(1), Importance.LOW,
                "The first back-off, in milliseconds, before a request is retried; it doubles with each "
                + "consecutive failure (up to 20 seconds within a task, 1 minute between the worker's "
                + "deliveries), and a random half of it is left out so that tasks do not retry in step.",
                WRITES_GROUP, ++order, Width.SHORT, "Retry back-off (ms)");
        def.define(BEHAVIOR_ON_NULL_VALUES, Type.STRING, "delete", ParsedBy.parser("delete, ignore, fail",
                NullValueBehavior::parse), Importance.MEDIUM,
                "What to do with records whose value is null (tombstones): delete (delete the item the record's "
                + "key or Kafka coordinates name; when a key attribute comes from the value, a tombstone names no "
                + "item and is a bad record), ignore (skip it) or fail (a bad record: the task fails, or with errors.tolerance=all it goes to the "
                + "dead-letter queue).", WRITES_GROUP, ++order, Width.SHORT, "Behavior for null-valued records");
        def.define(ORDERING_MODE, Type.STRING, "none", ParsedBy.parser("none, offset", OrderingMode::parse),
                Importance.MEDIUM, "none: BatchWriteItem, keeping the last write per key within a batch; a replay "
                + "after a crash rewrites items in Kafka order, so an item may briefly show an older version. "
                + "offset: each item also stores its record's Kafka partition and offset (" + PARTITION_ATTRIBUTE
                + ", " + OFFSET_ATTRIBUTE + ") and is written with a conditional PutItem or DeleteItem that "
                + "refuses to replace an item written from a later offset of the same partition, so an older "
                + "record never replaces a newer one, even in another task's replay. Costs one request per item.",
                WRITES_GROUP, ++order, Width.SHORT, "Ordering mode");
        def.define(ORDERING_MAX_IN_FLIGHT, Type.INT, 10, Range.between(1, 256), Importance.LOW,
                "With ordering.mode=offset, how many conditional writes a task has in flight at once.",
                WRITES_GROUP, ++order, Width.SHORT, "Conditional writes in flight");
    }

    private static void defineMapping(ConfigDef def) {
        def.define(ARRAYS_AS_SETS, Type.BOOLEAN, false, Importance.LOW,
                "Write non-empty arrays whose elements are all strings, all numbers or all bytes as DynamoDB "
                + "sets (SS, NS, BS; duplicates collapse) instead of lists (L).", MAPPING_GROUP, 1, Width.SHORT,
                "Arrays as sets");
    }
}
