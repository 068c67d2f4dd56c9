package dev.sluice.connect.s3;

import dev.sluice.connect.common.aws.AwsCredentialsConfig;
import dev.sluice.connect.common.aws.Endpoints;
import dev.sluice.connect.common.config.ParsedBy;
import dev.sluice.connect.s3.partition.PartitionerKind;
import dev.sluice.connect.s3.partition.PartitionerSettings;
import dev.sluice.connect.s3.partition.TimestampSource;
import dev.sluice.connect.s3.writer.NullValueBehavior;
import java.nio.file.Path;
import java.time.ZoneId;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.NonEmptyString;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/**
 * The S3 sink's configuration keys. They are Confluent's S3 sink keys, with their meanings, wherever Confluent has
 * one, so that a Confluent config carries over; {@code s3.endpoint}, {@code aws.*}, {@code s3.memory.budget.bytes},
 * {@code s3.spill.dir}, {@code parquet.row.group.size.bytes} and {@code json.envelope.enabled} are Sluice's. The
 * Format and Keys-and-headers groups are defined in {@link S3SinkFormatConfig}, parsing is in
 * {@link S3SinkSettingsParser}, cross-field checks in {@link S3SinkValidator}.
 */
public final class S3SinkConfig {

    public static final String S3_BUCKET = "s3.bucket.name";
    public static final String S3_REGION = "s3.region";
    public static final String S3_ENDPOINT = "s3.endpoint";
    public static final String STORE_URL = "store.url";
    public static final String S3_PATH_STYLE = "s3.path.style.access.enabled";
    public static final String AWS_ACCESS_KEY_ID = AwsCredentialsConfig.AWS_ACCESS_KEY_ID;
    public static final String AWS_SECRET_ACCESS_KEY = AwsCredentialsConfig.AWS_SECRET_ACCESS_KEY;
    public static final String S3_PART_SIZE = "s3.part.size";
    public static final String S3_PART_RETRIES = "s3.part.retries";
    public static final String S3_RETRY_BACKOFF_MS = "s3.retry.backoff.ms";

    public static final String TOPICS_DIR = "topics.dir";
    public static final String DIRECTORY_DELIM = "directory.delim";
    public static final String FILE_DELIM = "file.delim";
    public static final String OFFSET_PAD_WIDTH = "filename.offset.zero.pad.width";
    public static final String MEMORY_BUDGET_BYTES = "s3.memory.budget.bytes";
    public static final String SPILL_DIR = "s3.spill.dir";

    public static final String FLUSH_SIZE = "flush.size";
    public static final String ROTATE_INTERVAL_MS = "rotate.interval.ms";
    public static final String ROTATE_SCHEDULE_INTERVAL_MS = "rotate.schedule.interval.ms";
    public static final String BEHAVIOR_ON_NULL_VALUES = "behavior.on.null.values";
    public static final String TOMBSTONE_PARTITION = "tombstone.encoded.partition";

    public static final String FORMAT_CLASS = "format.class";
    public static final String COMPRESSION_TYPE = "s3.compression.type";
    public static final String COMPRESSION_LEVEL = "s3.compression.level";
    public static final String AVRO_CODEC = "avro.codec";
    public static final String PARQUET_CODEC = "parquet.codec";
    public static final String STORE_KAFKA_KEYS = "store.kafka.keys";
    public static final String STORE_KAFKA_HEADERS = "store.kafka.headers";
    public static final String KEYS_FORMAT_CLASS = "keys.format.class";
    public static final String HEADERS_FORMAT_CLASS = "headers.format.class";
    public static final String JSON_ENVELOPE = "json.envelope.enabled";
    public static final String PARQUET_ROW_GROUP_BYTES = "parquet.row.group.size.bytes";
    public static final String JSON_DECIMAL_FORMAT = "json.decimal.format";
    public static final String BYTEARRAY_SEPARATOR = "format.bytearray.separator";
    public static final String SCHEMA_COMPATIBILITY = "schema.compatibility";

    public static final String PARTITIONER_CLASS = "partitioner.class";
    public static final String PARTITION_FIELD_NAME = "partition.field.name";
    public static final String PARTITION_DURATION_MS = "partition.duration.ms";
    public static final String PATH_FORMAT = "path.format";
    public static final String LOCALE = "locale";
    public static final String TIMEZONE = "timezone";
    public static final String TIMESTAMP_EXTRACTOR = "timestamp.extractor";
    public static final String TIMESTAMP_FIELD = "timestamp.field";

