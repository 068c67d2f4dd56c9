package dev.sluice.connect.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.connect.dynamodb.mapping.KeyRef;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class DynamoDbSinkConfigTest {

    private final FakeDynamoDb dynamo = new FakeDynamoDb()
            .table("kafka_orders", "orderid", ScalarAttributeType.S, "site", ScalarAttributeType.N);

    private static Map<String, String> confluentConfig() {
        return new HashMap<>(Map.ofEntries(
                Map.entry("connector.class", "io.confluent.connect.aws.dynamodb.DynamoDbSinkConnector"),
                Map.entry("topics", "orders"),
                Map.entry("aws.dynamodb.region", "eu-west-1"),
                Map.entry("aws.dynamodb.endpoint", "http://localhost:4567"),
                Map.entry("aws.dynamodb.pk.hash", "value.orderid"),
                Map.entry("aws.dynamodb.pk.sort", "value.SITE_ID:site"),
                Map.entry("table.name.format", "kafka_${topic}"),
                Map.entry("batch.size", "20"),
                Map.entry("max.retries", "5"),
                Map.entry("retry.backoff.ms", "250"),
                Map.entry("aws.dynamodb.max.retry.time.seconds", "30"),
                Map.entry("aws.access.key.id", "AKIDEXAMPLE"),
                Map.entry("aws.secret.access.key", "wJalrXUtnFEMI")));
    }

    @Test
    void aConfluentConfigCarriesOver() {
        DynamoDbSinkSettings settings = DynamoDbSinkSettingsParser.parse(confluentConfig());

        assertThat(settings.connection().region()).isEqualTo("eu-west-1");
        assertThat(settings.connection().endpoint()).contains(URI.create("http://localhost:4567"));
        assertThat(settings.keys().hash()).isEqualTo(KeyRef.parse("value.orderid"));
        assertThat(settings.keys().sort()).contains(KeyRef.parse("value.SITE_ID:site"));
        assertThat(settings.tableName("orders")).isEqualTo("kafka_orders");
        assertThat(settings.batchSize()).isEqualTo(20);
        assertThat(settings.retry()).isEqualTo(new DynamoDbSinkSettings.Retry(5, 250, Duration.ofSeconds(30)));
        assertThat(settings.nullValues()).isEqualTo(NullValueBehavior.DELETE);
        assertThat(settings.ordering()).isEqualTo(OrderingMode.NONE);
        assertThat(settings.autoCreate()).isFalse();
        assertThat(settings.connection().credentials()).isPresent();
        assertThat(settings.toString()).doesNotContain("wJalrXUtnFEMI").doesNotContain("AKIDEXAMPLE");
    }

    @Test
    void theDefaultsAreConfluents() {
        DynamoDbSinkSettings settings = DynamoDbSinkSettingsParser.parse(Map.of());

        assertThat(settings.keys().hash()).isEqualTo(KeyRef.parse("partition"));
        assertThat(settings.keys().sort()).contains(KeyRef.parse("offset"));
        assertThat(settings.tableNameFormat()).isEqualTo("${topic}");
        assertThat(settings.connection().credentials()).isEmpty();
    }

    @Test
    void validateReportsEveryProblemAtOnce() {
        Map<String, String> props = new HashMap<>(Map.of(
                "topics", "orders,x",
                "aws.dynamodb.pk.hash", "value.id",
                "aws.dynamodb.pk.sort", "key.id",
                "behavior.on.null.values", "delete",
                "batch.size", "30",
                "aws.access.key.id", "AKIDEXAMPLE",
                "aws.dynamodb.endpoint", "localhost:4567",
                "ordering.mode", "newest",
                "retry.backoff.ms", "0"));

        Map<String, List<String>> errors = errors(new DynamoDbSinkConnector(c -> dynamo).validate(props));

        assertThat(errors).containsOnlyKeys("aws.dynamodb.pk.hash", "aws.dynamodb.pk.sort", "behavior.on.null.values",
                "batch.size", "aws.secret.access.key", "aws.dynamodb.endpoint", "ordering.mode", "retry.backoff.ms",
                "table.name.format");
        assertThat(errors.get("aws.dynamodb.pk.sort")).anyMatch(m -> m.contains("both the attribute 'id'"));
        assertThat(errors.get("behavior.on.null.values").get(0)).contains("ignore or fail");
        assertThat(errors.get("table.name.format").get(0)).contains("'x' is not a DynamoDB table name");
        assertThat(errors.get("ordering.mode").get(0)).contains("none or offset");
        assertThat(dynamo.calls()).as("no table lookups with invalid connection keys").isEmpty();

        assertThatThrownBy(() -> DynamoDbSinkSettingsParser.parse(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("batch.size").hasMessageContaining("aws.secret.access.key");
    }

    @Test
    void validateReportsAMissingTable() {
        Map<String, String> props = confluentConfig();
        props.put("topics", "orders,payments");

        Map<String, List<String>> errors = errors(new DynamoDbSinkConnector(c -> dynamo).validate(props));

        assertThat(errors).containsOnlyKeys("table.name.format");
        assertThat(errors.get("table.name.format")).singleElement().asString()
                .contains("Table kafka_payments does not exist in region eu-west-1 at http://localhost:4567")
                .contains("auto.create=true");

        props.put("auto.create", "true");
        assertThat(errors(new DynamoDbSinkConnector(c -> dynamo).validate(props))).isEmpty();
    }

    @Test
    void validateReportsATableWhoseKeyIsNotTheConfiguredOne() {
        Map<String, String> props = confluentConfig();
        props.put("aws.dynamodb.pk.hash", "key");

        Map<String, List<String>> errors = errors(new DynamoDbSinkConnector(c -> dynamo).validate(props));

        assertThat(errors).containsOnlyKeys("aws.dynamodb.pk.hash");
        assertThat(errors.get("aws.dynamodb.pk.hash").get(0)).contains("(orderid HASH S, site RANGE N)")
                .contains("attribute is orderid");
    }

    @Test
    void validateBlamesTheCredentialsForDeniedAccess() {
        dynamo.failNext(1, FakeDynamoDb::accessDenied);

        Map<String, List<String>> errors = errors(new DynamoDbSinkConnector(c -> dynamo).validate(confluentConfig()));

        assertThat(errors).containsOnlyKeys("aws.access.key.id", "aws.secret.access.key");
        assertThat(errors.get("aws.access.key.id").get(0)).contains("access denied");
        assertThat(errors.toString()).doesNotContain("wJalrXUtnFEMI");
    }

    @Test
    void theConnectorFansTheConfigOutToItsTasks() {
        var connector = new DynamoDbSinkConnector(c -> dynamo);
        connector.start(confluentConfig());

        assertThat(connector.taskConfigs(3)).hasSize(3).allMatch(confluentConfig()::equals);
        assertThat(connector.taskClass()).isEqualTo(DynamoDbSinkTask.class);
        assertThat(connector.version()).isNotBlank();
    }

    private static Map<String, List<String>> errors(Config config) {
        return config.configValues().stream().filter(v -> !v.errorMessages().isEmpty())
                .collect(Collectors.toMap(ConfigValue::name, ConfigValue::errorMessages));
    }
}
