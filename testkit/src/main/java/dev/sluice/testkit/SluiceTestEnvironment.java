package dev.sluice.testkit;

import dev.sluice.lambdahost.LambdaHostSettings;
import dev.sluice.lambdahost.LocalLambdaHost;
import dev.sluice.runtime.broker.EmbeddedKafkaCluster;
import dev.sluice.runtime.broker.Ports;
import dev.sluice.runtime.config.AwsSettings;
import dev.sluice.runtime.dev.LocalDynamoDbServer;
import dev.sluice.runtime.dev.LocalPostgresServer;
import dev.sluice.runtime.dev.LocalS3Server;
import dev.sluice.runtime.util.Directories;
import dev.sluice.secretsmanager.LocalSecretsManager;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.io.IOException;
import java.net.URI;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * The servers every integration test of a module shares, started once per test JVM (Failsafe runs a module's tests
 * in one JVM) and stopped when it exits: the bundled Kafka cluster, the local S3 server, the DynamoDB stand-in, the
 * local Lambda host, the local Secrets Manager, the PostgreSQL stand-in, and one worker node with this repository's
 * plugins (whose workers resolve {@code ${secretsmanager:...}} references from that Secrets Manager).
 *
 * <p>Tests that share the environment use connector and topic names of their own.
 */
public final class SluiceTestEnvironment {

    /** The folder of built plugins; Failsafe sets it, {@code plugins/target/plugins} of the checkout otherwise. */
    public static final String PLUGIN_PATH_PROPERTY = "sluice.plugin.path";

    private static SluiceTestEnvironment instance;

    private final Path workDir;
    private final EmbeddedKafkaCluster kafka;
    private final WorkerNode node;
    private final LocalS3Server s3;
    private final LocalDynamoDbServer dynamoDb;
    private final LocalLambdaHost lambda;
    private final LocalSecretsManager secretsManager;
    private final LocalPostgresServer postgres;
    private LocalMariaDbServer mariaDb; // started by mariaDb() on first use

    private SluiceTestEnvironment(int brokers) {
        try {
            workDir = Files.createTempDirectory("sluice-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        kafka = EmbeddedKafkaCluster.builder(workDir.resolve("kafka")).brokers(brokers).freePorts().build();
        // S3Mock takes seconds to boot: start it beside the brokers, as the node fetches custom plugins from it
        s3 = new LocalS3Server(Ports.freePorts("127.0.0.1", 1).get(0), workDir.resolve("s3"));
        // dynalite keeps its tables in memory here
        dynamoDb = new LocalDynamoDbServer(Ports.freePorts("127.0.0.1", 1).get(0), null,
                LocalDynamoDbServer.defaultInstallDir(), workDir.resolve("dynamodb.log"));
        // functions get the tests' credentials as their role's, so their AWS SDK calls reach the stand-ins
        lambda = new LocalLambdaHost(Ports.freePorts("127.0.0.1", 1).get(0), workDir.resolve("lambda"),
                LambdaHostSettings.defaults().withCredentials("test", "test-secret"));
        secretsManager = new LocalSecretsManager(0, null, "us-east-1", AwsSettings.defaults().accountId());
        // PostgreSQL with wal_level=logical, for the CDC source; its initdb takes seconds, so beside the others too
        postgres = new LocalPostgresServer(Ports.freePorts("127.0.0.1", 1).get(0), workDir.resolve("postgres"),
                workDir.resolve("postgres.log"));
        // registered before anything starts, so that a start that fails half-way leaves no server running
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "sluice-test-environment-stop"));
        Thread s3Starter = new Thread(s3::start, "sluice-test-s3");
        Thread dynamoDbStarter = new Thread(dynamoDb::start, "sluice-test-dynamodb");
        Thread postgresStarter = new Thread(postgres::start, "sluice-test-postgres");
        s3Starter.start();
        dynamoDbStarter.start();
        postgresStarter.start();
        lambda.start(); // takes milliseconds: its function instances start on their first invoke
        secretsManager.start();
        kafka.start();
        joinQuietly(s3Starter);
        joinQuietly(dynamoDbStarter);
        joinQuietly(postgresStarter);
        List<Integer> ports = Ports.freePorts("127.0.0.1", 2);
        AwsSettings aws = new AwsSettings(null, null, Map.of("s3", s3.endpoint(), "dynamodb", dynamoDb.endpoint(),
                "lambda", lambda.endpoint(), "secretsmanager", secretsManager.endpoint()), "test", "test-secret");
        node = new WorkerNode(kafka.bootstrapServers(), List.of(pluginPath().toString()),
                Map.of("offset.flush.interval.ms", "1000"), ports.get(0), ports.get(1), aws,
                workDir.resolve("custom-plugins").toString());
        node.start();
    }

