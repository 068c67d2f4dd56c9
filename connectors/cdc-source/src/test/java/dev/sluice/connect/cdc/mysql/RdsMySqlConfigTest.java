package dev.sluice.connect.cdc.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RdsMySqlConfigTest {

    private static Map<String, String> minimal() {
        Map<String, String> props = new HashMap<>();
        props.put("name", "orders-cdc");
        props.put("connector.class", RdsMySqlConnector.class.getName());
        props.put("database.hostname", "mydb.abc123.us-east-1.rds.amazonaws.com");
        props.put("database.user", "app");
        props.put("database.password", "secret");
        props.put("topic.prefix", "shop");
        props.put("table.include.list", "shop.orders");
        props.put("schema.history.internal.kafka.bootstrap.servers", "b-1.msk.example:9098");
        return props;
    }

    static Stream<Arguments> defaults() {
        return Stream.of(
                // CRC-32 of "orders-cdc" is 2775038933; ids start at 100,000
                Arguments.of("database.server.id", "2775138933", "184054"),
                Arguments.of("database.ssl.mode", "required", "disabled"),
                Arguments.of("snapshot.locking.mode", "minimal", "none"),
                Arguments.of("heartbeat.interval.ms", "10000", "60000"),
                Arguments.of("schema.history.internal", "io.debezium.storage.kafka.history.KafkaSchemaHistory",
                        "io.debezium.storage.file.history.FileSchemaHistory"),
                Arguments.of("schema.history.internal.kafka.topic", "orders-cdc.schema-history", "dbhistory.shop"));
    }

    @ParameterizedTest(name = "{0} defaults to {1}")
    @MethodSource("defaults")
    void eachRdsDefaultIsFilledIn(String key, String defaultValue, String override) {
        assertThat(RdsMySqlConfig.parse(minimal()).debezium()).containsEntry(key, defaultValue);
    }

    @ParameterizedTest(name = "{0}={2} overrides the default")
    @MethodSource("defaults")
    void eachDefaultGivesWayToTheDebeziumKeyItself(String key, String defaultValue, String override) {
        Map<String, String> props = minimal();
        props.put(key, override);

        assertThat(RdsMySqlConfig.parse(props).debezium()).containsEntry(key, override);
    }

    @Test
    void theUsersKeysReachDebeziumAsTheyAre() {
        Map<String, String> props = minimal();
        props.put("snapshot.mode", "no_data");
        props.put("schema.history.internal.producer.security.protocol", "SASL_SSL");

        assertThat(RdsMySqlConfig.parse(props).debezium()).containsAllEntriesOf(props);
    }

    @Test
    void theServerIdIsTheNamesAndDiffersBetweenConnectors() {
        long orders = RdsMySqlConfig.parse(minimal()).serverId();
        Map<String, String> other = minimal();
        other.put("name", "orders-cdc-2");
        long second = RdsMySqlConfig.parse(other).serverId();

        assertThat(orders).isEqualTo(RdsMySqlConfig.parse(minimal()).serverId());
        assertThat(second).isNotEqualTo(orders);
        // room above for Debezium's database.server.id.offset (10,000) under MySQL's 2^32 - 1
        assertThat(List.of(orders, second)).allSatisfy(id -> assertThat(id).isBetween(100_000L, 4_294_957_295L));
    }

    @Test
    void theHistoryTopicIsALegalTopicNameWhateverTheConnectorsName() {
        assertThat(RdsMySqlDefaults.historyTopic("orders cdc/eu")).isEqualTo("orders_cdc_eu.schema-history");
        assertThat(RdsMySqlDefaults.historyTopic("x".repeat(300))).hasSize(249).endsWith(".schema-history");
    }

    @Test
    void withoutANameTheTopicPrefixNamesTheHistoryTopic() {
        Map<String, String> props = minimal();
        props.remove("name");

        assertThat(RdsMySqlConfig.parse(props).get("schema.history.internal.kafka.topic"))
                .isEqualTo("shop.schema-history");
    }

    @Test
    void theKafkaHistoryWithoutAClusterIsRefusedSayingWhy() {
        Map<String, String> props = minimal();
        props.remove("schema.history.internal.kafka.bootstrap.servers");

        assertThatThrownBy(() -> RdsMySqlConfig.parse(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.history.internal.kafka.bootstrap.servers")
                .hasMessageContaining("does not pass its worker's bootstrap.servers");
    }

    @Test
    void validateReportsTheMissingClusterAndEveryOtherMissingKeyAtOnceWithoutConnecting() {
        Map<String, String> props = minimal();
        props.remove("schema.history.internal.kafka.bootstrap.servers");
        props.remove("table.include.list");

        Map<String, List<String>> errors = errors(new RdsMySqlConnector().validate(props).configValues());

        assertThat(errors.get("schema.history.internal.kafka.bootstrap.servers"))
                .singleElement().asString().startsWith("Required: the Kafka cluster to keep the schema history in");
        assertThat(errors.get("table.include.list")).singleElement().asString().contains("table.include.list");
        assertThat(errors.get("database.hostname")).isEmpty();
    }

    @Test
    void anotherSchemaHistoryNeedsNoKafkaCluster() {
        Map<String, String> props = minimal();
        props.remove("schema.history.internal.kafka.bootstrap.servers");
        props.put("schema.history.internal", "io.debezium.storage.file.history.FileSchemaHistory");

        assertThat(RdsMySqlConfig.parse(props).debezium()).doesNotContainKey("schema.history.internal.kafka.topic");
    }

    @Test
    void theRetentionCheckDefaultsToADayAndCanBeTurnedOff() {
        Map<String, String> props = minimal();
        assertThat(RdsMySqlConfig.parse(props).minRetentionHours()).isEqualTo(24);

        props.put("sluice.binlog.retention.min.hours", "0");
        assertThat(RdsMySqlConfig.parse(props).minRetentionHours()).isZero();
    }

    @Test
    void thePasswordIsAPasswordForConnectToHide() {
        assertThat(new RdsMySqlConnector().config().configKeys().get("database.password").type)
                .isEqualTo(ConfigDef.Type.PASSWORD);
    }

    @Test
    void connectSeesDebeziumsOtherKeysToo() {
        assertThat(new RdsMySqlConnector().config().names()).contains("snapshot.mode", "database.include.list",
                "sluice.binlog.retention.min.hours", "schema.history.internal.kafka.bootstrap.servers");
    }

    @Test
    void oneTaskWhateverTasksMaxSaysWhichParsesTheConfigWhereItRuns() {
        var connector = new RdsMySqlConnector();
        connector.start(minimal());

        List<Map<String, String>> tasks = connector.taskConfigs(3);

        assertThat(tasks).containsExactly(minimal());
    }

    @Test
    void theVersionIsThePluginsBuild() {
        assertThat(new RdsMySqlConnector().version()).isNotEqualTo("unknown").doesNotContain("Final");
    }

    @Test
    void itRunsDebeziumsMySqlTaskInsideItsOwn() {
        assertThat(new RdsMySqlConnector().taskClass()).isEqualTo(RdsMySqlTask.class);
    }

    @Test
    void withIamAuthenticationNoPasswordIsNeededAndTheDriverGetsTheTokenPlugin() {
        Map<String, String> props = new HashMap<>(minimal());
        props.remove("database.password");
        props.put("sluice.iam.auth", "true");
        props.put("aws.access.key.id", "AKIDEXAMPLE");
        props.put("aws.secret.access.key", "not-for-debezium");

        RdsMySqlSettings settings = RdsMySqlConfig.parse(props);

        assertThat(settings.iam()).hasValueSatisfying(iam -> {
            assertThat(iam.region().id()).isEqualTo("us-east-1");
            assertThat(iam.user()).isEqualTo("app");
            assertThat(iam.port()).isEqualTo(3306);
        });
        assertThat(settings.debezium())
                .containsEntry("driver.authenticationPlugins",
                        "dev.sluice.connect.cdc.iam.RdsIamClearPasswordPlugin")
                .doesNotContainKeys("aws.access.key.id", "aws.secret.access.key", "sluice.iam.auth",
                        "database.password");
    }

    @Test
    void withoutIamAuthenticationThePasswordIsRequired() {
        Map<String, String> props = new HashMap<>(minimal());
        props.remove("database.password");

        assertThatThrownBy(() -> RdsMySqlConfig.parse(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("database.password").hasMessageContaining("sluice.iam.auth=true");
    }

    @Test
    void iamTokensAreNeverSentWithoutTls() {
        Map<String, String> props = new HashMap<>(minimal());
        props.put("sluice.iam.auth", "true");
        props.put("database.ssl.mode", "disabled");

        assertThatThrownBy(() -> RdsMySqlConfig.parse(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("database.ssl.mode").hasMessageContaining("over TLS only");
    }

    @Test
    void validateNamesTheKeyOfACrossKeyProblem() {
        Map<String, String> props = new HashMap<>(minimal());
        props.remove("database.password");

        Map<String, List<String>> errors = errors(new RdsMySqlConnector().validate(props).configValues());

        assertThat(errors.get("database.password")).singleElement(InstanceOfAssertFactories.STRING)
                .contains("sluice.iam.auth=true");
    }

    static Map<String, List<String>> errors(List<ConfigValue> values) {
        Map<String, List<String>> out = new HashMap<>();
        values.forEach(v -> out.put(v.name(), v.errorMessages()));
        return out;
    }
}