    static final String S3_GROUP = "S3";
    static final String STORAGE_GROUP = "Storage";
    static final String ROTATION_GROUP = "Connector";
    static final String FORMAT_GROUP = "Format";
    static final String KEYS_HEADERS_GROUP = "Keys and headers";
    static final String PARTITIONER_GROUP = "Partitioner";

    /** The keys that say how to reach the bucket; the connector checks the bucket when they are all valid. */
    static final java.util.Set<String> S3_CONNECTION_KEYS = java.util.Set.of(S3_BUCKET, S3_REGION, S3_ENDPOINT,
            STORE_URL, S3_PATH_STYLE, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, S3_PART_RETRIES, S3_RETRY_BACKOFF_MS);

    static final int MIN_PART_SIZE = 5 * 1024 * 1024;
    static final long MIN_MEMORY_BUDGET = 1024 * 1024;

    public static final ConfigDef CONFIG_DEF = new ConfigDef();

    static {
        defineS3(CONFIG_DEF);
        defineStorage(CONFIG_DEF);
        defineRotation(CONFIG_DEF);
        S3SinkFormatConfig.define(CONFIG_DEF);
        definePartitioner(CONFIG_DEF);
    }

    private S3SinkConfig() {
    }

    private static void defineS3(ConfigDef def) {
        int order = 0;
        def.define(S3_BUCKET, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new NonEmptyString(), Importance.HIGH,
                "The bucket the objects are written to.", S3_GROUP, ++order, Width.LONG, "S3 bucket");
        def.define(S3_REGION, Type.STRING, "us-west-2", new NonEmptyString(), Importance.MEDIUM,
                "The AWS region of the bucket (for an S3-compatible store, the region it expects in signatures).",
                S3_GROUP, ++order, Width.MEDIUM, "AWS region");
        def.define(S3_ENDPOINT, Type.STRING, "", Endpoints.validator("http://localhost:9000"), Importance.MEDIUM,
                "The endpoint of an S3-compatible store, such as http://localhost:9000; empty for AWS S3. "
                + "With an endpoint set, request checksums are sent only where S3 requires them, which older "
                + "S3-compatible stores need.", S3_GROUP, ++order, Width.LONG, "S3 endpoint");
        def.define(STORE_URL, Type.STRING, "", Endpoints.validator("http://localhost:9000"), Importance.LOW,
                "Confluent's name for the S3 endpoint; used when " + S3_ENDPOINT + " is empty.",
                S3_GROUP, ++order, Width.LONG, "Store URL");
        def.define(S3_PATH_STYLE, Type.BOOLEAN, true, Importance.LOW,
                "Address the bucket in the path (endpoint/bucket/key) rather than in the host name "
                + "(bucket.endpoint/key). Most S3-compatible stores need path style.",
                S3_GROUP, ++order, Width.SHORT, "Path-style access");
        order = AwsCredentialsConfig.define(def, S3_GROUP, order);
        def.define(S3_PART_SIZE, Type.INT, 25 * 1024 * 1024, Range.between(MIN_PART_SIZE, Integer.MAX_VALUE),
                Importance.HIGH, "The part size of multipart uploads, in bytes. An object up to this size is "
                + "uploaded in one PutObject request, a larger one in parts of this size.",
                S3_GROUP, ++order, Width.MEDIUM, "S3 part size");
        def.define(S3_PART_RETRIES, Type.INT, 3, Range.atLeast(0), Importance.MEDIUM,
                "How many times the S3 client retries a failed request before the task gives up on the batch. "
                + "The task then asks the worker to deliver the batch again after a back-off, so retries "
                + "continue at that level.", S3_GROUP, ++order, Width.SHORT, "S3 part upload retries");
        def.define(S3_RETRY_BACKOFF_MS, Type.LONG, 200L, Range.atLeast(0), Importance.LOW,
                "The first back-off, in milliseconds, before a failed S3 request is retried; each further "
                + "consecutive failure doubles it (up to 1 minute for the worker's redelivery, 20 seconds "
                + "inside the S3 client).", S3_GROUP, ++order, Width.SHORT, "Retry back-off (ms)");
    }

