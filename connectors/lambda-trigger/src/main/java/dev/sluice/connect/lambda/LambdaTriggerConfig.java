package dev.sluice.connect.lambda;

import dev.sluice.connect.common.aws.AwsCredentialsConfig;
import dev.sluice.connect.common.aws.Endpoints;
import dev.sluice.connect.common.config.ParsedBy;
import dev.sluice.connect.lambda.filter.FilterCriteria;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.NonEmptyString;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/**
 * The Lambda trigger's configuration keys. Where Confluent's AWS Lambda sink has a key for the same thing
 * ({@code aws.lambda.function.name}, {@code aws.lambda.region}, {@code aws.lambda.invocation.type},
 * {@code aws.lambda.batch.size}, the credentials), it is that key; the others are named after the setting of Lambda's
 * event source mapping that they stand for, which each key's documentation names. Parsing is in
 * {@link LambdaTriggerSettingsParser}, cross-field checks in {@link LambdaTriggerValidator}.
 */
public final class LambdaTriggerConfig {

    public static final String FUNCTION_NAME = "aws.lambda.function.name";
    public static final String QUALIFIER = "aws.lambda.qualifier";
    public static final String INVOCATION_TYPE = "aws.lambda.invocation.type";
    public static final String REGION = "aws.lambda.region";
    public static final String ENDPOINT = "aws.lambda.endpoint";
    public static final String AWS_ACCESS_KEY_ID = AwsCredentialsConfig.AWS_ACCESS_KEY_ID;
    public static final String AWS_SECRET_ACCESS_KEY = AwsCredentialsConfig.AWS_SECRET_ACCESS_KEY;
    public static final String INVOCATION_TIMEOUT_MS = "aws.lambda.invocation.timeout.ms";

    public static final String EVENT_SOURCE_ARN = "aws.lambda.event.source.arn";
    public static final String BOOTSTRAP_SERVERS = "aws.lambda.bootstrap.servers";

    public static final String BATCH_SIZE = "aws.lambda.batch.size";
    public static final String BATCHING_WINDOW_MS = "aws.lambda.maximum.batching.window.ms";
    public static final String FILTER_CRITERIA = "aws.lambda.filter.criteria";
    public static final String MAX_CONCURRENT_INVOCATIONS = "aws.lambda.max.concurrent.invocations";
    public static final String PARTITION_BUFFER_MAX_BYTES = "aws.lambda.partition.buffer.max.bytes";

    public static final String MAX_RETRY_ATTEMPTS = "aws.lambda.maximum.retry.attempts";
    public static final String MAX_RECORD_AGE_SECONDS = "aws.lambda.maximum.record.age.seconds";
    public static final String BISECT_BATCH_ON_FUNCTION_ERROR = "aws.lambda.bisect.batch.on.function.error";
    public static final String FUNCTION_RESPONSE_TYPES = "aws.lambda.function.response.types";
    public static final String DESTINATION_ON_FAILURE = "aws.lambda.destination.on.failure";
    public static final String RETRY_BACKOFF_MS = "retry.backoff.ms";
    public static final String RETRY_BACKOFF_MAX_MS = "retry.backoff.max.ms";

    /** Settings of the on-failure destination's producer, such as its security settings, with this prefix. */
    public static final String DESTINATION_PRODUCER_PREFIX = "aws.lambda.destination.producer.";

    /** The only function response type, as Lambda names it. */
    public static final String REPORT_BATCH_ITEM_FAILURES = "ReportBatchItemFailures";
    /** The scheme of an on-failure destination that is a Kafka topic, as Lambda writes it. */
    public static final String KAFKA_DESTINATION_SCHEME = "kafka://";

    /** The event source mapping's limits. */
    public static final int MAX_BATCH_SIZE = 10_000;
    public static final long MAX_BATCHING_WINDOW_MS = 300_000;
    public static final int MAX_RETRY_ATTEMPTS_LIMIT = 10_000;
    public static final int MIN_RECORD_AGE_SECONDS = 60;
    public static final int MAX_RECORD_AGE_SECONDS_LIMIT = 604_800;
    /** What Lambda applies when retries are infinite and an on-failure destination is set. */
    public static final int RETRY_ATTEMPTS_WITH_DESTINATION = 10;

    static final String LAMBDA_GROUP = "Lambda";
    static final String EVENT_GROUP = "Event";
    static final String BATCHING_GROUP = "Batching";
    static final String ERRORS_GROUP = "Errors";

