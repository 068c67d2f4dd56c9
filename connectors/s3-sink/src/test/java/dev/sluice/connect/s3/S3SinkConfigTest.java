package dev.sluice.connect.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.connect.s3.format.Compression;
import dev.sluice.connect.s3.format.FormatSettings;
import dev.sluice.connect.s3.format.SchemaChanges;
import dev.sluice.connect.s3.partition.PartitionerKind;
import dev.sluice.connect.s3.partition.TimestampSource;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

class S3SinkConfigTest {

    private final FakeS3 s3 = new FakeS3("bucket");

    @Test
    void aConfluentConfigCarriesOver() {
        S3SinkSettings settings = S3SinkSettingsParser.parse(Map.ofEntries(
                Map.entry("connector.class", "io.confluent.connect.s3.S3SinkConnector"),
                Map.entry("s3.bucket.name", "bucket"),
                Map.entry("s3.region", "eu-west-1"),
                Map.entry("store.url", "http://localhost:9000"),
                Map.entry("format.class", "io.confluent.connect.s3.format.json.JsonFormat"),
                Map.entry("s3.compression.type", "gzip"),
                Map.entry("flush.size", "1000"),
                Map.entry("partitioner.class", "io.confluent.connect.storage.partitioner.TimeBasedPartitioner"),
                Map.entry("path.format", "'year'=YYYY/'month'=MM"),
                Map.entry("partition.duration.ms", "3600000"),
                Map.entry("locale", "en-US"),
                Map.entry("timezone", "UTC"),
                Map.entry("timestamp.extractor", "RecordField"),
                Map.entry("timestamp.field", "meta.ts"),
                Map.entry("rotate.interval.ms", "600000"),
                Map.entry("schema.compatibility", "backward"),
                Map.entry("aws.access.key.id", "AKIDEXAMPLE"),
                Map.entry("aws.secret.access.key", "wJalrXUtnFEMI")));

        assertThat(settings.format().kind()).isEqualTo(FormatSettings.Kind.JSON);
        assertThat(settings.format().compression()).isEqualTo(Compression.GZIP);
        assertThat(settings.partitioner().kind()).isEqualTo(PartitionerKind.TIME);
        assertThat(settings.partitioner().timestampSource()).isEqualTo(TimestampSource.RECORD_FIELD);
        assertThat(settings.rotation().rotateIntervalMs()).isEqualTo(600_000);
        assertThat(settings.schemaCompatibility()).isEqualTo(SchemaChanges.Compatibility.BACKWARD);
        assertThat(settings.s3().endpoint()).contains(URI.create("http://localhost:9000"));
        assertThat(settings.s3().credentials()).isPresent();
        assertThat(settings.toString()).doesNotContain("wJalrXUtnFEMI").doesNotContain("AKIDEXAMPLE");
        assertThat(settings.keys().topicsDir()).isEqualTo("topics");
        assertThat(settings.keys().offsetPadWidth()).isEqualTo(10);
    }

    @Test
    void validateReportsEveryProblemAtOnce() {
        Map<String, String> props = new HashMap<>(Map.of(
                "format.class", "avro",
                "s3.compression.type", "gzip",
                "flush.size", "0",
                "partitioner.class", "field",
                "rotate.interval.ms", "60000",
                "behavior.on.null.values", "write",
                "aws.access.key.id", "AKIDEXAMPLE",
                "s3.endpoint", "localhost:9000"));

        Map<String, List<String>> errors = errors(new S3SinkConnector(c -> s3).validate(props));

        assertThat(errors).containsOnlyKeys("s3.bucket.name", "flush.size", "format.class", "s3.compression.type",
                "partition.field.name", "rotate.interval.ms", "timestamp.extractor", "behavior.on.null.values",
                "store.kafka.keys", "aws.secret.access.key", "s3.endpoint");
        assertThat(errors.get("rotate.interval.ms").get(0)).contains("Record or RecordField");
        assertThat(errors.get("s3.compression.type").get(0)).contains("avro.codec");
        assertThat(s3.calls()).doesNotContain("HeadBucket"); // the bucket is checked only with valid S3 keys
    }