    private static void defineStorage(ConfigDef def) {
        int order = 0;
        def.define(TOPICS_DIR, Type.STRING, "topics", Importance.HIGH,
                "The top folder of the objects: <topics.dir>/<topic>/<encoded partition>/<topic>+<partition>+"
                + "<start offset><extension>. Empty puts topics at the bucket's root.",
                STORAGE_GROUP, ++order, Width.MEDIUM, "Topics directory");
        def.define(DIRECTORY_DELIM, Type.STRING, "/", new NonEmptyString(), Importance.MEDIUM,
                "The delimiter between the folders of an object key.", STORAGE_GROUP, ++order, Width.SHORT,
                "Directory delimiter");
        def.define(FILE_DELIM, Type.STRING, "+", new NonEmptyString(), Importance.MEDIUM,
                "The delimiter between topic, partition and start offset in an object's name.",
                STORAGE_GROUP, ++order, Width.SHORT, "File delimiter");
        def.define(OFFSET_PAD_WIDTH, Type.INT, 10, Range.between(0, 19), Importance.LOW,
                "The start offset in an object's name is padded with zeros to this width, so that names sort "
                + "in offset order.", STORAGE_GROUP, ++order, Width.SHORT, "Filename offset zero pad width");
        def.define(MEMORY_BUDGET_BYTES, Type.LONG, 64L * 1024 * 1024, Range.atLeast(MIN_MEMORY_BUDGET),
                Importance.MEDIUM, "The heap, in bytes, that one task may use for the objects it has open or "
                + "waiting for upload, across all its partitions. Beyond it, objects spill to files in "
                + SPILL_DIR + ". Parquet is the exception: each open Parquet object holds its current row group "
                + "in heap, up to about " + PARQUET_ROW_GROUP_BYTES + ", which cannot spill; that heap counts "
                + "against the budget (so the other objects spill sooner) but may take the total beyond it. The "
                + "bound is then this budget plus the open Parquet objects times " + PARQUET_ROW_GROUP_BYTES
                + ".", STORAGE_GROUP, ++order, Width.MEDIUM, "Memory budget (bytes)");
        def.define(SPILL_DIR, Type.STRING, "", Importance.LOW,
                "Where objects that do not fit in the memory budget are buffered; empty means the JVM's "
                + "temporary directory (java.io.tmpdir).", STORAGE_GROUP, ++order, Width.LONG, "Spill directory");
    }

    private static void defineRotation(ConfigDef def) {
        int order = 0;
        def.define(FLUSH_SIZE, Type.INT, ConfigDef.NO_DEFAULT_VALUE, Range.atLeast(1), Importance.HIGH,
                "The number of records written to a topic partition's objects before they are finished and "
                + "uploaded. Count rotation cuts the same objects on a replay: exactly once.",
                ROTATION_GROUP, ++order, Width.SHORT, "Flush size");
        def.define(ROTATE_INTERVAL_MS, Type.LONG, -1L, Range.atLeast(-1), Importance.HIGH,
                "Finish a topic partition's objects before a record whose time (from " + TIMESTAMP_EXTRACTOR
                + ", which must then be Record or RecordField) is at least this many milliseconds after the "
                + "first record's. Measured on record times, so a replay cuts the same objects: exactly once. "
                + "-1 disables it.", ROTATION_GROUP, ++order, Width.MEDIUM, "Rotate interval (ms)");
        def.define(ROTATE_SCHEDULE_INTERVAL_MS, Type.LONG, -1L, Range.atLeast(-1), Importance.MEDIUM,
                "Finish a topic partition's objects when the wall clock passes a multiple of this many "
                + "milliseconds, aligned to midnight in " + TIMEZONE + ", even if no more records come. Wall-clock "
                + "rotation is at least once: a replay may cut different objects, so records may appear twice. "
                + "-1 disables it.", ROTATION_GROUP, ++order, Width.MEDIUM, "Rotate schedule interval (ms)");
        def.define(BEHAVIOR_ON_NULL_VALUES, Type.STRING, "fail", ParsedBy.parser("fail, ignore, write",
                NullValueBehavior::parse), Importance.LOW,
                "What to do with records whose value is null (tombstones): fail (the record is a bad record: the "
                + "task fails, or with errors.tolerance=all it goes to the dead-letter queue), ignore (skip it) "
                + "or write (write the tombstone's key, and its headers if stored, to the keys and headers objects "
                + "under " + TOMBSTONE_PARTITION + "; as in Confluent no value object is written for tombstones, "
                + "so this needs " + STORE_KAFKA_KEYS + "=true).",
                ROTATION_GROUP, ++order, Width.SHORT, "Behavior for null-valued records");
        def.define(TOMBSTONE_PARTITION, Type.STRING, "tombstone", new NonEmptyString(), Importance.LOW,
                "The encoded partition (folder) of tombstones when " + BEHAVIOR_ON_NULL_VALUES + "=write.",
                ROTATION_GROUP, ++order, Width.SHORT, "Tombstone encoded partition");
    }

