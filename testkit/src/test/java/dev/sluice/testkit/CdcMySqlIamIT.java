package dev.sluice.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.regions.Region;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The RDS MySQL connector signing in with RDS IAM tokens instead of a password: {@link MySqlIamGateway} in front of
 * the MySQL stand-in behaves as RDS does for a user {@code IDENTIFIED WITH AWSAuthenticationPlugin} (TLS, then
 * {@code mysql_clear_password}) and lets only a valid token signed with the test key through. The connector's
 * validation, Debezium's JDBC connections and its binlog stream all present tokens, a fresh one after a network
 * fault; the config has no password at all. A token signed with another key is refused, and validate says what to
 * check.
 */
class CdcMySqlIamIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String IAM_USER = "sluice_iam";
    private static final String IAM_USER_PASSWORD = "known-only-to-the-gateway";
    private static final String KEY_ID = "AKIDSLUICEIAMTEST";
    private static final String SECRET = "sluice/iam/test/secret/key/0123456789";
    private static final String STORE_PASSWORD = "gateway";

    private static SluiceTestEnvironment env;
    private static LocalMariaDbServer mariaDb;
    private static MySqlIamGateway gateway;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        env = SluiceTestEnvironment.get();
        mariaDb = env.mariaDb();
        mariaDb.runAsAdmin("CREATE USER IF NOT EXISTS '" + IAM_USER + "'@'%' IDENTIFIED BY '" + IAM_USER_PASSWORD + "'",
                "GRANT SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE, REPLICATION CLIENT, LOCK TABLES ON *.* TO '"
                        + IAM_USER + "'@'%'");
        sql("CREATE TABLE my_iam_orders (id INT PRIMARY KEY, item VARCHAR(40) NOT NULL)",
                "INSERT INTO my_iam_orders VALUES (1, 'kettle')");
        gateway = new MySqlIamGateway(mariaDb.port(), IAM_USER, IAM_USER_PASSWORD,
                AwsBasicCredentials.create(KEY_ID, SECRET), Region.US_EAST_1, selfSignedTls(dir));
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        sql("DROP TABLE IF EXISTS my_iam_orders");
        mariaDb.runAsAdmin("DROP USER IF EXISTS '" + IAM_USER + "'@'%'");
    }

    /** A TLS identity for the gateway: a key pair and self-signed certificate from the JDK's keytool. */
    private static SSLContext selfSignedTls(Path dir) throws Exception {
        Path store = dir.resolve("gateway.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "gateway", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor()).as("keytool: %s", output).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, STORE_PASSWORD.toCharArray());
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, STORE_PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(managers.getKeyManagers(), null, null);
        return tls;
    }

    private static void sql(String... statements) {
        mariaDb.execute(statements);
    }

    private static Map<String, String> config(String secret) {
        Map<String, String> config = new HashMap<>(Map.of(
                "connector.class", "dev.sluice.connect.cdc.mysql.RdsMySqlConnector",
                "database.hostname", "127.0.0.1",
                "database.port", String.valueOf(gateway.port()),
                "database.user", IAM_USER,
                // RDS's default: the gateway's certificate is encrypted to, not verified
                "database.ssl.mode", "required",
                "topic.prefix", "myiam",
                "table.include.list", mariaDb.database() + ".my_iam_orders",
                "schema.history.internal.kafka.bootstrap.servers", env.bootstrapServers(),
                "sluice.iam.auth", "true",
                "sluice.iam.region", "us-east-1"));
        config.put("name", "my_iam");
        // the binlog client notices a dropped connection at its next keep-alive check (Debezium's default: a minute)
        config.put("connect.keep.alive.interval.ms", "1000");
        config.put("aws.access.key.id", KEY_ID);
        config.put("aws.secret.access.key", secret);
        config.putAll(CdcTopics.PLAIN_JSON_TOPICS);
        return config;
    }

    /** The ids of the rows the topic's records carry (tombstones left out). */
    private static List<Integer> ids(String topic) {
        try (var topics = new CdcTopics(env.bootstrapServers())) {
            return topics.afterIds(topic);
        }
    }

    /** Each key's error messages in a validate reply, for the keys that have any. */
    private static Map<String, List<String>> errors(JsonNode validateReply) {
        Map<String, List<String>> errors = new HashMap<>();
        for (JsonNode config : validateReply.path("configs")) {
            List<String> messages = new ArrayList<>();
            config.path("value").path("errors").forEach(e -> messages.add(e.asText()));
            if (!messages.isEmpty()) {
                errors.put(config.path("value").path("name").asText(), messages);
            }
        }
        return errors;
    }

    @Test
    void theConnectorSignsInWithIamTokensAndCapturesChanges() throws Exception {
        ConnectRestClient connect = env.connect();
        int refusedBefore = gateway.refused();
        try {
            // no password in the config: validation's JDBC connections can only have signed in with tokens
            int beforeValidate = gateway.accepted();
            var validated = connect.put("/connector-plugins/RdsMySqlConnector/config/validate", config(SECRET));
            assertThat(validated.status()).isEqualTo(200);
            assertThat(errors(validated.body())).isEmpty();
            assertThat(gateway.accepted()).isGreaterThan(beforeValidate);

            int beforeCapture = gateway.accepted();
            assertThat(connect.createConnector("my_iam", config(SECRET)).status()).isEqualTo(201);
            await().atMost(WAIT).failFast(() -> assertThat(gateway.refused()).as(gateway::lastRefusal)
                    .isEqualTo(refusedBefore)).until(() -> connect.hasState("my_iam", "RUNNING", 1)
                            && ids("myiam.sluice.my_iam_orders").contains(1));
            sql("INSERT INTO my_iam_orders VALUES (2, 'teapot')");
            await().atMost(WAIT).until(() -> ids("myiam.sluice.my_iam_orders").contains(2));

            // Debezium's JDBC connection and its binlog client each signed in with a token, nothing was refused
            assertThat(gateway.accepted() - beforeCapture).isGreaterThanOrEqualTo(2);
            assertThat(gateway.refused()).as(gateway::lastRefusal).isEqualTo(refusedBefore);

            // a network fault: the binlog stream reconnects, signing in with a token it had not presented before
            int tokensBefore = gateway.distinctTokens();
            gateway.dropConnections();
            sql("INSERT INTO my_iam_orders VALUES (3, 'toaster')");
            await().atMost(WAIT).failFast(() -> assertThat(gateway.refused()).as(gateway::lastRefusal)
                    .isEqualTo(refusedBefore)).until(() -> ids("myiam.sluice.my_iam_orders").contains(3));
            assertThat(gateway.distinctTokens()).isGreaterThan(tokensBefore);
            assertThat(ids("myiam.sluice.my_iam_orders")).containsExactly(1, 2, 3);
            // the secret key never leaves through the API
            for (String path : List.of("/connectors/my_iam", "/connectors/my_iam/tasks", "/connectors/my_iam/config",
                    "/connectors?expand=info")) {
                assertThat(connect.get(path).body().toString()).as(path).doesNotContain(SECRET);
            }
        } finally {
            connect.delete("/connectors/my_iam");
        }
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefusedAndValidateSaysWhatToCheck() {
        int refusedBefore = gateway.refused();
        var reply = env.connect().put("/connector-plugins/RdsMySqlConnector/config/validate",
                config("not-the-secret-key"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(gateway.refused()).isGreaterThan(refusedBefore);
        assertThat(errors(reply.body()).get("sluice.iam.auth")).anyMatch(m -> m.contains("refused the IAM token")
                && m.contains("AWSAuthenticationPlugin") && m.contains("rds-db:connect"));
        assertThat(reply.body().toString()).doesNotContain("not-the-secret-key");
    }
}
