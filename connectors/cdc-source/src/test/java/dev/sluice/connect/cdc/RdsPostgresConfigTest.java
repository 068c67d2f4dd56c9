package dev.sluice.connect.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class RdsPostgresConfigTest {

    private static Map<String, String> minimal() {
        Map<String, String> props = new HashMap<>();
        props.put("name", "orders-cdc");
        props.put("connector.class", RdsPostgresConnector.class.getName());
        props.put("database.hostname", "mydb.abc123.us-east-1.rds.amazonaws.com");
        props.put("database.user", "app");
        props.put("database.password", "secret");
        props.put("database.dbname", "shop");
        props.put("topic.prefix", "shop");
        props.put("table.include.list", "public.orders");
        return props;
    }

    static Stream<Arguments> defaults() {
        return Stream.of(
                Arguments.of("plugin.name", "pgoutput", "decoderbufs"),
                Arguments.of("publication.autocreate.mode", "filtered", "disabled"),
                Arguments.of("publication.name", "orders_cdc_a567bbd5_publication", "my_publication"),
                Arguments.of("slot.name", "orders_cdc_a567bbd5", "my_slot"),
                Arguments.of("slot.drop.on.stop", "false", "true"),
                Arguments.of("heartbeat.interval.ms", "10000", "60000"),
                Arguments.of("heartbeat.action.query", "INSERT INTO public.sluice_heartbeat (id, last_heartbeat) "
                        + "VALUES (1, now()) ON CONFLICT (id) DO UPDATE SET last_heartbeat = EXCLUDED.last_heartbeat",
                        "UPDATE heartbeat SET ts = now()"),
                Arguments.of("database.sslmode", "require", "disable"),
                Arguments.of("poll.interval.ms", "100", "500"));
    }

    @ParameterizedTest(name = "{0} defaults to {1}")
    @MethodSource("defaults")
    void eachRdsDefaultIsFilledIn(String key, String defaultValue, String override) {
        assertThat(RdsPostgresConfig.parse(minimal()).debezium()).containsEntry(key, defaultValue);
    }

    @ParameterizedTest(name = "{0}={2} overrides the default")
    @MethodSource("defaults")
    void eachDefaultGivesWayToTheDebeziumKeyItself(String key, String defaultValue, String override) {
        Map<String, String> props = minimal();
        props.put(key, override);

        assertThat(RdsPostgresConfig.parse(props).debezium()).containsEntry(key, override);
    }

    @Test
    void theUsersKeysReachDebeziumAsTheyAre() {
        Map<String, String> props = minimal();
        props.put("snapshot.mode", "no_data");

        assertThat(RdsPostgresConfig.parse(props).debezium()).containsAllEntriesOf(props);
    }

    @Test
    void theSlotIsTheSettingsSlotWhetherDefaultOrGiven() {
        Map<String, String> props = minimal();
        assertThat(RdsPostgresConfig.parse(props).slotName()).isEqualTo("orders_cdc_a567bbd5");

        props.put("slot.name", "mine");
        assertThat(RdsPostgresConfig.parse(props).slotName()).isEqualTo("mine");
    }

    @Test
    void theHeartbeatTableIsCreatedOnlyForTheDefaultQuery() {
        Map<String, String> props = minimal();
        props.put("sluice.heartbeat.table", "ops.heartbeat");
        RdsPostgresSettings settings = RdsPostgresConfig.parse(props);
        assertThat(settings.heartbeatTable()).contains("ops.heartbeat");
        assertThat(settings.get("heartbeat.action.query")).startsWith("INSERT INTO ops.heartbeat ");

        props.put("heartbeat.action.query", "SELECT 1");
        assertThat(RdsPostgresConfig.parse(props).heartbeatTable()).isEmpty();
    }

    @Test
    void theSlotIsDroppedOnResetUnlessRetained() {
        Map<String, String> props = minimal();
        assertThat(RdsPostgresConfig.parse(props).retainSlot()).isFalse();

        props.put("sluice.slot.retain", "true");
        assertThat(RdsPostgresConfig.parse(props).retainSlot()).isTrue();
    }

    @Test
    void withoutANameTheTopicPrefixNamesTheSlot() {
        Map<String, String> props = minimal();
        props.remove("name");

        assertThat(RdsPostgresConfig.parse(props).slotName()).isEqualTo("shop");
    }

    @Test
    void aMissingRequiredKeyIsRefusedNamingIt() {
        Map<String, String> props = minimal();
        props.remove("table.include.list");

        assertThatThrownBy(() -> RdsPostgresConfig.parse(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("table.include.list");
    }

    @Test
    void thePasswordIsAPasswordForConnectToHide() {
        assertThat(RdsPostgresConfig.CONFIG_DEF.configKeys().get("database.password").type)
                .isEqualTo(org.apache.kafka.common.config.ConfigDef.Type.PASSWORD);
        assertThat(new RdsPostgresConnector().config().configKeys().get("database.password").type)
                .isEqualTo(org.apache.kafka.common.config.ConfigDef.Type.PASSWORD);
        assertThat(new Password("x").toString()).doesNotContain("x");
    }

    @Test
    void connectSeesDebeziumsOtherKeysToo() {
        assertThat(new RdsPostgresConnector().config().names()).contains("snapshot.mode", "slot.name",
                "sluice.slot.retain", "table.include.list");
    }
    @Test
    void withIamAuthNoPasswordIsNeededAndTheDriverGetsThePluginButNoCredentials() {
        Map<String, String> props = minimal();
        props.remove("database.password");
        props.put("sluice.iam.auth", "true");
        props.put("aws.access.key.id", "AKIDEXAMPLE");
        props.put("aws.secret.access.key", "the-secret-key");

        RdsPostgresSettings settings = RdsPostgresConfig.parse(props);

        assertThat(settings.iam()).hasValueSatisfying(iam -> {
            assertThat(iam.region().id()).isEqualTo("us-east-1");
            assertThat(iam.user()).isEqualTo("app");
        });
        assertThat(settings.debezium())
                .containsEntry("database.authenticationPluginClassName",
                        "dev.sluice.connect.cdc.iam.RdsIamAuthenticationPlugin")
                .containsKey("database.sluiceIamTokens")
                .doesNotContainKeys("aws.access.key.id", "aws.secret.access.key", "sluice.iam.auth");
        assertThat(settings.debezium().toString()).doesNotContain("the-secret-key");
    }

    @Test
    void neitherPasswordNorIamAuthIsRefusedNamingBoth() {
        Map<String, String> props = minimal();
        props.remove("database.password");

        assertThatThrownBy(() -> RdsPostgresConfig.parse(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("database.password").hasMessageContaining("sluice.iam.auth=true");
    }

    @Test
    void anEndpointWithoutItsRegionTakesTheRegionGiven() {
        Map<String, String> props = minimal();
        props.put("database.hostname", "127.0.0.1");
        props.put("sluice.iam.auth", "true");
        props.put("sluice.iam.region", "ap-southeast-2");

        assertThat(RdsPostgresConfig.parse(props).iam()).hasValueSatisfying(
                iam -> assertThat(iam.region().id()).isEqualTo("ap-southeast-2"));
    }

    @Test
    void anAccessKeyWithoutItsSecretIsRefusedNamingTheMissingOne() {
        Map<String, String> props = minimal();
        props.put("sluice.iam.auth", "true");
        props.put("aws.access.key.id", "AKIDEXAMPLE");

        assertThatThrownBy(() -> RdsPostgresConfig.parse(props)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("aws.secret.access.key: set it together with aws.access.key.id");
    }
}
