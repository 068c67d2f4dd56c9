package dev.sluice.testkit;

import org.apache.kafka.connect.runtime.isolation.PluginClassLoader;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each AWS connector's plugin folder holds everything it needs beyond what a worker node provides: the connector,
 * loaded by Kafka Connect's own plugin class loader over its {@code lib/} with the node's classpath
 * ({@code runtime/target/lib}) as parent, and nothing else, reaches its stand-in in {@code validate}.
 *
 * <p>The other integration tests run the node in the test JVM, whose classpath holds far more than a node's,
 * so they cannot tell a plugin missing a library from a complete one.
 */
class PluginPackagingIT {

    private static final Path RUNTIME_LIB = Path.of(System.getProperty("sluice.runtime.lib", "../runtime/target/lib"));

    @Test
    void theS3SinkValidatesFromItsPluginFolderAlone() throws Exception {
        SluiceTestEnvironment env = SluiceTestEnvironment.get();
        try (var s3 = env.s3Client()) {
            s3.createBucket(b -> b.bucket("packaging-check"));
        }
        List<String> errors = validate("sluice-s3-sink", "dev.sluice.connect.s3.S3SinkConnector", Map.of(
                "connector.class", "dev.sluice.connect.s3.S3SinkConnector", "topics", "t",
                "s3.bucket.name", "packaging-check", "s3.endpoint", env.s3().endpoint(),
                "aws.access.key.id", "test", "aws.secret.access.key", "test-secret",
                "format.class", "parquet", "flush.size", "10"));
        assertThat(errors).isEmpty();
    }

    @Test
    void theDynamoDbSinkValidatesFromItsPluginFolderAlone() throws Exception {
        SluiceTestEnvironment env = SluiceTestEnvironment.get();
        // no such table: the connector must reach dynalite through its own HTTP client to say so
        List<String> errors = validate("sluice-dynamodb-sink", "dev.sluice.connect.dynamodb.DynamoDbSinkConnector",
                Map.of("connector.class", "dev.sluice.connect.dynamodb.DynamoDbSinkConnector",
                        "topics", "packaging-missing-table", "aws.dynamodb.endpoint", env.dynamoDb().endpoint(),
                        "aws.access.key.id", "test", "aws.secret.access.key", "test-secret"));
        assertThat(errors).anyMatch(e -> e.contains("packaging-missing-table"));
    }

    @Test
    void theCdcSourceValidatesFromItsPluginFolderAlone() throws Exception {
        var postgres = SluiceTestEnvironment.get().postgres();
        // Debezium's validation and Sluice's replication checks both connect: the driver must be in lib/
        List<String> errors = validate("sluice-cdc-source", "dev.sluice.connect.cdc.RdsPostgresConnector",
                Map.of("name", "packaging-cdc", "connector.class", "dev.sluice.connect.cdc.RdsPostgresConnector",
                        "database.hostname", postgres.host(), "database.port", String.valueOf(postgres.port()),
                        "database.user", postgres.user(), "database.password", "wrong-password",
                        "database.dbname", postgres.database(), "database.sslmode", "disable",
                        "topic.prefix", "packaging", "table.include.list", "public.packaging"));
        assertThat(errors).anyMatch(e -> e.contains("password authentication failed"));
    }

    /** Every error message of the connector's {@code validate}, run in a class loader as a worker would build it. */
    private static List<String> validate(String plugin, String connectorClass, Map<String, String> config)
            throws Exception {
        Path pluginDir = SluiceTestEnvironment.pluginPath().resolve(plugin);
        try (URLClassLoader node = new URLClassLoader(jars(RUNTIME_LIB), ClassLoader.getPlatformClassLoader());
             PluginClassLoader loader = new PluginClassLoader(pluginDir.toUri().toURL(),
                     jars(pluginDir.resolve("lib")), node)) {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                Class<?> type = loader.loadClass(connectorClass);
                assertThat(type.getClassLoader()).isSameAs(loader);
                Object connector = type.getConstructor().newInstance();
                Object result = type.getMethod("validate", Map.class).invoke(connector, config);
                List<String> errors = new ArrayList<>();
                for (Object value : (List<?>) result.getClass().getMethod("configValues").invoke(result)) {
                    Method messages = value.getClass().getMethod("errorMessages");
                    for (Object message : (List<?>) messages.invoke(value)) {
                        errors.add(message.toString());
                    }
                }
                return errors;
            } finally {
                thread.setContextClassLoader(previous);
            }
        }
    }

    private static URL[] jars(Path dir) throws Exception {
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
}