    @Test
    void keysAndHeadersSettingsParseAsConfluentNamesThem() {
        Map<String, String> props = new HashMap<>(valid("bucket"));
        props.putAll(Map.of("store.kafka.keys", "true", "store.kafka.headers", "true",
                "headers.format.class", "io.confluent.connect.s3.format.parquet.ParquetFormat",
                "parquet.row.group.size.bytes", "2097152"));

        FormatSettings format = S3SinkSettingsParser.parse(props).format();

        assertThat(format.keysFormat()).contains(FormatSettings.Kind.AVRO); // Confluent's default
        assertThat(format.headersFormat()).contains(FormatSettings.Kind.PARQUET);
        assertThat(format.jsonEnvelope()).isFalse();
        assertThat(format.parquetRowGroupBytes()).isEqualTo(2 * 1024 * 1024);
        assertThat(S3SinkSettingsParser.parse(valid("bucket")).format().keysFormat()).isEmpty();
    }

    @Test
    void compressionMustSuitTheKeysAndHeadersFormatsAndHeadersAreNeverBytes() {
        Map<String, String> props = new HashMap<>(valid("bucket"));
        props.putAll(Map.of("s3.compression.type", "gzip", "store.kafka.keys", "true", "store.kafka.headers", "true",
                "headers.format.class", "bytearray", "json.envelope.enabled", "true"));

        Map<String, List<String>> errors = errors(new S3SinkConnector(c -> s3).validate(props));

        assertThat(errors).containsOnlyKeys("s3.compression.type", "keys.format.class", "headers.format.class");
        assertThat(errors.get("keys.format.class").get(0)).contains("keys objects are avro").contains("avro.codec");
        assertThat(errors.get("headers.format.class").get(0)).contains("bytearray");

        props.putAll(Map.of("format.class", "avro", "s3.compression.type", "none", "headers.format.class", "json"));
        assertThat(errors(new S3SinkConnector(c -> s3).validate(props))).containsOnlyKeys("json.envelope.enabled");
    }

    @Test
    void theTimePartitionerNeedsAFormatAndADuration() {
        Map<String, List<String>> errors = errors(new S3SinkConnector(c -> s3).validate(Map.of(
                "s3.bucket.name", "bucket", "format.class", "json", "flush.size", "1", "partitioner.class", "time",
                "timestamp.extractor", "RecordField", "timestamp.field", "", "path.format", "'y'=YYYY/'r'=rr")));

        assertThat(errors).containsOnlyKeys("path.format", "partition.duration.ms", "timestamp.field");
    }

    @Test
    void parseThrowsNamingEveryBadKey() {
        assertThatThrownBy(() -> S3SinkSettingsParser.parse(Map.of("format.class", "csv", "flush.size", "1")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("s3.bucket.name")
                .hasMessageContaining("format.class");
    }

    @Test
    void validateChecksThatTheBucketExists() {
        Map<String, List<String>> errors = errors(new S3SinkConnector(c -> s3).validate(valid("missing")));

        assertThat(errors).containsOnlyKeys("s3.bucket.name");
        assertThat(errors.get("s3.bucket.name").get(0)).contains("does not exist");
        assertThat(errors(new S3SinkConnector(c -> s3).validate(valid("bucket")))).isEmpty();
    }

    @Test
    void validatePutsAccessDeniedOnTheCredentialsAndAnUnknownHostOnTheEndpoint() {
        s3.failNext(1, FakeS3::accessDenied);
        assertThat(errors(new S3SinkConnector(c -> s3).validate(valid("bucket"))))
                .containsOnlyKeys("aws.access.key.id", "aws.secret.access.key");

        s3.failNext(1, () -> SdkClientException.create("Unable to execute HTTP request",
                new UnknownHostException("s3.nowhere.invalid")));
        assertThat(errors(new S3SinkConnector(c -> s3).validate(valid("bucket")))).containsOnlyKeys("s3.endpoint");
    }

    @Test
    void connectorFansOutTheConfigAndReportsItsVersion() {
        var connector = new S3SinkConnector(c -> s3);
        connector.start(valid("bucket"));

        assertThat(connector.taskConfigs(3)).hasSize(3).allSatisfy(config -> assertThat(config)
                .containsEntry("s3.bucket.name", "bucket"));
        assertThat(connector.taskClass()).isEqualTo(S3SinkTask.class);
        assertThat(connector.version()).isNotBlank().isNotEqualTo("unknown").doesNotContain("${");
    }

    private static Map<String, String> valid(String bucket) {
        return Map.of("name", "to-s3", "s3.bucket.name", bucket, "format.class", "json", "flush.size", "10");
    }

    private static Map<String, List<String>> errors(Config config) {
        return config.configValues().stream().filter(v -> !v.errorMessages().isEmpty())
                .collect(Collectors.toMap(ConfigValue::name, ConfigValue::errorMessages));
    }
}