    /** The keys that say which function to look up and how to reach it; validate() looks it up when all are valid. */
    static final Set<String> FUNCTION_CHECK_KEYS = Set.of(FUNCTION_NAME, QUALIFIER, REGION, ENDPOINT,
            AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY);

    public static final ConfigDef CONFIG_DEF = new ConfigDef();

    static {
        defineLambda(CONFIG_DEF);
        defineEvent(CONFIG_DEF);
        defineBatching(CONFIG_DEF);
        defineErrors(CONFIG_DEF);
    }

    private LambdaTriggerConfig() {
    }

    private static void defineLambda(ConfigDef def) {
        int order = 0;
        def.define(FUNCTION_NAME, Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
                ParsedBy.parser("a function name, partial ARN or ARN, optionally with :<version or alias>",
                        FunctionRef::parse), Importance.HIGH,
                "The function to invoke: its name (my-function), partial ARN (123456789012:function:my-function) "
                + "or ARN, optionally followed by :<version or alias>. Event source mapping: FunctionName.",
                LAMBDA_GROUP, ++order, Width.LONG, "Function name or ARN");
        def.define(QUALIFIER, Type.STRING, "", ParsedBy.parserOrEmpty("a version or alias", FunctionRef::qualifier),
                Importance.MEDIUM, "The version or alias to invoke, when " + FUNCTION_NAME + " does not end with "
                + "one; empty for the unqualified function ($LATEST). Event source mapping: the qualifier of "
                + "FunctionName.", LAMBDA_GROUP, ++order, Width.SHORT, "Qualifier");
        def.define(INVOCATION_TYPE, Type.STRING, InvocationType.REQUEST_RESPONSE.lambdaName(),
                ParsedBy.parser("RequestResponse, Event (or Confluent's sync, async)", InvocationType::parse),
                Importance.MEDIUM, "RequestResponse (synchronous, as the event source mapping invokes): a batch "
                + "counts as processed when the function returns without an error. Event (asynchronous, "
                + "fire-and-forget): a batch counts as processed when Lambda accepts it, so its offsets are "
                + "committed then, function errors are Lambda's to retry, and a batch's event is kept under "
                + "256 KB. Confluent's sync and async mean the same.", LAMBDA_GROUP, ++order, Width.SHORT,
                "Invocation type");
        def.define(REGION, Type.STRING, "us-east-1", new NonEmptyString(), Importance.HIGH,
                "The AWS region of the function (for a Lambda-compatible server, the region it expects in "
                + "signatures). Unset, it is the region of " + FUNCTION_NAME + " when that is an ARN.", LAMBDA_GROUP,
                ++order, Width.MEDIUM, "AWS region");
        def.define(ENDPOINT, Type.STRING, "", Endpoints.validator("http://localhost:9001"), Importance.HIGH,
                "The Lambda endpoint, such as http://localhost:9001 for a local Lambda host; empty for the "
                + "region's AWS endpoint.", LAMBDA_GROUP, ++order, Width.LONG, "Lambda endpoint");
        order = AwsCredentialsConfig.define(def, LAMBDA_GROUP, order);
        def.define(INVOCATION_TIMEOUT_MS, Type.LONG, 900_000L, Range.atLeast(1_000), Importance.LOW,
                "How long one Invoke call may take, in milliseconds, before it counts as a timeout (retried). "
                + "Keep it above the function's own timeout: Lambda answers a synchronous invoke only when the "
                + "function returns, after at most 15 minutes.", LAMBDA_GROUP, ++order, Width.SHORT,
                "Invocation timeout (ms)");
    }

    private static void defineEvent(ConfigDef def) {
        int order = 0;
        def.define(EVENT_SOURCE_ARN, Type.STRING, "", ParsedBy.parserOrEmpty("an ARN, or empty", value -> {
            if (!value.trim().startsWith("arn:")) {
                throw new IllegalArgumentException("Expected an ARN such as "
                        + "arn:aws:kafka:us-east-1:123456789012:cluster/my-cluster/abcd1234-ab12-cd34-ef56-abcdef123456-1");
            }
        }), Importance.MEDIUM, "Set to an MSK cluster's ARN to send Amazon MSK events (eventSource aws:kafka, with "
                + "this eventSourceArn); empty to send self-managed Apache Kafka events (eventSource "
                + "SelfManagedKafka, no eventSourceArn). Event source mapping: EventSourceArn (MSK) or "
                + "SelfManagedEventSource.", EVENT_GROUP, ++order, Width.LONG, "Event source ARN");
        def.define(BOOTSTRAP_SERVERS, Type.STRING, "", Importance.MEDIUM,
                "The brokers of the cluster the topics are in, host:port comma-separated: the event's "
                + "bootstrapServers (left out when empty), and where the on-failure destination writes (Lambda "
                + "requires that topic to be in the same cluster). Kafka Connect does not tell a connector its "
                + "worker's brokers, so set it when " + DESTINATION_ON_FAILURE + " is set. Event source mapping: "
                + "SelfManagedEventSource.Endpoints.KAFKA_BOOTSTRAP_SERVERS (MSK: the cluster's bootstrap brokers).",
                EVENT_GROUP, ++order, Width.LONG, "Bootstrap servers");
    }

