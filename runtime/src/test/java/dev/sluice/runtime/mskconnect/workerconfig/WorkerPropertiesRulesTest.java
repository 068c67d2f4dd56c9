package dev.sluice.runtime.mskconnect.workerconfig;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WorkerPropertiesRulesTest {

    /** MSK Connect's default worker configuration, as the developer guide prints it. */
    private static final String AWS_DEFAULT = """
            key.converter=org.apache.kafka.connect.storage.StringConverter
            value.converter=org.apache.kafka.connect.storage.StringConverter
            """;

    private static final String STRING_CONVERTER = "org.apache.kafka.connect.storage.StringConverter";

    private static String base64(String text) {
        return base64(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** The two required converters plus {@code extra}. */
    private static Map<String, String> withConverters(Map<String, String> extra) {
        var properties = new HashMap<String, String>(extra);
        properties.put("key.converter", STRING_CONVERTER);
        properties.put("value.converter", STRING_CONVERTER);
        return properties;
    }

    private static List<String> problemsWith(String key) {
        return WorkerPropertiesRules.problems(withConverters(Map.of(key, "x")));
    }

    // decode

    @Test
    void decodesTheAwsDefaultConfiguration() {
        assertThat(WorkerPropertiesRules.decode(base64(AWS_DEFAULT))).containsExactly(
                Map.entry("key.converter", STRING_CONVERTER),
                Map.entry("value.converter", STRING_CONVERTER));
    }

    @Test
    void skipsCommentsAndBlankLinesAndReadsEverySeparatorStyle() {
        String file = """
                # The converters
                ! an old-style comment

                   key.converter = org.apache.kafka.connect.json.JsonConverter
                value.converter:org.apache.kafka.connect.json.JsonConverter
                key.converter.schemas.enable false

                config.providers=secretManager,\\
                  file
                """;

        assertThat(WorkerPropertiesRules.decode(base64(file))).containsExactly(
                Map.entry("config.providers", "secretManager,file"),
                Map.entry("key.converter", "org.apache.kafka.connect.json.JsonConverter"),
                Map.entry("key.converter.schemas.enable", "false"),
                Map.entry("value.converter", "org.apache.kafka.connect.json.JsonConverter"));
    }

    @Test
    void readsCrlfLineEndingsAndAByteOrderMark() {
        String file = "\uFEFFkey.converter=a.B\r\nvalue.converter=c.D\r\n";

        assertThat(WorkerPropertiesRules.decode(base64(file)))
                .containsExactly(Map.entry("key.converter", "a.B"), Map.entry("value.converter", "c.D"));
    }

    @Test
    void acceptsBase64WrappedAcrossLines() {
        String wrapped = Base64.getMimeEncoder(16, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(AWS_DEFAULT.getBytes(StandardCharsets.UTF_8));
        assertThat(wrapped).contains("\n");

        assertThat(WorkerPropertiesRules.decode(wrapped)).containsOnlyKeys("key.converter", "value.converter");
    }

    @Test
    void keepsNonAsciiValues() {
        assertThat(WorkerPropertiesRules.decode(base64("offset.storage.topic=tópico\n")))
                .containsExactly(Map.entry("offset.storage.topic", "tópico"));
    }

    @Test
    void returnsAMapTheCallerCannotChange() {
        Map<String, String> decoded = WorkerPropertiesRules.decode(base64(AWS_DEFAULT));

        assertThat(decoded).isUnmodifiable();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\n"})
    void refusesMissingContent(String content) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WorkerPropertiesRules.decode(content))
                .withMessage("propertiesFileContent is empty");
    }

    @Test
    void refusesContentThatDecodesToWhitespace() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WorkerPropertiesRules.decode(base64(" \n\t\n")))
                .withMessage("propertiesFileContent is empty once decoded from base64");
    }

    @Test
    void refusesAFileOfOnlyComments() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WorkerPropertiesRules.decode(base64("# nothing here\n\n! nor here\n")))
                .withMessage("propertiesFileContent has no properties, only comments and blank lines");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "key.converter=org.apache.kafka.connect.storage.StringConverter",  // plain text, not encoded
            "a2V5LmNvbnZlcnRlcj1h!",                                           // '!' is not base64
            "a2V5LmNvbnZlcnRlcj1hX",                                           // truncated
            "a2V5LmNvbnZlcnRlcj1h_-8"})                                        // URL-safe alphabet
    void refusesContentThatIsNotBase64(String content) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WorkerPropertiesRules.decode(content))
                .withMessageStartingWith("propertiesFileContent is not valid base64");
    }

    @Test
    void refusesBinaryContent() {
        byte[] gzipHeader = {0x1f, (byte) 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03};

        assertThatIllegalArgumentException()
                .isThrownBy(() -> WorkerPropertiesRules.decode(base64(gzipHeader)))
                .withMessageStartingWith("propertiesFileContent is not a Java properties file");
    }

    @Test
    void refusesTextWithControlCharacters() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WorkerPropertiesRules.decode(base64("key.converter=a\u0000b\n")))
                .withMessage("propertiesFileContent is not a Java properties file: "
                        + "it contains control characters, so it looks like binary data");
    }

    @Test
    void refusesBytesThatAreNotUtf8() {
        byte[] latin1 = "offset.storage.topic=t\u00f3pico\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> WorkerPropertiesRules.decode(base64(latin1)))
                .withMessage("propertiesFileContent is not a Java properties file: "
                        + "it does not decode to UTF-8 text");
    }

    @Test
    void refusesAMalformedUnicodeEscape() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WorkerPropertiesRules.decode(base64("key.converter=\\" + "uZZZZ\n")))
                .withMessageStartingWith("propertiesFileContent is not a Java properties file: ")
                .withMessageContaining("Malformed");
    }

    @Test
    void refusesAValueWithNoKey() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WorkerPropertiesRules.decode(base64(AWS_DEFAULT + "=orphan\n")))
                .withMessage("propertiesFileContent is not a Java properties file: a line has a value but no key");
    }

    // problems

    @Test
    void acceptsTheAwsDefaultConfiguration() {
        assertThat(WorkerPropertiesRules.problems(WorkerPropertiesRules.decode(base64(AWS_DEFAULT)))).isEmpty();
    }

    @Test
    void acceptsTheDevelopersGuideOffsetTopicExample() {
        String file = """
                config.providers.secretManager.param.aws.region=us-east-1
                key.converter=org.apache.kafka.connect.storage.StringConverter
                value.converter=org.apache.kafka.connect.storage.StringConverter
                config.providers.secretManager.class=com.github.jcustenborder.kafka.config.aws.SecretsManagerConfigProvider
                config.providers=secretManager
                offset.storage.topic=__amazon_msk_connect_offsets_my-mskc-connector_12345678-09e7-4abc-8be8-c657f7e4ff32-2
                """;

        assertThat(WorkerPropertiesRules.problems(WorkerPropertiesRules.decode(base64(file)))).isEmpty();
    }

    @Test
    void reportsBothMissingConvertersAtOnce() {
        assertThat(WorkerPropertiesRules.problems(Map.of("offset.flush.interval.ms", "10000")))
                .containsExactly("key.converter is required", "value.converter is required");
    }

    @Test
    void reportsAnEmptyPropertiesMapAsMissingBothConverters() {
        assertThat(WorkerPropertiesRules.problems(Map.of()))
                .containsExactly("key.converter is required", "value.converter is required");
    }

    @Test
    void reportsABlankConverter() {
        var properties = Map.of("key.converter", " ", "value.converter", STRING_CONVERTER);

        assertThat(WorkerPropertiesRules.problems(properties))
                .containsExactly("key.converter is required, but its value is blank");
    }

    @Test
    void namesEveryForbiddenKeyAtOnceSorted() {
        var properties = withConverters(Map.of(
                "bootstrap.servers", "b-1:9098",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "AWS_MSK_IAM",
                "ssl.truststore.location", "/tmp/truststore.jks",
                "group.id", "mine",
                "config.storage.topic", "configs",
                "status.storage.topic", "status",
                "plugin.path", "/opt/plugins",
                "rest.port", "8083",
                "metric.reporters", "com.example.Reporter"));

        assertThat(WorkerPropertiesRules.problems(properties)).containsExactly(
                "bootstrap.servers is not allowed: MSK Connect sets it",
                "config.storage.topic is not allowed: MSK Connect sets it",
                "group.id is not allowed: MSK Connect sets it",
                "metric.reporters is not allowed: MSK Connect sets it",
                "plugin.path is not allowed: MSK Connect sets it",
                "rest.port is not allowed: MSK Connect sets it",
                "sasl.mechanism is not allowed: MSK Connect sets it",
                "security.protocol is not allowed: MSK Connect sets it",
                "ssl.truststore.location is not allowed: MSK Connect sets it",
                "status.storage.topic is not allowed: MSK Connect sets it");
    }

    @Test
    void reportsMissingConvertersAlongsideForbiddenKeys() {
        var properties = Map.of("bootstrap.servers", "b-1:9098", "producer.client.id", "me");

        assertThat(WorkerPropertiesRules.problems(properties)).containsExactly(
                "bootstrap.servers is not allowed: MSK Connect sets it",
                "key.converter is required",
                "producer.client.id is not allowed: MSK Connect sets it",
                "value.converter is required");
    }

    /** Every exact key on AWS's list of unsupported properties. */
    @ParameterizedTest
    @ValueSource(strings = {
            "bootstrap.servers", "config.storage.topic", "connections.max.idle.ms",
            "connector.client.config.override.policy", "group.id", "listeners", "metric.reporters",
            "plugin.path", "receive.buffer.bytes", "response.http.headers.config",
            "scheduled.rebalance.max.delay.ms", "send.buffer.bytes", "status.storage.topic"})
    void refusesEachUnsupportedKey(String key) {
        assertThat(problemsWith(key)).containsExactly(key + " is not allowed: MSK Connect sets it");
    }

    /** A real Kafka key under every prefix on AWS's list of unsupported properties. */
    @ParameterizedTest
    @ValueSource(strings = {
            "access.control.allow.origin", "admin.request.timeout.ms",
            "admin.listeners.https.ssl.keystore.location", "client.id", "connect.protocol",
            "inter.worker.key.generation.algorithm", "internal.key.converter",
            "listeners.https.ssl.keystore.location", "metrics.sample.window.ms",
            "metrics.context.resource.arn", "rest.advertised.host.name", "sasl.jaas.config",
            "security.protocol", "socket.connection.setup.timeout.ms", "ssl.endpoint.identification.algorithm",
            "topic.tracking.enable", "worker.sync.timeout.ms"})
    void refusesEachUnsupportedPrefix(String key) {
        assertThat(problemsWith(key)).containsExactly(key + " is not allowed: MSK Connect sets it");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "producer.acks", "producer.batch.size", "producer.buffer.memory", "producer.compression.type",
            "producer.enable.idempotence", "producer.key.serializer", "producer.linger.ms",
            "producer.max.request.size", "producer.metadata.max.age.ms", "producer.metadata.max.idle.ms",
            "producer.partitioner.class", "producer.reconnect.backoff.max.ms", "producer.reconnect.backoff.ms",
            "producer.request.timeout.ms", "producer.retry.backoff.ms", "producer.value.serializer"})
    void acceptsEachSupportedProducerKey(String key) {
        assertThat(problemsWith(key)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "consumer.allow.auto.create.topics", "consumer.auto.offset.reset", "consumer.check.crcs",
            "consumer.fetch.max.bytes", "consumer.fetch.max.wait.ms", "consumer.fetch.min.bytes",
            "consumer.heartbeat.interval.ms", "consumer.key.deserializer", "consumer.max.partition.fetch.bytes",
            "consumer.max.poll.interval.ms", "consumer.max.poll.records", "consumer.metadata.max.age.ms",
            "consumer.partition.assignment.strategy", "consumer.reconnect.backoff.max.ms",
            "consumer.reconnect.backoff.ms", "consumer.request.timeout.ms", "consumer.retry.backoff.ms",
            "consumer.session.timeout.ms", "consumer.value.deserializer"})
    void acceptsEachSupportedConsumerKey(String key) {
        assertThat(problemsWith(key)).isEmpty();
    }

    @Test
    void refusesAProducerKeyOffTheList() {
        assertThat(problemsWith("producer.transactional.id")).containsExactly(
                "producer.transactional.id is not allowed: "
                        + "MSK Connect supports only some producer.* properties, and this is not one of them");
    }

    @Test
    void refusesAConsumerKeyOffTheList() {
        assertThat(problemsWith("consumer.isolation.level")).containsExactly(
                "consumer.isolation.level is not allowed: "
                        + "MSK Connect supports only some consumer.* properties, and this is not one of them");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "producer.bootstrap.servers", "producer.security.protocol", "producer.sasl.jaas.config",
            "producer.ssl.truststore.location", "producer.client.id", "consumer.bootstrap.servers",
            "consumer.group.id", "consumer.sasl.client.callback.handler.class"})
    void saysMskConnectSetsTheClientKeysItManages(String key) {
        assertThat(problemsWith(key)).containsExactly(key + " is not allowed: MSK Connect sets it");
    }

    @Test
    void refusesConnectorLevelOverridesInAWorkerConfiguration() {
        assertThat(problemsWith("producer.override.linger.ms")).singleElement()
                .asString().startsWith("producer.override.linger.ms is not allowed: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "config.providers", "config.providers.secretManager.class",
            "config.providers.secretManager.param.aws.region", "key.converter.schemas.enable",
            "value.converter.schema.registry.url", "header.converter", "offset.storage.topic",
            "offset.storage.partitions", "status.storage.partitions", "offset.flush.interval.ms",
            "offset.flush.timeout.ms", "task.shutdown.graceful.timeout.ms", "topic.creation.enable",
            "exactly.once.source.support", "errors.retry.timeout"})
    void acceptsOtherWorkerKeys(String key) {
        assertThat(problemsWith(key)).isEmpty();
    }

    @Test
    void matchesExactKeysExactly() {
        // "listeners" and "group.id" are exact entries on AWS's list, not prefixes.
        assertThat(problemsWith("listeners.extra")).isEmpty();
        assertThat(problemsWith("group.id.suffix")).isEmpty();
    }

    @Test
    void treatsKeysCaseSensitivelyAsKafkaDoes() {
        assertThat(problemsWith("Bootstrap.Servers")).isEmpty();
    }
}
