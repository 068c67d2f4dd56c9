package dev.sluice.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.runtime.dev.LocalPostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The CDC connector's database credentials kept in Secrets Manager: the config says
 * {@code ${secretsmanager:<secret>:password}}, the node's workers read the secret from the local Secrets Manager when
 * they validate and start the connector (Sluice's built-in config provider), and the password is in no API response.
 */
class CdcSecretsManagerIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String TOPIC = "cdcsm.public.sm_orders";

    private static SluiceTestEnvironment env;
    private static LocalPostgresServer postgres;
    private static PostgresCdc cdc;
    private static SecretsManagerClient secrets;
    private static String secretName;

    @BeforeAll
    static void start() {
        env = SluiceTestEnvironment.get();
        postgres = env.postgres();
        cdc = new PostgresCdc(env);
        cdc.sql("CREATE TABLE sm_orders (id integer PRIMARY KEY, item text NOT NULL)",
                "INSERT INTO sm_orders VALUES (1, 'kettle')");
        secrets = env.secretsManagerClient();
        secretName = "sluice/it/cdc-" + UUID.randomUUID().toString().substring(0, 8);
        secrets.createSecret(r -> r.name(secretName).secretString("{\"engine\":\"postgres\",\"username\":\""
                + postgres.user() + "\",\"password\":\"" + postgres.password() + "\"}"));
    }

    @AfterAll
    static void stop() {
        cdc.sql("DROP TABLE IF EXISTS sm_orders", "DROP PUBLICATION IF EXISTS cdc_sm_publication",
                "DROP TABLE IF EXISTS public.sluice_heartbeat_sm");
        secrets.close();
        cdc.close();
    }

    private static Map<String, String> config(String userReference, String passwordReference) {
        return cdc.config("public.sm_orders", "cdcsm", Map.of("database.user", userReference,
                "database.password", passwordReference, "sluice.heartbeat.table", "public.sluice_heartbeat_sm"));
    }

    private static String reference(String key) {
        return "${secretsmanager:" + secretName + ":" + key + "}";
    }

    @Test
    void theConnectorSignsInWithCredentialsFromSecretsManager() {
        ConnectRestClient connect = env.connect();
        var created = connect.createConnector("cdc_sm", config(reference("username"), reference("password")));
        try {
            assertThat(created.status()).isEqualTo(201);
            await().atMost(WAIT).until(() -> connect.hasState("cdc_sm", "RUNNING", 1));
            await().atMost(WAIT).until(() -> cdc.afterIds(TOPIC).contains(1));
            cdc.sql("INSERT INTO sm_orders VALUES (2, 'teapot')");
            await().atMost(WAIT).until(() -> cdc.afterIds(TOPIC).contains(2));

            // the config keeps the reference; the password itself is in no response
            JsonNode config = connect.get("/connectors/cdc_sm/config").body();
            assertThat(config.path("database.password").asText()).isEqualTo(reference("password"));
            assertThat(config.path("database.user").asText()).isEqualTo(reference("username"));
            for (String path : new String[] {"/connectors/cdc_sm", "/connectors/cdc_sm/config",
                "/connectors/cdc_sm/tasks", "/connectors/cdc_sm/status", "/connectors?expand=info"}) {
                assertThat(connect.get(path).body().toString()).as(path).doesNotContain(postgres.password());
            }
            // deleting the connector drops its slot
            assertThat(connect.delete("/connectors/cdc_sm").status()).isEqualTo(204);
            assertThat(cdc.slotExists("cdc_sm")).isFalse();
        } finally {
            connect.delete("/connectors/cdc_sm");
            cdc.dropSlotIfLeft("cdc_sm");
        }
    }

    @Test
    void aSecretOrKeyThatIsNotThereIsNamedByValidateAndCreate() {
        ConnectRestClient connect = env.connect();

        var validated = connect.put("/connector-plugins/RdsPostgresConnector/config/validate",
                config(reference("username"), "${secretsmanager:sluice/it/no-such-secret:password}"));
        assertThat(validated.status()).isEqualTo(400);
        assertThat(validated.body().path("message").asText()).contains("has no secret 'sluice/it/no-such-secret'")
                .contains(env.secretsManager().endpoint());

        var created = connect.createConnector("cdc_sm_bad", config(reference("username"), reference("pasword")));
        assertThat(created.status()).isEqualTo(400);
        assertThat(created.body().path("message").asText()).contains("has no key 'pasword'")
                .contains("[engine, username, password]").doesNotContain(postgres.password());
        assertThat(connect.get("/connectors/cdc_sm_bad").status()).isEqualTo(404);
    }
}