    private static void defineBatching(ConfigDef def) {
        int order = 0;
        def.define(BATCH_SIZE, Type.INT, 100, Range.between(1, MAX_BATCH_SIZE), Importance.HIGH,
                "The most records of one topic partition in one invocation. A batch is sent when it has this many "
                + "records, when its batching window has passed, or when one more record would take its event over "
                + "the invoke payload limit (6 MB; 256 KB with Event). Event source mapping: BatchSize.",
                BATCHING_GROUP, ++order, Width.SHORT, "Batch size");
        def.define(BATCHING_WINDOW_MS, Type.LONG, 500L, Range.between(0, MAX_BATCHING_WINDOW_MS), Importance.MEDIUM,
                "How long, in milliseconds, a batch gathers records after its first before it is sent "
                + "(0: send whatever is there as soon as the partition has no invocation in flight). Event source "
                + "mapping: MaximumBatchingWindowInSeconds, here in milliseconds; 500 ms is its default for Kafka.",
                BATCHING_GROUP, ++order, Width.SHORT, "Maximum batching window (ms)");
        def.define(FILTER_CRITERIA, Type.STRING, "", ParsedBy.parserOrEmpty("FilterCriteria JSON, or empty",
                FilterCriteria::parse), Importance.MEDIUM,
                "Only records that match at least one filter invoke the function; the others are skipped and their "
                + "offsets committed. The JSON of the event source mapping, such as {\"Filters\": [{\"Pattern\": "
                + "\"{\\\"value\\\": {\\\"device_ID\\\": [{\\\"prefix\\\": \\\"AB\\\"}]}}\"}]}. Empty: every record. "
                + "Event source mapping: FilterCriteria.", BATCHING_GROUP, ++order, Width.LONG, "Filter criteria");
        def.define(MAX_CONCURRENT_INVOCATIONS, Type.INT, 10, Range.between(1, 1_000), Importance.MEDIUM,
                "How many invocations a task has in flight at once, each for a different topic partition (a "
                + "partition has at most one, so that its records are processed in order). A Sluice setting; the "
                + "event source mapping's counterpart is its number of pollers.", BATCHING_GROUP, ++order,
                Width.SHORT, "Concurrent invocations per task");
        def.define(PARTITION_BUFFER_MAX_BYTES, Type.LONG, 12L * 1024 * 1024, Range.atLeast(1_024), Importance.LOW,
                "How many bytes of events a topic partition may hold in a task (waiting and in flight) before the "
                + "task stops fetching from it until its invocations catch up. A task holds at most about this "
                + "much per assigned partition. A Sluice setting.", BATCHING_GROUP, ++order, Width.SHORT,
                "Buffer per partition (bytes)");
    }