    /** The module's shared environment: one broker, one worker node. */
    public static synchronized SluiceTestEnvironment get() {
        if (instance == null) {
            instance = new SluiceTestEnvironment(1);
        }
        return instance;
    }

    public EmbeddedKafkaCluster kafka() {
        return kafka;
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public WorkerNode node() {
        return node;
    }

    public ConnectRestClient connect() {
        return new ConnectRestClient(node.apiUrl());
    }

    /** The S3 server, which the node fetches custom plugins from. */
    public LocalS3Server s3() {
        return s3;
    }

    /** The DynamoDB stand-in (dynalite, tables in memory). */
    public LocalDynamoDbServer dynamoDb() {
        return dynamoDb;
    }

    /** The local Lambda host, which the node's connectors invoke functions on. */
    public LocalLambdaHost lambdaHost() {
        return lambda;
    }

    /** The local Secrets Manager, which the node's workers read {@code ${secretsmanager:...}} references from. */
    public LocalSecretsManager secretsManager() {
        return secretsManager;
    }

    /** A new client of the local Secrets Manager (any credentials); the caller closes it. */
    public SecretsManagerClient secretsManagerClient() {
        return SecretsManagerClient.builder()
                .endpointOverride(URI.create(secretsManager.endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /**
     * The PostgreSQL stand-in: {@code host()}, {@code port()}, {@code user()}, {@code password()}, {@code database()},
     * {@code jdbcUrl()} and {@code connect()} (as the user {@code sluice}, who has the REPLICATION attribute).
     */
    public LocalPostgresServer postgres() {
        return postgres;
    }

    /**
     * The MySQL stand-in (MariaDB 11.4.5, binlog in ROW format; see {@link LocalMariaDbServer}), started on the first
     * call only, since it takes about 14 seconds: only the tests that use it pay for it.
     */
    public synchronized LocalMariaDbServer mariaDb() {
        if (mariaDb == null) {
            var server = new LocalMariaDbServer(Ports.freePorts("127.0.0.1", 1).get(0), workDir.resolve("mariadb"));
            try {
                server.start();
            } catch (RuntimeException e) {
                server.close(); // a half-started server is stopped, and the next call tries afresh
                throw e;
            }
            mariaDb = server;
        }
        return mariaDb;
    }

    /** A new Lambda client of the local Lambda host (any credentials); the caller closes it. */
    public LambdaClient lambdaClient() {
        return lambdaClient(lambda.endpoint());
    }

    /** A new Lambda client of a Lambda host at {@code endpoint}; the caller closes it. */
    public static LambdaClient lambdaClient(String endpoint) {
        return LambdaClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** A new S3 client of the S3 server (path-style, any credentials); the caller closes it. */
    public S3Client s3Client() {
        return S3Client.builder()
                .endpointOverride(URI.create(s3.endpoint()))
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the test environment", e);
        }
    }

    public Path workDir() {
        return workDir;
    }

    static Path pluginPath() {
        String configured = System.getProperty(PLUGIN_PATH_PROPERTY);
        Path path = configured != null ? Paths.get(configured) : Paths.get("plugins", "target", "plugins");
        if (!Files.isDirectory(path)) {
            throw new IllegalStateException("No plugins at " + path.toAbsolutePath()
                    + ": build them first (./mvnw package) or set -D" + PLUGIN_PATH_PROPERTY);
        }
        return path.toAbsolutePath();
    }

    private synchronized void close() {
        // each may not have started, or not have been made, when a start failed
        for (AutoCloseable part : new AutoCloseable[] {node, s3, dynamoDb, lambda, secretsManager, postgres, mariaDb,
            kafka}) {
            if (part != null) {
                try {
                    part.close();
                } catch (Exception e) {
                    // stopping the others matters more
                }
            }
        }
        try {
            Directories.deleteRecursively(workDir);
        } catch (IOException e) {
            // a temp folder left behind is no reason to fail a test run
        }
    }
}
