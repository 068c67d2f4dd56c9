package dev.sluice.testkit;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.sluice.testkit.lambda.FunctionPackages;
import dev.sluice.testkit.lambda.KafkaEventRecorder;
import dev.sluice.testkit.lambda.PartialBatchHandler;
import dev.sluice.testkit.lambda.PoisonPillHandler;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Lambda trigger on a worker node against the local Lambda host, with real Java handlers that take AWS's own
 * {@code KafkaEvent}: what a function receives (every field of Lambda's Kafka event, every record once and in order),
 * batch sizes and windows, retries with bisection into the on-failure topic, partial batch responses, filtering, a
 * Lambda outage, and a missing function.
 */
class LambdaTriggerIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONNECTOR_CLASS = "dev.sluice.connect.lambda.LambdaTriggerConnector";
    private static final String BYTES = "org.apache.kafka.connect.converters.ByteArrayConverter";

    private static SluiceTestEnvironment env;
    private static LambdaClient lambda;
    private static TopicWriter writer;
    private static ConnectRestClient connect;

    @BeforeAll
    static void start() {
        env = SluiceTestEnvironment.get();
        lambda = env.lambdaClient();
        writer = new TopicWriter(env.bootstrapServers());
        connect = env.connect();
    }

    @AfterAll
    static void stop() {
        writer.close();
        lambda.close();
    }

    @Test
    void everyRecordArrivesOnceInOffsetOrderAsLambdasKafkaEvent() {
        String topic = "lt-events";
        writer.createTopic(topic, 3);
        List<ProducerRecord<byte[], byte[]>> sent = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            var headers = new RecordHeaders()
                    .add(new RecordHeader("trace", bytes("t-" + i)))
                    .add(new RecordHeader("trace", new byte[] {(byte) i, -1}))  // a repeated key, signed bytes
                    .add(new RecordHeader("empty", null));
            // every tenth record has no key; values carry bytes that are not UTF-8
            byte[] key = i % 10 == 0 ? null : bytes("key-" + i);
            byte[] value = concat(bytes("value-" + i + "-"), new byte[] {0, (byte) 0xff, (byte) 0x80, (byte) i});
            var record = new ProducerRecord<>(topic, i % 3, 1_700_000_000_000L + i, key, value, headers);
            writer.send(record);
            sent.add(record);
        }
        TestFunction function = TestFunction.create("events", KafkaEventRecorder.class);

        run("lt-events-trigger", config(topic, function, Map.of()), Map.of(topic + "-0", 100L,
                topic + "-1", 100L, topic + "-2", 100L));

        List<Delivery> deliveries = function.deliveries();
        assertThat(deliveries).hasSize(300);
        for (int partition = 0; partition < 3; partition++) {
            int p = partition;
            assertThat(deliveries.stream().filter(d -> d.partition() == p).map(Delivery::offset))
                    .as("partition %d: every offset once, in order", p)
                    .containsExactlyElementsOf(IntStream.range(0, 100).mapToObj(Long::valueOf).toList());
        }
        for (Delivery delivery : deliveries) {
            // records went to partitions round-robin, so record i is at offset i / 3 of partition i % 3
            int i = (int) delivery.offset() * 3 + delivery.partition();
            ProducerRecord<byte[], byte[]> record = sent.get(i);
            JsonNode line = delivery.line();
            assertThat(line.get("eventSource").asText()).isEqualTo("SelfManagedKafka");
            assertThat(line.get("eventSourceArn").isNull()).isTrue();
            assertThat(line.get("bootstrapServers").asText()).isEqualTo(env.bootstrapServers());
            assertThat(line.get("recordsKey").asText()).isEqualTo(topic + "-" + delivery.partition());
            assertThat(line.get("topic").asText()).isEqualTo(topic);
            assertThat(line.get("timestamp").asLong()).isEqualTo(record.timestamp());
            assertThat(line.get("timestampType").asText()).isEqualTo("CREATE_TIME");
            assertThat(delivery.bytes("key")).isEqualTo(record.key());
            assertThat(delivery.bytes("value")).isEqualTo(record.value());
            assertThat(line.get("headers").toString()).isEqualTo("[{\"trace\":" + signed(bytes("t-" + i))
                    + "},{\"trace\":[" + (byte) i + ",-1]},{\"empty\":null}]");
        }
        assertThat(connect.delete("/connectors/lt-events-trigger").status()).isEqualTo(204);
    }

    @Test
    void anMskEventSourceArnMakesAwsKafkaEvents() {
        String topic = "lt-msk";
        writer.createTopic(topic, 1);
        sendValues(topic, 1, List.of("a", "b", "c"));
        TestFunction function = TestFunction.create("msk", KafkaEventRecorder.class);
        String arn = "arn:aws:kafka:us-east-1:000000000000:cluster/orders/0b3f-1";

        run("lt-msk-trigger", config(topic, function, Map.of("aws.lambda.event.source.arn", arn)),
                Map.of(topic + "-0", 3L));

        assertThat(function.deliveries()).extracting(Delivery::value).containsExactly("a", "b", "c");
        assertThat(function.deliveries()).allSatisfy(d -> {
            assertThat(d.line().get("eventSource").asText()).isEqualTo("aws:kafka");
            assertThat(d.line().get("eventSourceArn").asText()).isEqualTo(arn);
        });
        assertThat(connect.delete("/connectors/lt-msk-trigger").status()).isEqualTo(204);
    }

    @Test
    void batchesHoldAtMostTheBatchSizeAndWaitForTheBatchingWindow() {
        String topic = "lt-batches";
        writer.createTopic(topic, 1);
        sendValues(topic, 1, IntStream.range(0, 50).mapToObj(i -> "b-" + i).toList());
        TestFunction function = TestFunction.create("batches", KafkaEventRecorder.class);
        String name = "lt-batches-trigger";

        run(name, config(topic, function, Map.of("aws.lambda.batch.size", "7",
                "aws.lambda.maximum.batching.window.ms", "2000")), Map.of(topic + "-0", 50L));

        Map<String, List<Delivery>> invocations = byInvocation(function.deliveries());
        assertThat(invocations.values()).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(7)
                .allSatisfy(d -> assertThat(d.batchSize()).isEqualTo(batch.size())));
        assertThat(invocations.values().stream().mapToInt(List::size).sum()).isEqualTo(50);
        // 50 records waiting: full batches go at once, not one record at a time
        assertThat(invocations.values()).extracting(List::size).contains(7);

        // three records sent one after the other, and then one alone: each waits out the window of its first
        sendValues(topic, 1, List.of("w-0", "w-1", "w-2"));
        await().atMost(WAIT).until(() -> connect.sinkOffsets(name).equals(Map.of(topic + "-0", 53L)));
        sendValues(topic, 1, List.of("lone"));
        await().atMost(WAIT).until(() -> connect.sinkOffsets(name).equals(Map.of(topic + "-0", 54L)));

        List<Delivery> windowed = function.deliveries().stream().filter(d -> d.offset() >= 50).toList();
        assertThat(windowed).extracting(Delivery::value).containsExactly("w-0", "w-1", "w-2", "lone");
        assertThat(windowed.subList(0, 3)).extracting(Delivery::requestId).containsOnly(windowed.get(0).requestId());
        assertThat(windowed.get(3).requestId()).isNotEqualTo(windowed.get(0).requestId());
        for (Delivery first : List.of(windowed.get(0), windowed.get(3))) {
            // a record reaches the connector after it was written: it was invoked a window after that, or later
            assertThat(first.invokedAt() - first.line().get("timestamp").asLong()).isGreaterThanOrEqualTo(2000);
        }
        assertThat(connect.delete("/connectors/" + name).status()).isEqualTo(204);
    }

    @Test
    void aRecordTheFunctionFailsOnIsIsolatedAndSetAsideInTheOnFailureTopic() throws IOException {
        String topic = "lt-poison";
        String failed = "lt-poison-failed";
        writer.createTopic(topic, 2).createTopic(failed, 1);
        // record 9 is at offset 4 of partition 1, record 14 at offset 7 of partition 0
        List<String> values = IntStream.range(0, 24)
                .mapToObj(i -> (i == 9 || i == 14 ? PoisonPillHandler.MARKER : "good") + "-" + i).toList();
        sendValues(topic, 2, values);
        TestFunction function = TestFunction.create("poison", PoisonPillHandler.class);

        // batches of up to 8 take three halvings to isolate a record: 3 retries suffice
        run("lt-poison-trigger", config(topic, function, Map.of("aws.lambda.batch.size", "8",
                "aws.lambda.bisect.batch.on.function.error", "true", "aws.lambda.maximum.retry.attempts", "3",
                "aws.lambda.destination.on.failure", "kafka://" + failed)), Map.of(topic + "-0", 12L,
                topic + "-1", 12L));

        // every good record reached the function (some more than once, with the half of a batch that failed)
        assertThat(function.deliveries().stream().map(Delivery::value).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(values.stream().filter(v -> v.startsWith("good")).toList());
        List<ConsumerRecord<byte[], byte[]>> setAside = TopicReader.readAll(env.bootstrapServers(), failed);
        assertThat(setAside).extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
                .containsExactlyInAnyOrder("k-9", "k-14");
        for (ConsumerRecord<byte[], byte[]> record : setAside) {
            int i = Integer.parseInt(new String(record.key(), StandardCharsets.UTF_8).substring(2));
            int partition = i % 2;
            JsonNode failure = JSON.readTree(record.value());
            assertThat(failure.at("/requestContext/condition").asText()).isEqualTo("RetryAttemptsExhausted");
            assertThat(failure.at("/requestContext/functionArn").asText()).isEqualTo(function.name());
            assertThat(failure.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(4);
            assertThat(failure.at("/requestContext/requestId").asText()).isNotBlank();
            assertThat(failure.at("/responseContext/statusCode").asInt()).isEqualTo(200);
            assertThat(failure.at("/responseContext/executedVersion").asText()).isEqualTo("$LATEST");
            assertThat(failure.at("/responseContext/functionError").asText()).isEqualTo("Unhandled");
            assertThat(failure.at("/responseContext/errorMessage").asText()).isEqualTo(
                    "java.lang.IllegalStateException: cannot process the poison record at offset " + i / 2
                            + " of " + topic + "-" + partition);
            assertThat(failure.get("version").asText()).isEqualTo("1.0");
            assertThat(failure.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
            assertThat(failure.at("/KafkaBatchInfo/batchSize").asInt()).isEqualTo(1);
            assertThat(failure.at("/KafkaBatchInfo/bootstrapServers").asText()).isEqualTo(env.bootstrapServers());
            assertThat(failure.at("/KafkaBatchInfo/recordInfo/offset").asText()).isEqualTo(String.valueOf(i / 2));
            JsonNode payload = failure.get("payload");
            assertThat(failure.at("/KafkaBatchInfo/payloadSize").asInt())
                    .isEqualTo(JSON.writeValueAsBytes(payload).length);
            assertThat(payload.get("eventSource").asText()).isEqualTo("SelfManagedKafka");
            JsonNode event = payload.at("/records/" + topic + "-" + partition + "/0");
            assertThat(event.get("offset").asLong()).isEqualTo(i / 2);
            assertThat(new String(Base64.getDecoder().decode(event.get("value").asText()), StandardCharsets.UTF_8))
                    .isEqualTo("poison-" + i);
        }
        assertThat(connect.delete("/connectors/lt-poison-trigger").status()).isEqualTo(204);
    }

    @Test
    void aPartialBatchResponseRetriesFromTheFailedRecordOnly() {
        String topic = "lt-partial";
        writer.createTopic(topic, 1);
        sendValues(topic, 1, IntStream.range(0, 10)
                .mapToObj(i -> (i == 4 ? PartialBatchHandler.MARKER : "ok") + "-" + i).toList());
        TestFunction function = TestFunction.create("partial", PartialBatchHandler.class);

        run("lt-partial-trigger", config(topic, function, Map.of("aws.lambda.batch.size", "10",
                "aws.lambda.function.response.types", "ReportBatchItemFailures")), Map.of(topic + "-0", 10L));

        List<Delivery> deliveries = function.deliveries();
        Map<Long, Long> timesDelivered = deliveries.stream()
                .collect(Collectors.groupingBy(Delivery::offset, Collectors.counting()));
        assertThat(timesDelivered.keySet()).containsExactlyInAnyOrderElementsOf(
                IntStream.range(0, 10).mapToObj(Long::valueOf).toList());
        assertThat(timesDelivered).containsEntry(0L, 1L).containsEntry(1L, 1L).containsEntry(2L, 1L)
                .containsEntry(3L, 1L).containsEntry(4L, 2L);
        // the retry began with the failed record
        Delivery retried = deliveries.stream().filter(d -> d.offset() == 4).toList().get(1);
        assertThat(byInvocation(deliveries).get(retried.requestId()).get(0).offset()).isEqualTo(4);
        assertThat(connect.delete("/connectors/lt-partial-trigger").status()).isEqualTo(204);
    }

    @Test
    void recordsThatMatchNoFilterNeverInvokeTheFunctionAndAreCommitted() {
        String topic = "lt-filter";
        writer.createTopic(topic, 1);
        // orders and heartbeats alternate, a value that is not JSON among them, and heartbeats end the topic
        List<String> values = new ArrayList<>(IntStream.range(0, 20).mapToObj(i -> "{\"kind\":\""
                + (i % 2 == 0 ? "order" : "heartbeat") + "\",\"n\":" + i + "}").toList());
        values.add(7, "plain text");
        values.addAll(List.of("{\"kind\":\"heartbeat\",\"n\":20}", "{\"kind\":\"heartbeat\",\"n\":21}"));
        sendValues(topic, 1, values);
        TestFunction function = TestFunction.create("filter", KafkaEventRecorder.class);

        run("lt-filter-trigger", config(topic, function, Map.of("aws.lambda.filter.criteria",
                "{\"Filters\": [{\"Pattern\": \"{\\\"value\\\": {\\\"kind\\\": [\\\"order\\\"]}}\"}]}")),
                Map.of(topic + "-0", 23L));

        // as Lambda documents for Kafka, a value that is not JSON is matched on the record's other fields only, and
        // this pattern names none of them: the plain text goes to the function too
        assertThat(function.deliveries()).extracting(Delivery::value).containsExactlyElementsOf(
                values.stream().filter(v -> v.contains("order") || v.equals("plain text")).toList());
        assertThat(connect.delete("/connectors/lt-filter-trigger").status()).isEqualTo(204);
    }

    @Test
    void aThirtySecondOutageOfLambdaLosesNothing() {
        String topic = "lt-outage";
        writer.createTopic(topic, 2);
        TestFunction function = TestFunction.create("outage", KafkaEventRecorder.class);
        String name = "lt-outage-trigger";
        assertThat(connect.createConnector(name, config(topic, function, Map.of("aws.lambda.batch.size", "10",
                "retry.backoff.ms", "200", "retry.backoff.max.ms", "2000"))).status()).isEqualTo(201);
        List<String> before = IntStream.range(0, 100).mapToObj(i -> "before-" + i).toList();
        List<String> during = IntStream.range(0, 100).mapToObj(i -> "during-" + i).toList();
        sendValues(topic, 2, before);
        await().atMost(WAIT).until(() -> !function.deliveries().isEmpty());

        env.lambdaHost().close();
        try {
            sendValues(topic, 2, during);
            await().during(Duration.ofSeconds(30)).atMost(Duration.ofSeconds(45))
                    .until(() -> connect.hasState(name, "RUNNING", 1));
        } finally {
            env.lambdaHost().start();
        }

        await().atMost(WAIT).until(() -> connect.sinkOffsets(name).equals(Map.of(topic + "-0", 100L,
                topic + "-1", 100L)));
        Set<String> received = function.deliveries().stream().map(Delivery::value).collect(Collectors.toSet());
        assertThat(received).containsAll(before).containsAll(during);
        assertThat(connect.hasState(name, "RUNNING", 1)).isTrue();
        assertThat(connect.delete("/connectors/" + name).status()).isEqualTo(204);
    }

    @Test
    void aMissingFunctionIsRefusedNamingIt() {
        Map<String, String> config = new HashMap<>(config("lt-nowhere", new TestFunction("lt-no-such-function",
                env.workDir().resolve("unused.jsonl")), Map.of()));
        config.put("name", "lt-missing");

        var validation = connect.put("/connector-plugins/LambdaTriggerConnector/config/validate", config);
        assertThat(validation.status()).isEqualTo(200);
        assertThat(validation.body().get("error_count").asInt()).isEqualTo(1);
        JsonNode functionName = null;
        for (JsonNode value : validation.body().get("configs")) {
            if (value.at("/value/name").asText().equals("aws.lambda.function.name")) {
                functionName = value.get("value");
            }
        }
        assertThat(functionName).isNotNull();
        assertThat(functionName.get("errors").get(0).asText()).contains("lt-no-such-function", "does not exist");

        var created = connect.createConnector("lt-missing", config);
        assertThat(created.status()).isEqualTo(400);
        assertThat(created.text("message")).contains("lt-no-such-function");
        assertThat(connect.get("/connectors/lt-missing").status()).isEqualTo(404);
    }

    /** Creates the connector and waits until its committed offsets are {@code end}. */
    private static void run(String name, Map<String, String> config, Map<String, Long> end) {
        assertThat(connect.createConnector(name, config).status()).isEqualTo(201);
        await().atMost(WAIT).until(() -> connect.sinkOffsets(name).equals(end));
    }

    private static Map<String, String> config(String topic, TestFunction function, Map<String, String> overrides) {
        Map<String, String> config = new HashMap<>(Map.of(
                "connector.class", CONNECTOR_CLASS,
                "tasks.max", "1",
                "topics", topic,
                "aws.lambda.function.name", function.name(),
                "aws.lambda.endpoint", env.lambdaHost().endpoint(),
                "aws.access.key.id", "test",
                "aws.secret.access.key", "test-secret",
                "aws.lambda.bootstrap.servers", env.bootstrapServers(),
                "retry.backoff.ms", "50",
                "retry.backoff.max.ms", "500"));
        config.put("key.converter", BYTES);
        config.put("value.converter", BYTES);
        config.put("header.converter", BYTES);
        config.putAll(overrides);
        return config;
    }

    /** Writes the values in order, keyed {@code k-<i>}, value i to partition i % partitions. */
    private static void sendValues(String topic, int partitions, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            writer.send(new ProducerRecord<>(topic, i % partitions, bytes("k-" + i), bytes(values.get(i))));
        }
    }

    /** The deliveries by the invocation that brought them, each invocation's in the order of its event. */
    private static Map<String, List<Delivery>> byInvocation(List<Delivery> deliveries) {
        return deliveries.stream().collect(Collectors.groupingBy(Delivery::requestId, LinkedHashMap::new,
                Collectors.toList()));
    }

    /**
     * A function on the local Lambda host whose handler records what it gets with {@link KafkaEventRecorder}, in a
     * file of its own.
     */
    private record TestFunction(String name, Path recorded) {

        static TestFunction create(String name, Class<? extends RequestHandler<?, ?>> handler) {
            var function = new TestFunction("lt-" + name, env.workDir().resolve("lt-" + name + ".jsonl"));
            lambda.createFunction(b -> b.functionName(function.name()).runtime(Runtime.JAVA17)
                    .role("arn:aws:iam::000000000000:role/test").handler(handler.getName() + "::handleRequest")
                    .timeout(30)
                    .code(c -> c.zipFile(SdkBytes.fromByteArray(
                            FunctionPackages.zip(Map.of(), handler, KafkaEventRecorder.class))))
                    .environment(e -> e.variables(Map.of(KafkaEventRecorder.FILE_VARIABLE,
                            function.recorded().toString(), PartialBatchHandler.STATE_VARIABLE,
                            env.workDir().resolve("lt-" + name + ".state").toString()))));
            return function;
        }

        /**
         * What the function recorded so far, a delivery per record, in the order it got them; a line still being
         * written is left for the next look.
         */
        List<Delivery> deliveries() {
            if (!Files.exists(recorded)) {
                return List.of();
            }
            try {
                String text = Files.readString(recorded);
                List<Delivery> deliveries = new ArrayList<>();
                for (String line : text.substring(0, text.lastIndexOf('\n') + 1).split("\n")) {
                    if (!line.isEmpty()) {
                        deliveries.add(new Delivery(JSON.readTree(line)));
                    }
                }
                return deliveries;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** One record as the function got it: a line of {@link KafkaEventRecorder}. */
    private record Delivery(JsonNode line) {

        int partition() {
            return line.get("partition").asInt();
        }

        long offset() {
            return line.get("offset").asLong();
        }

        String requestId() {
            return line.get("requestId").asText();
        }

        int batchSize() {
            return line.get("batchSize").asInt();
        }

        long invokedAt() {
            return line.get("invokedAt").asLong();
        }

        /** The base64 field decoded; null when the event left it out. */
        byte[] bytes(String field) {
            JsonNode text = line.get(field);
            return text == null || text.isNull() ? null : Base64.getDecoder().decode(text.asText());
        }

        String value() {
            return new String(bytes("value"), StandardCharsets.UTF_8);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Bytes as Lambda writes header values: a JSON array of signed numbers. */
    private static String signed(byte[] bytes) {
        return IntStream.range(0, bytes.length).mapToObj(i -> String.valueOf(bytes[i]))
                .collect(Collectors.joining(",", "[", "]"));
    }
}