    private static void defineErrors(ConfigDef def) {
        int order = 0;
        def.define(MAX_RETRY_ATTEMPTS, Type.INT, -1, Range.between(-1, MAX_RETRY_ATTEMPTS_LIMIT), Importance.MEDIUM,
                "How many times a batch is retried after the function returns an error (not counting the first "
                + "invocation); -1: until it succeeds, or, with an on-failure destination, 10 times as Lambda does. "
                + "Throttling and Lambda's own errors are retried without counting, until "
                + MAX_RECORD_AGE_SECONDS + ". Event source mapping: MaximumRetryAttempts.", ERRORS_GROUP, ++order,
                Width.SHORT, "Maximum retry attempts");
        def.define(MAX_RECORD_AGE_SECONDS, Type.INT, -1, ParsedBy.parser("-1, or 60 to 604800",
                        value -> recordAge(Integer.parseInt(value.trim()))), Importance.MEDIUM,
                "Records older than this, by their Kafka timestamp, are no longer sent to the function but treated "
                + "as failed (see " + DESTINATION_ON_FAILURE + "); -1: no limit. Event source mapping: "
                + "MaximumRecordAgeInSeconds.", ERRORS_GROUP, ++order, Width.SHORT, "Maximum record age (s)");
        def.define(BISECT_BATCH_ON_FUNCTION_ERROR, Type.BOOLEAN, false, Importance.MEDIUM,
                "When the function returns an error, split the batch in two and retry each half, so that a bad "
                + "record ends up alone. Event source mapping: BisectBatchOnFunctionError.", ERRORS_GROUP, ++order,
                Width.SHORT, "Bisect batch on function error");
        def.define(FUNCTION_RESPONSE_TYPES, Type.LIST, "", ConfigDef.ValidList.in(true, REPORT_BATCH_ITEM_FAILURES),
                Importance.MEDIUM,
                REPORT_BATCH_ITEM_FAILURES + ": the function may return {\"batchItemFailures\": [{\"itemIdentifier\": "
                + "{\"partition\": \"<topic>-<partition>\", \"offset\": <offset>}}]}, and only the records from the "
                + "earliest failed one on are retried. Event source mapping: FunctionResponseTypes.", ERRORS_GROUP,
                ++order, Width.MEDIUM, "Function response types");
        def.define(DESTINATION_ON_FAILURE, Type.STRING, "", ParsedBy.parserOrEmpty("kafka://<topic>, or empty",
                        LambdaTriggerConfig::destinationTopic), Importance.MEDIUM,
                "Where records go that exhausted their retries, exceeded the maximum record age, or alone exceed "
                + "the payload limit: kafka://<topic>, a topic of the cluster in " + BOOTSTRAP_SERVERS + ", written "
                + "in Lambda's format (the record's event and the failure). Empty: such records fail the task (a "
                + "record over the limit goes to the dead-letter queue instead with errors.tolerance=all). "
                + "Event source mapping: DestinationConfig.OnFailure.Destination.", ERRORS_GROUP, ++order,
                Width.LONG, "On-failure destination");
        def.define(RETRY_BACKOFF_MS, Type.LONG, 100L, Range.atLeast(1), Importance.LOW,
                "The first back-off, in milliseconds, before a failed invocation is retried; it doubles with each "
                + "consecutive failure up to " + RETRY_BACKOFF_MAX_MS + ", and a random half of it is left out so "
                + "that partitions do not retry in step. A Sluice setting.", ERRORS_GROUP, ++order, Width.SHORT,
                "Retry back-off (ms)");
        def.define(RETRY_BACKOFF_MAX_MS, Type.LONG, 30_000L, Range.atLeast(1), Importance.LOW,
                "The longest back-off between retries, in milliseconds. A Sluice setting.", ERRORS_GROUP, ++order,
                Width.SHORT, "Maximum retry back-off (ms)");
    }

    /** The maximum record age of a valid value; empty for none. */
    static Optional<Duration> recordAge(int seconds) {
        if (seconds == -1) {
            return Optional.empty();
        }
        if (seconds < MIN_RECORD_AGE_SECONDS || seconds > MAX_RECORD_AGE_SECONDS_LIMIT) {
            throw new IllegalArgumentException("The maximum record age is -1 (none) or " + MIN_RECORD_AGE_SECONDS
                    + " to " + MAX_RECORD_AGE_SECONDS_LIMIT + " seconds, as Lambda allows");
        }
        return Optional.of(Duration.ofSeconds(seconds));
    }

    /** The topic of a valid destination value; accepts a bare topic name too. */
    static String destinationTopic(String value) {
        String trimmed = value.trim();
        String topic = trimmed.startsWith(KAFKA_DESTINATION_SCHEME)
                ? trimmed.substring(KAFKA_DESTINATION_SCHEME.length()) : trimmed;
        if (topic.contains("://")) {
            throw new IllegalArgumentException("Only a Kafka topic can be the destination, written "
                    + KAFKA_DESTINATION_SCHEME + "<topic>");
        }
        if (!topic.matches("[a-zA-Z0-9._-]{1,249}") || topic.equals(".") || topic.equals("..")) {
            throw new IllegalArgumentException("'" + topic + "' is not a Kafka topic name: 1 to 249 letters, digits, "
                    + "'.', '_' or '-'");
        }
        return topic;
    }
}
