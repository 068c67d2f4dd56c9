package dev.sluice.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.testkit.CdcTopics.Change;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.apache.kafka.connect.runtime.isolation.PluginClassLoader;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The RDS MySQL connector of the cdc-source plugin on a worker node against the MySQL stand-in (MariaDB 11.4.5, see
 * {@link LocalMariaDbServer}): a snapshot, then inserts, updates and deletes in Debezium's envelope, keyed by primary
 * key, tombstones after deletes, one topic per table; the schema history in the topic named after the connector; the
 * new-row-state recipe; validate's advice on grants and on RDS's binlog retention.
 *
 * <p>The stand-in reports its version as {@value LocalMariaDbServer#REPORTED_VERSION}: Debezium 3.6.1's MySQL
 * connector takes MariaDB 11.4's own version string for a MySQL newer than 8.4 and asks for
 * {@code SHOW BINARY LOG STATUS}, which MariaDB lacks; as 8.0.99 it asks for {@code SHOW MASTER STATUS}, which MariaDB
 * answers. RDS for MySQL runs MySQL itself, so this is a workaround of the tests only.
 */
class CdcMySqlIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String CONNECTOR_CLASS = "dev.sluice.connect.cdc.mysql.RdsMySqlConnector";
    private static SluiceTestEnvironment env;
    private static LocalMariaDbServer mariaDb;
    private static ConnectRestClient connect;
    private static CdcTopics topics;

    @BeforeAll
    static void start() {
        env = SluiceTestEnvironment.get();
        mariaDb = env.mariaDb();
        connect = env.connect();
        topics = new CdcTopics(env.bootstrapServers());
    }

    @AfterAll
    static void stop() {
        topics.close();
    }

    private static Map<String, String> config(String table, String prefix, Map<String, String> overrides) {
        Map<String, String> config = new HashMap<>(Map.of(
                "connector.class", CONNECTOR_CLASS,
                "database.hostname", mariaDb.host(),
                "database.port", String.valueOf(mariaDb.port()),
                "database.user", mariaDb.user(),
                "database.password", mariaDb.password(),
                // the stand-in has no TLS; RDS's default here is required
                "database.ssl.mode", "disabled",
                "topic.prefix", prefix,
                "table.include.list", mariaDb.database() + "." + table,
                "schema.history.internal.kafka.bootstrap.servers", env.bootstrapServers()));
        config.putAll(CdcTopics.PLAIN_JSON_TOPICS);
        config.putAll(overrides);
        return config;
    }

    private static void sql(String... statements) {
        mariaDb.execute(statements);
    }

    private static List<Change> changes(String topic) {
        return topics.changes(topic);
    }

    private static void delete(String name) {
        assertThat(connect.delete("/connectors/" + name).status()).isEqualTo(204);
    }

    @Test
    void aSnapshotThenEveryChangeInDebeziumsEnvelopeWithTombstonesAfterDeletes() {
        sql("CREATE TABLE my_orders (id INT PRIMARY KEY, status VARCHAR(20) NOT NULL)",
                "INSERT INTO my_orders VALUES (1, 'new'), (2, 'new'), (3, 'new')");
        String topic = "my1.sluice.my_orders";
        assertThat(connect.createConnector("my_orders", config("my_orders", "my1", Map.of())).status())
                .isEqualTo(201);
        await().atMost(WAIT).until(() -> connect.hasState("my_orders", "RUNNING", 1));

        await().atMost(WAIT).until(() -> changes(topic).size() >= 3);
        List<Change> snapshot = changes(topic);
        assertThat(snapshot).extracting(Change::op).containsExactly("r", "r", "r");
        assertThat(snapshot).extracting(Change::id).containsExactly(1, 2, 3);
        assertThat(snapshot.get(0).value().path("after").path("status").asText()).isEqualTo("new");
        assertThat(snapshot.get(0).value().path("source").path("db").asText()).isEqualTo("sluice");
        assertThat(snapshot.get(0).value().path("source").path("table").asText()).isEqualTo("my_orders");
        // the RDS default at work: the DDL history is kept in a topic named after the connector
        assertThat(changes("my_orders.schema-history")).isNotEmpty()
                .anyMatch(c -> c.value().toString().contains("my_orders"));

        sql("INSERT INTO my_orders VALUES (4, 'new')", "UPDATE my_orders SET status = 'shipped' WHERE id = 2",
                "DELETE FROM my_orders WHERE id = 3");
        await().atMost(WAIT).until(() -> changes(topic).size() >= 7);
        List<Change> all = changes(topic);
        assertThat(all).hasSize(7);
        List<Change> stream = all.subList(3, 7);
        assertThat(stream).extracting(Change::op).containsExactly("c", "u", "d", "tombstone");
        assertThat(stream).extracting(Change::id).containsExactly(4, 2, 3, 3);
        assertThat(stream.get(0).value().path("after").path("status").asText()).isEqualTo("new");
        assertThat(stream.get(1).value().path("before").path("status").asText()).isEqualTo("new");
        assertThat(stream.get(1).value().path("after").path("status").asText()).isEqualTo("shipped");
        assertThat(stream.get(2).value().path("before").path("id").asInt()).isEqualTo(3);
        assertThat(stream.get(2).value().path("after").isNull()).isTrue();

        delete("my_orders");
    }

    /** The binlog position the connector has stored ({@code GET /connectors/<name>/offsets}), or null. */
    private static BinlogPosition storedPosition(String name) {
        var reply = connect.get("/connectors/" + name + "/offsets");
        JsonNode offset = reply.status() == 200 ? reply.body().path("offsets").path(0).path("offset") : null;
        return offset == null || offset.isMissingNode() ? null
                : new BinlogPosition(offset.path("file").asText(), offset.path("pos").asLong());
    }

    record BinlogPosition(String file, long pos) {
        boolean isAfter(BinlogPosition other) {
            int byFile = file.compareTo(other.file);
            return byFile > 0 || (byFile == 0 && pos > other.pos);
        }
    }

    /**
     * On RDS a connector whose tables are quiet while the rest of the database is busy must still move its stored
     * position on, or after a restart it asks for a binlog RDS has purged: the heartbeat default does that.
     */
    @Test
    void heartbeatsMoveTheStoredPositionWhileTheCapturedTableIsIdle() {
        sql("CREATE TABLE my_idle (id INT PRIMARY KEY)", "INSERT INTO my_idle VALUES (1)",
                "CREATE TABLE my_busy (id INT AUTO_INCREMENT PRIMARY KEY, at TIMESTAMP(3) NOT NULL)");
        assertThat(connect.createConnector("my_idle", config("my_idle", "my8", Map.of())).status()).isEqualTo(201);
        await().atMost(WAIT)
                .until(() -> changes("my8.sluice.my_idle").size() == 1 && storedPosition("my_idle") != null);
        BinlogPosition afterSnapshot = storedPosition("my_idle");

        // writes to a table the connector does not capture: only heartbeats can carry their positions to the offsets
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> {
            sql("INSERT INTO my_busy (at) VALUES (NOW(3))");
            BinlogPosition now = storedPosition("my_idle");
            return now != null && now.isAfter(afterSnapshot);
        });
        assertThat(changes("__debezium-heartbeat.my8")).isNotEmpty();
        assertThat(changes("my8.sluice.my_idle")).hasSize(1);

        delete("my_idle");
    }

    @Test
    void theNewRowStateRecipeGivesFlatRows() {
        sql("CREATE TABLE my_flat (id INT PRIMARY KEY, name VARCHAR(20) NOT NULL)",
                "INSERT INTO my_flat VALUES (1, 'a'), (2, 'b')");
        String topic = "my2.sluice.my_flat";
        assertThat(connect.createConnector("my_flat", config("my_flat", "my2", Map.of(
                "transforms", "unwrap",
                "transforms.unwrap.type", "io.debezium.transforms.ExtractNewRecordState",
                "transforms.unwrap.delete.tombstone.handling.mode", "rewrite-with-tombstone"))).status())
                .isEqualTo(201);
        await().atMost(WAIT).until(() -> changes(topic).size() >= 2);
        sql("UPDATE my_flat SET name = 'bb' WHERE id = 2", "DELETE FROM my_flat WHERE id = 1");
        await().atMost(WAIT).until(() -> changes(topic).size() >= 5);

        List<Change> all = changes(topic);
        assertThat(all).hasSize(5);
        assertThat(all).extracting(Change::id).containsExactly(1, 2, 2, 1, 1);
        assertThat(all.subList(0, 4)).extracting(c -> fields(c.value()))
                .containsOnly(List.of("id", "name", "__deleted"));
        assertThat(all.get(2).value().path("name").asText()).isEqualTo("bb");
        assertThat(all.get(3).value().path("__deleted").asText()).isEqualTo("true");
        assertThat(all.get(4).value()).isNull();

        delete("my_flat");
    }

    private static List<String> fields(JsonNode value) {
        return StreamSupport.stream(((Iterable<String>) value::fieldNames).spliterator(), false).toList();
    }

    private static Map<String, List<String>> validate(String name, Map<String, String> config) {
        Map<String, String> named = new HashMap<>(config);
        named.put("name", name);
        var reply = connect.put("/connector-plugins/RdsMySqlConnector/config/validate", named);
        assertThat(reply.status()).isEqualTo(200);
        Map<String, List<String>> errors = new HashMap<>();
        for (JsonNode value : reply.body().path("configs")) {
            List<String> messages = new ArrayList<>();
            value.path("value").path("errors").forEach(e -> messages.add(e.asText()));
            errors.put(value.path("value").path("name").asText(), messages);
        }
        assertThat(errors.values().stream().mapToInt(List::size).sum())
                .isEqualTo(reply.body().path("error_count").asInt());
        return errors;
    }

    @Test
    void validatePassesAServerSetUpForDebeziumAndTellsWhatAUserLacks() {
        Map<String, List<String>> good = validate("my3", config("nothing", "my3", Map.of()));
        assertThat(good.values()).allSatisfy(messages -> assertThat(messages).isEmpty());

        mariaDb.runAsAdmin("CREATE USER IF NOT EXISTS 'app_no_repl'@'%' IDENTIFIED BY 'app-pass'",
                "GRANT SELECT ON sluice.* TO 'app_no_repl'@'%'");
        Map<String, List<String>> errors = validate("my3", config("nothing", "my3",
                Map.of("database.user", "app_no_repl", "database.password", "app-pass")));

        assertThat(errors.get("database.user")).singleElement().asString()
                .contains("lacks REPLICATION SLAVE, REPLICATION CLIENT on *.*")
                .contains("GRANT REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO 'app_no_repl'@'%';");
        assertThat(errors.get("database.hostname")).isEmpty();
    }

    @Test
    void aBadPasswordIsReportedByValidateOnThePasswordAndNeverEchoed() {
        Map<String, String> config = config("nothing", "my6", Map.of("database.password", "not-the-password"));
        config.put("name", "my6");
        var reply = connect.put("/connector-plugins/RdsMySqlConnector/config/validate", config);
        Map<String, List<String>> errors = validate("my6", config);

        assertThat(errors.get("database.password")).singleElement().asString()
                .contains("MySQL refused user 'sluice' with this password");
        assertThat(errors.get("database.hostname")).anyMatch(m -> m.contains("Access denied for user 'sluice'"));
        assertThat(reply.body().toString()).doesNotContain("not-the-password");
    }

    /**
     * The node in this JVM sees the test classpath, MySQL's JDBC driver included: this loads the connector as a worker
     * does, from the plugin's {@code lib/} over the node's own {@code runtime/target/lib}, so a jar missing from the
     * plugin shows (the same check as {@link PluginPackagingIT}'s for the other connectors).
     */
    @Test
    void theConnectorValidatesFromItsPluginFolderAlone() throws Exception {
        Path pluginDir = SluiceTestEnvironment.pluginPath().resolve("sluice-cdc-source");
        Path runtimeLib = Path.of(System.getProperty("sluice.runtime.lib", "../runtime/target/lib"));
        Map<String, String> config = new HashMap<>(config("nothing", "my7", Map.of()));
        config.put("name", "my7");
        List<String> errors = new ArrayList<>();
        try (URLClassLoader node = new URLClassLoader(jars(runtimeLib), ClassLoader.getPlatformClassLoader());
             PluginClassLoader loader = new PluginClassLoader(pluginDir.toUri().toURL(),
                     jars(pluginDir.resolve("lib")), node)) {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                Class<?> type = loader.loadClass(CONNECTOR_CLASS);
                assertThat(type.getClassLoader()).isSameAs(loader);
                Object result = type.getMethod("validate", Map.class)
                        .invoke(type.getConstructor().newInstance(), config);
                for (Object value : (List<?>) result.getClass().getMethod("configValues").invoke(result)) {
                    for (Object message : (List<?>) value.getClass().getMethod("errorMessages").invoke(value)) {
                        errors.add(message.toString());
                    }
                }
                // the driver Debezium connected with came from the plugin too
                assertThat(loader.loadClass("com.mysql.cj.jdbc.Driver").getClassLoader()).isSameAs(loader);
            } finally {
                thread.setContextClassLoader(previous);
            }
        }
        assertThat(errors).isEmpty();
    }

    private static URL[] jars(Path dir) throws IOException {
        assertThat(dir).isDirectory();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".jar")).map(f -> {
                try {
                    return f.toUri().toURL();
                } catch (MalformedURLException e) {
                    throw new IllegalStateException(e);
                }
            }).toArray(URL[]::new);
        }
    }

    @Test
    void validateRequiresAClusterForTheSchemaHistory() {
        Map<String, String> config = config("nothing", "my4", Map.of());
        config.remove("schema.history.internal.kafka.bootstrap.servers");

        assertThat(validate("my4", config).get("schema.history.internal.kafka.bootstrap.servers")).singleElement()
                .asString().contains("Kafka Connect does not pass its worker's bootstrap.servers");
    }

    /**
     * RDS's {@code mysql.rds_show_configuration}, as RDS answers it by default, stood up on the stand-in for the
     * length of this test: validate then takes the server for RDS and reads its binlog retention.
     */
    @Test
    void validateOnRdsAsksForABinlogRetention() {
        mariaDb.runAsAdmin("CREATE OR REPLACE PROCEDURE mysql.rds_show_configuration() SELECT 'binlog retention "
                        + "hours' AS name, NULL AS value, 'binlog retention hours specifies the duration' AS "
                        + "description",
                "GRANT EXECUTE ON PROCEDURE mysql.rds_show_configuration TO 'sluice'@'%'");
        try {
            Map<String, List<String>> errors = validate("my5", config("nothing", "my5", Map.of()));

            assertThat(errors.get("database.hostname")).singleElement().asString()
                    .contains("binlog retention hours is NULL")
                    .contains("call mysql.rds_set_configuration('binlog retention hours', 24)");
            // RDS refuses the global read lock, so the snapshot locks the tables: 'sluice' may, on its database
            assertThat(errors.get("database.user")).isEmpty();

            Map<String, String> lenient = config("nothing", "my5", Map.of("sluice.binlog.retention.min.hours", "0",
                    "snapshot.locking.mode", "none"));
            assertThat(validate("my5", lenient).values()).allSatisfy(messages -> assertThat(messages).isEmpty());
        } finally {
            mariaDb.runAsAdmin("DROP PROCEDURE mysql.rds_show_configuration");
        }
    }
}
