package dev.sluice.connect.lambda;

import dev.sluice.connect.common.docs.ConfigDocs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Renders the Lambda trigger's configuration reference, {@code docs/connectors/lambda-trigger.md}. Run {@link #main}
 * with the file's path, or {@code ./mvnw -pl connectors/lambda-trigger test -Dtest=LambdaTriggerConfigDocsTest
 * -Dlambdatrigger.docs.write=true}, which writes it to its place in the repository.
 */
public final class LambdaTriggerConfigDocs {

    static final String INTRO = """
            <!-- Generated from LambdaTriggerConfig.CONFIG_DEF and LambdaTriggerConfigDocs.INTRO; do not edit. Regenerate with
                 ./mvnw -pl connectors/lambda-trigger test -Dtest=LambdaTriggerConfigDocsTest -Dlambdatrigger.docs.write=true -->

            Connector class: `dev.sluice.connect.lambda.LambdaTriggerConnector`.

            The Lambda trigger invokes a function once per batch of records with the event that Lambda's Kafka event
            source mapping sends, so a function that Lambda triggers from an MSK or self-managed Kafka topic today
            works unchanged. Its keys are those of Confluent's AWS Lambda sink where Confluent has one
            (`aws.lambda.function.name`, `aws.lambda.region`, `aws.lambda.invocation.type`, `aws.lambda.batch.size`,
            `aws.access.key.id`, `aws.secret.access.key`); the others are named after the setting of the event source
            mapping they stand for, which each key's description names.

            Use `ByteArrayConverter` for `key.converter`, `value.converter` and `header.converter`
            (`org.apache.kafka.connect.converters.ByteArrayConverter`): the function then gets exactly the bytes that
            are in Kafka, as from Lambda. With other converters the connector encodes what they give: strings as UTF-8;
            structs, maps and arrays as JSON (bytes inside as base64 strings, decimals as numbers, dates and times as
            epoch milliseconds); numbers and booleans as their JSON text. Kafka Connect's default header converter
            turns header bytes into strings or numbers, which are encoded back the same way, so set
            `header.converter` to `ByteArrayConverter` for header bytes to arrive exactly.

            ## The event

            Each invocation carries records of one topic partition, in offset order:

            ```json
            {
              "eventSource": "SelfManagedKafka",
              "bootstrapServers": "b-1.example:9092,b-2.example:9092",
              "records": {
                "orders-0": [
                  {
                    "topic": "orders",
                    "partition": 0,
                    "offset": 15,
                    "timestamp": 1545084650987,
                    "timestampType": "CREATE_TIME",
                    "key": "cmVjb3JkS2V5",
                    "value": "eyJrZXkiOiJ2YWx1ZSJ9",
                    "headers": [{"headerKey": [104, 101, 97, 100, 101, 114, 86, 97, 108, 117, 101]}]
                  }
                ]
              }
            }
            ```

            - With `aws.lambda.event.source.arn` set to an MSK cluster's ARN, `eventSource` is `aws:kafka` and
              `eventSourceArn` follows it, as in Lambda's MSK events; otherwise it is `SelfManagedKafka` without one.
              `bootstrapServers` is `aws.lambda.bootstrap.servers`, and is left out when that is empty.
            - `key` and `value` are base64; a null key or value (a tombstone) is left out. `timestampType` is
              `CREATE_TIME` or `LOG_APPEND_TIME`; a record without a timestamp has `-1` and `NO_TIMESTAMP_TYPE`.
            - `headers` is a list of single-entry objects, in the record's order (a key may repeat), each value an array
              of the header's bytes as signed numbers (-128 to 127), as Lambda writes them; a header without a value
              is `null`.
            - Records are named by their topic, partition and offset in Kafka, whatever single message transforms did.
            - Java handlers read it as `com.amazonaws.services.lambda.runtime.events.KafkaEvent`.

            ## Batching and concurrency

            A task gathers each partition's records into batches as the event source mapping does: a batch is sent when
            it has `aws.lambda.batch.size` records, when one more would take its event over Lambda's invoke payload
            limit (6 MB, 6,291,456 bytes, measured on the event's exact JSON; 256 KB with `Event`), or when
            `aws.lambda.maximum.batching.window.ms` has passed since its first record arrived. Each partition has at
            most one invocation in flight, so its records are processed in order; different partitions are invoked
            concurrently, up to `aws.lambda.max.concurrent.invocations` per task (and `tasks.max` tasks share the
            partitions). The worker's thread only places records in batches; invocations run on the task's own
            threads. A partition that holds more than `aws.lambda.partition.buffer.max.bytes` (waiting and in flight)
            is paused until its invocations catch up, so a task's memory stays bounded.

            Throughput is mostly a matter of CPU on the worker. Each record costs the task thread a few microseconds
            (Kafka's consumer, Kafka Connect's conversion, the record's JSON and base64). Each invocation costs the AWS
            SDK about a millisecond of CPU for 100 records of 1 KiB (signing the payload, HTTP), a little more for
            bigger events. So larger batches raise what a worker can send, if the function can take them. In
            `./sluice bench lambda-trigger` (1 KiB records, two cores shared with the broker and the function):
            - `aws.lambda.batch.size=100` gave about 25,000 records/s;
            - `aws.lambda.batch.size=500` gave 35,500 records/s.
            More `tasks.max` spreads the per-record work over more threads. That helps only when the worker has idle
            cores. docs/benchmarks.md has the figures.

            ## Filtering

            `aws.lambda.filter.criteria` takes the event source mapping's `FilterCriteria`, such as
            `{"Filters": [{"Pattern": "<pattern>"}]}`, where each pattern is a JSON object in Lambda's filter syntax
            (the pattern may also be given as an object instead of a string). A record invokes the function when it
            matches any pattern; records that match none are skipped, and their offsets are committed with those of the
            records around them, as Lambda commits unmatched messages.

            A pattern names the record's fields as the event does: `topic`, `partition`, `offset`, `timestamp`,
            `timestampType`, `key` (the event's base64 text) and `value`. The value is decoded as UTF-8: a value that
            is a JSON object is matched field by field by a pattern with an object under `value`, such as
            `{"value": {"device_ID": [{"prefix": "AB"}]}}`; any other text is matched as one string by rules directly
            under `value`, such as `{"value": [{"anything-but": ["error"]}]}`. When the pattern's form and the value's
            differ, or the value is not UTF-8, the pattern is matched on the other fields only, as Lambda documents for
            Kafka. A tombstone has no `value` field.

            | Rule | Example |
            | --- | --- |
            | exact value (string, number, boolean, null; numbers compared by their text, so 300 is not 300.0) | `"City": ["Seattle", "Portland"]` |
            | empty string | `"LastName": [""]` |
            | equals, ignoring case | `"Name": [{"equals-ignore-case": "alice"}]` |
            | prefix, suffix (also `{"prefix": {"equals-ignore-case": "US-"}}`) | `"Region": [{"prefix": "us-"}]`, `"File": [{"suffix": ".png"}]` |
            | anything but (values, or a prefix, suffix or equals-ignore-case) | `"Weather": [{"anything-but": ["Raining"]}]` |
            | numeric comparisons (=, <, <=, >, >=; one or two) | `"Price": [{"numeric": [">", 10, "<=", 20]}]` |
            | exists, does not exist (leaves only) | `"ProductName": [{"exists": true}]` |
            | and: several fields | `"Location": ["New York"], "Day": ["Monday"]` |
            | or: several patterns, or `$or` at one level | `"$or": [{"Location": ["New York"]}, {"Day": ["Monday"]}]` |

            A rule matches an array value when it matches any element. Other operators (such as `wildcard` or `cidr`)
            are refused when the connector is configured.

            ## Errors and retries

            - **Function errors** (Lambda answers with `X-Amz-Function-Error`): the batch is retried with back-off
              (`retry.backoff.ms`, doubling up to `retry.backoff.max.ms`, with jitter), up to
              `aws.lambda.maximum.retry.attempts` retries (-1: until it succeeds; 10 when an on-failure destination is
              set, as Lambda does). With `aws.lambda.bisect.batch.on.function.error`, a failed batch is split in two
              and each half retried, so that a bad record ends up alone.
            - **Partial batch response**: with `aws.lambda.function.response.types=ReportBatchItemFailures`, the
              function may return `{"batchItemFailures": [{"itemIdentifier": {"partition": "orders-0", "offset": 17}}]}`,
              the identifier Lambda defines for Kafka: the partition as the event names it, and the record's offset.
              The records before the earliest failed one are done; it and the ones after it are retried (counting as a
              retry). No `batchItemFailures`, `null`, an empty list or an empty response mean that every record
              succeeded; an identifier that names no record of the batch, or a response that is not JSON, fails the
              whole batch.
            - **Throttling and Lambda's own errors** (429, 5xx, a function being updated), timeouts and dropped
              connections are retried with the same back-off without counting as retries, until the records are older
              than `aws.lambda.maximum.record.age.seconds` (by default, for ever): a Lambda outage stops the
              partitions, it does not lose records.
            - **Records given up on** (retries exhausted, older than the maximum record age, or one record alone over
              the payload limit) go to the on-failure destination; without one, the task fails with a message that
              names them and says what to change, and restarts from the last committed offset. A record over the
              payload limit goes to the dead-letter queue instead when there is no destination and
              `errors.tolerance=all`.
            - **Records that fit no event at all** (a converter gave a type that has no encoding) go to the
              errant-record reporter with `errors.tolerance=all` (and on to `errors.deadletterqueue.topic.name`),
              or fail the task, naming the record.
            - **A missing function**, one that Lambda cannot run, or denied access fail the task with a message that
              says what to change. Validating the config looks the function up (GetFunction) and reports a missing one
              on `aws.lambda.function.name`; when Lambda cannot be reached then, or the credentials may invoke but not
              look up, the function is not checked until the task runs.

            ## On-failure destination

            `aws.lambda.destination.on.failure=kafka://<topic>` writes each record given up on to that topic of the
            cluster in `aws.lambda.bootstrap.servers` (Lambda requires the same cluster as the source; Kafka Connect
            does not tell a connector its worker's brokers, so the key must be set). It must not be a topic the
            connector reads. Each failed record becomes one record, under the failed record's own key (so it is
            partitioned alike), whose value is Lambda's format for a Kafka destination:

            ```json
            {
              "requestContext": {
                "requestId": "e4b46cbf-b738-xmpl-8880-a18cdf61200e",
                "functionArn": "my-function",
                "condition": "RetryAttemptsExhausted",
                "approximateInvokeCount": 11
              },
              "responseContext": {
                "statusCode": 200,
                "executedVersion": "$LATEST",
                "functionError": "Unhandled",
                "errorMessage": "java.lang.IllegalStateException: bad order"
              },
              "version": "1.0",
              "timestamp": "2026-01-01T00:00:05.568Z",
              "KafkaBatchInfo": {
                "batchSize": 1,
                "bootstrapServers": "b-1.example:9092",
                "payloadSize": 402,
                "recordInfo": {"offset": "17", "timestamp": "2026-01-01T00:00:04.835Z"}
              },
              "payload": {"eventSource": "SelfManagedKafka", "bootstrapServers": "b-1.example:9092", "records": {"orders-0": [{"topic": "orders", "...": "..."}]}}
            }
            ```

            `condition` is `RetryAttemptsExhausted`, `RecordAgeExceeded` or `MaximumPayloadSizeExceeded`;
            `responseContext` is the last failed invocation's (null when there was none, as for a record over the
            payload limit); `payload` is the event with that record alone; `batchSize` counts the records given up on
            together; `functionArn` is the function as configured (with its qualifier). `eventSourceArn` appears when
            `aws.lambda.event.source.arn` is set. Sluice adds `responseContext.errorMessage`: the function's
            `errorType: errorMessage`, or what was wrong with its partial batch response.

            The producer writes with `acks=all` and room for 8 MB records (a record over the payload limit travels
            whole; the topic's `max.message.bytes` must admit what it is to take). Any producer setting can be given
            with the prefix `aws.lambda.destination.producer.`, such as `aws.lambda.destination.producer.security.protocol`
            and the `sasl.*` settings for a secured cluster, or `aws.lambda.destination.producer.compression.type`. A
            record is committed only once the destination has acknowledged it.

            ## Delivery

            Offsets are committed per partition only up to the last record whose batch is done: invoked successfully,
            written to the on-failure destination, or skipped. A task that stops or loses a partition drops what it
            holds for it, and the records are delivered again from the last committed offset; a batch that was in
            flight may be invoked again. Delivery is at least once, as from Lambda: make the function idempotent (the
            event carries each record's partition and offset for that).

            With `aws.lambda.invocation.type=Event`, a batch is done when Lambda accepts it (fire-and-forget): its
            offsets are committed then, function errors are retried by Lambda's asynchronous invocation (and its own
            destinations), and partial batch responses and bisection do not apply.
            """;

    private LambdaTriggerConfigDocs() {
    }

    static String render() {
        return ConfigDocs.markdown("Lambda trigger connector configuration", INTRO, LambdaTriggerConfig.CONFIG_DEF);
    }

    /** Writes the reference to the path given as the only argument. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("Usage: LambdaTriggerConfigDocs <path of lambda-trigger.md>");
            System.exit(2);
        }
        Files.writeString(Path.of(args[0]), render(), StandardCharsets.UTF_8);
    }
}