    private static void definePartitioner(ConfigDef def) {
        int order = 0;
        def.define(PARTITIONER_CLASS, Type.STRING, PartitionerKind.DEFAULT.shortName(),
                ParsedBy.parser(PartitionerKind.describe(), PartitionerKind::parse), Importance.HIGH,
                "How records are spread over folders: default (partition=<kafka partition>), field (by the "
                + "values of " + PARTITION_FIELD_NAME + "), time (by record time, formatted with " + PATH_FORMAT
                + "), hourly or daily (time with Confluent's preset formats).",
                PARTITIONER_GROUP, ++order, Width.LONG, "Partitioner class");
        def.define(PARTITION_FIELD_NAME, Type.LIST, "", Importance.MEDIUM,
                "The fields the field partitioner uses, comma-separated; nested fields with dots (a.b). Each "
                + "must be an integer, a string or a boolean.", PARTITIONER_GROUP, ++order, Width.LONG,
                "Partition field name");
        def.define(PARTITION_DURATION_MS, Type.LONG, -1L, Range.atLeast(-1), Importance.MEDIUM,
                "The length of the time partitioner's buckets, in milliseconds.", PARTITIONER_GROUP, ++order,
                Width.MEDIUM, "Partition duration (ms)");
        def.define(PATH_FORMAT, Type.STRING, "", ParsedBy.parserOrEmpty("a Joda-Time pattern",
                PartitionerSettings::checkPathFormat), Importance.MEDIUM,
                "The time partitioner's folder pattern, in Joda-Time syntax as Confluent's: "
                + "'year'=YYYY/'month'=MM/'day'=dd/'hour'=HH gives year=2026/month=11/day=25/hour=21.",
                PARTITIONER_GROUP, ++order, Width.LONG, "Path format");
        def.define(LOCALE, Type.STRING, "", ParsedBy.parserOrEmpty("a BCP 47 language tag, such as en-US",
                S3SinkSettingsParser::locale), Importance.MEDIUM,
                "The locale of month and day names in " + PATH_FORMAT + "; empty for the root locale.",
                PARTITIONER_GROUP, ++order, Width.SHORT, "Locale");
        def.define(TIMEZONE, Type.STRING, "", ParsedBy.parserOrEmpty("a zone ID (Europe/Paris, UTC, +01:00)",
                ZoneId::of), Importance.MEDIUM,
                "The time zone of the time partitioner's folders and of the rotation schedule; empty for UTC.",
                PARTITIONER_GROUP, ++order, Width.SHORT, "Timezone");
        def.define(TIMESTAMP_EXTRACTOR, Type.STRING, TimestampSource.WALLCLOCK.configName(),
                ParsedBy.parser("Record, RecordField, Wallclock", TimestampSource::parse), Importance.MEDIUM,
                "Where a record's time comes from, for time partitioning and " + ROTATE_INTERVAL_MS + ": Record "
                + "(the Kafka timestamp), RecordField (" + TIMESTAMP_FIELD + " of the value) or Wallclock (the "
                + "time it is written; not deterministic).", PARTITIONER_GROUP, ++order, Width.SHORT,
                "Timestamp extractor");
        def.define(TIMESTAMP_FIELD, Type.STRING, "timestamp", Importance.MEDIUM,
                "The value field the RecordField extractor reads, nested with dots (a.b): epoch milliseconds, "
                + "a Connect Timestamp, or an ISO-8601 string.", PARTITIONER_GROUP, ++order, Width.MEDIUM,
                "Timestamp field");
    }

    static Path defaultSpillDir() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }
}
