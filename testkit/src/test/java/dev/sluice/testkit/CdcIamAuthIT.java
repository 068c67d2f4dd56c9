package dev.sluice.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.runtime.dev.LocalPostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.regions.Region;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The RDS PostgreSQL connector signing in with RDS IAM tokens instead of a password: the database user's pg_hba
 * entry asks for a cleartext password, and {@link RdsIamGateway} in front of the server accepts only a valid token
 * signed with the test key, as RDS does. The connector's own connections, Debezium's and its replication stream
 * all present tokens; a token signed with another key is refused, and validate says what to check.
 */
class CdcIamAuthIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String IAM_USER = "sluice_iam";
    private static final String IAM_USER_PASSWORD = "known-only-to-the-gateway";
    private static final String KEY_ID = "AKIDSLUICEIAMTEST";
    private static final String SECRET = "sluice/iam/test/secret/key/0123456789";
    private static final String HBA_LINES = "host all " + IAM_USER + " 127.0.0.1/32 password\n"
            + "host replication " + IAM_USER + " 127.0.0.1/32 password\n";

    private static SluiceTestEnvironment env;
    private static LocalPostgresServer postgres;
    private static RdsIamGateway gateway;
    private static Path hbaFile;
    private static String hbaBefore;

    @BeforeAll
    static void start() throws Exception {
        env = SluiceTestEnvironment.get();
        postgres = env.postgres();
        try (Connection superuser = superuser(); Statement sql = superuser.createStatement()) {
            sql.execute("DROP ROLE IF EXISTS " + IAM_USER);
            sql.execute("CREATE ROLE " + IAM_USER + " LOGIN REPLICATION PASSWORD '" + IAM_USER_PASSWORD + "'");
            sql.execute("CREATE TABLE iam_orders (id integer PRIMARY KEY, item text NOT NULL)");
            // a filtered publication is created by the table's owner
            sql.execute("ALTER TABLE iam_orders OWNER TO " + IAM_USER);
            sql.execute("GRANT CREATE ON DATABASE " + postgres.database() + " TO " + IAM_USER);
            sql.execute("GRANT CREATE ON SCHEMA public TO " + IAM_USER);
            sql.execute("INSERT INTO iam_orders VALUES (1, 'kettle')");
            try (ResultSet rs = sql.executeQuery("SHOW hba_file")) {
                rs.next();
                hbaFile = Path.of(rs.getString(1));
            }
            hbaBefore = Files.readString(hbaFile);
            // the first matching line wins: ask this user for a cleartext password, which the gateway replaces
            Files.writeString(hbaFile, HBA_LINES + hbaBefore);
            sql.execute("SELECT pg_reload_conf()");
        }
        gateway = new RdsIamGateway(postgres.port(), IAM_USER, IAM_USER_PASSWORD,
                AwsBasicCredentials.create(KEY_ID, SECRET), Region.US_EAST_1);
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        if (hbaFile != null) {
            Files.writeString(hbaFile, hbaBefore);
        }
        try (Connection superuser = superuser(); Statement sql = superuser.createStatement()) {
            sql.execute("SELECT pg_reload_conf()");
            sql.execute("DROP TABLE IF EXISTS iam_orders");
            sql.execute("DROP PUBLICATION IF EXISTS cdc_iam_publication");
            sql.execute("DROP TABLE IF EXISTS public.sluice_heartbeat_iam");
            sql.execute("REVOKE CREATE ON SCHEMA public FROM " + IAM_USER);
            sql.execute("REVOKE CREATE ON DATABASE " + postgres.database() + " FROM " + IAM_USER);
            sql.execute("DROP ROLE IF EXISTS " + IAM_USER);
        }
    }

    /** The stand-in's superuser, which pg_hba trusts on loopback. */
    private static Connection superuser() throws SQLException {
        var props = new Properties();
        props.setProperty("user", "postgres");
        return DriverManager.getConnection(postgres.jdbcUrl(), props);
    }

    private static Map<String, String> config(String secret) {
        Map<String, String> config = new HashMap<>(Map.of(
                "connector.class", "dev.sluice.connect.cdc.RdsPostgresConnector",
                "database.hostname", "127.0.0.1",
                "database.port", String.valueOf(gateway.port()),
                "database.user", IAM_USER,
                "database.dbname", postgres.database(),
                "database.sslmode", "disable",
                "topic.prefix", "cdciam",
                "table.include.list", "public.iam_orders",
                "sluice.iam.auth", "true",
                "sluice.iam.region", "us-east-1"));
        config.put("aws.access.key.id", KEY_ID);
        config.put("aws.secret.access.key", secret);
        config.put("sluice.heartbeat.table", "public.sluice_heartbeat_iam");
        config.putAll(CdcTopics.PLAIN_JSON_TOPICS);
        return config;
    }

    /** The ids of the rows the topic's records carry (tombstones left out). */
    private static List<Integer> ids(String topic) {
        try (var topics = new CdcTopics(env.bootstrapServers())) {
            return topics.afterIds(topic);
        }
    }

    @Test
    void theConnectorSignsInWithFreshIamTokensAndCapturesChanges() throws Exception {
        ConnectRestClient connect = env.connect();
        int acceptedBefore = gateway.accepted();
        int refusedBefore = gateway.refused();
        try {
            capturesThroughTheGateway(connect, acceptedBefore, refusedBefore);
        } finally {
            connect.delete("/connectors/cdc_iam");
        }
    }

    private void capturesThroughTheGateway(ConnectRestClient connect, int acceptedBefore, int refusedBefore)
            throws Exception {
        assertThat(connect.createConnector("cdc_iam", config(SECRET)).status()).isEqualTo(201);
        await().atMost(WAIT).until(() -> connect.hasState("cdc_iam", "RUNNING", 1));
        await().atMost(WAIT).until(() -> ids("cdciam.public.iam_orders").contains(1));

        try (Connection superuser = superuser(); Statement sql = superuser.createStatement()) {
            sql.execute("INSERT INTO iam_orders VALUES (2, 'teapot')");
        }
        await().atMost(WAIT).until(() -> ids("cdciam.public.iam_orders").contains(2));

        // validation, the connector's own set-up, Debezium's snapshot and its replication stream each signed in
        assertThat(gateway.accepted() - acceptedBefore).isGreaterThanOrEqualTo(3);
        assertThat(gateway.refused()).isEqualTo(refusedBefore);
        // the secret key never leaves through the API
        assertThat(connect.get("/connectors/cdc_iam").body().toString()).doesNotContain(SECRET);
        assertThat(connect.get("/connectors/cdc_iam/tasks").body().toString()).doesNotContain(SECRET);
        assertThat(connect.get("/connectors/cdc_iam/config").body().toString()).doesNotContain(SECRET);
        assertThat(connect.get("/connectors?expand=info").body().toString()).doesNotContain(SECRET);

        assertThat(connect.delete("/connectors/cdc_iam").status()).isEqualTo(204);
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefusedAndValidateSaysWhatToCheck() {
        int refusedBefore = gateway.refused();
        var reply = env.connect().put("/connector-plugins/RdsPostgresConnector/config/validate",
                config("not-the-secret-key"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(gateway.refused()).isGreaterThan(refusedBefore);
        List<String> passwordErrors = new ArrayList<>();
        for (JsonNode config : reply.body().path("configs")) {
            if (config.path("value").path("name").asText().equals("sluice.iam.auth")) {
                config.path("value").path("errors").forEach(e -> passwordErrors.add(e.asText()));
            }
        }
        assertThat(passwordErrors).anyMatch(m -> m.contains("refused the IAM token") && m.contains("rds_iam")
                && m.contains("rds-db:connect"));
        assertThat(reply.body().toString()).doesNotContain("not-the-secret-key");
    }
}
