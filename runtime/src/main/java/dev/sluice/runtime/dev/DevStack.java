package dev.sluice.runtime.dev;

import dev.sluice.lambdahost.LambdaHostSettings;
import dev.sluice.lambdahost.LocalLambdaHost;
import dev.sluice.runtime.broker.EmbeddedKafkaCluster;
import dev.sluice.runtime.config.AwsSettings;
import dev.sluice.secretsmanager.LocalSecretsManager;
import io.dropwizard.lifecycle.Managed;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * What {@code sluice dev} runs beside the worker node: the bundled Kafka cluster and the local AWS stand-ins, with
 * their state under one folder. Started before the node; stopped after it, so the node's connectors commit their
 * offsets to brokers that are still there.
 */
public final class DevStack implements Managed {

    private static final Logger log = LoggerFactory.getLogger(DevStack.class);

    private final EmbeddedKafkaCluster kafka;
    private final LocalS3Server s3;
    private final LocalDynamoDbServer dynamoDb;
    private final LocalLambdaHost lambda;
    private final LocalSecretsManager secretsManager;
    private final LocalPostgresServer postgres;
    private volatile String dynamoDbUnavailable;

    public DevStack(Path stateDir, int brokers, int s3Port, int dynamoDbPort, int lambdaPort, int secretsManagerPort,
                    int postgresPort) {
        this.kafka = EmbeddedKafkaCluster.builder(stateDir.resolve("kafka")).brokers(brokers).build();
        this.s3 = new LocalS3Server(s3Port, stateDir.resolve("s3"));
        this.dynamoDb = new LocalDynamoDbServer(dynamoDbPort, stateDir.resolve("dynamodb"),
                LocalDynamoDbServer.defaultInstallDir(), stateDir.resolve("dynamodb.log"));
        // functions get the dev stack's credentials as their role's, so their AWS SDK calls reach the stand-ins
        this.lambda = new LocalLambdaHost(lambdaPort, stateDir.resolve("lambda"), LambdaHostSettings.defaults()
                .withCredentials(Endpoints.ACCESS_KEY_ID, Endpoints.SECRET_ACCESS_KEY));
        this.secretsManager = new LocalSecretsManager(secretsManagerPort, stateDir.resolve("secretsmanager"),
                Endpoints.REGION, AwsSettings.defaults().accountId());
        this.postgres = new LocalPostgresServer(postgresPort, stateDir.resolve("postgres"),
                stateDir.resolve("postgres.log"));
    }

    /**
     * Starts the stand-ins side by side (S3Mock takes seconds to boot, PostgreSQL's initdb as long on a first run)
     * and the brokers. Without Node.js the DynamoDB stand-in is left out, with one line saying what to install, and
     * the rest starts. The Lambda host and the Secrets Manager start at once (the host's function instances start on
     * their first invoke).
     */
    public void startAll() {
        Thread s3Starter = new Thread(s3::start, "sluice-dev-s3");
        Thread dynamoDbStarter = new Thread(this::startDynamoDb, "sluice-dev-dynamodb");
        var postgresStarter = new FutureTask<Void>(postgres::start, null);
        s3Starter.start();
        dynamoDbStarter.start();
        new Thread(postgresStarter, "sluice-dev-postgres").start();
        try {
            lambda.start();
            secretsManager.start();
            kafka.start();
            s3Starter.join();
            dynamoDbStarter.join();
            postgresStarter.get();
        } catch (ExecutionException e) {
            close();
            throw e.getCause() instanceof RuntimeException cause ? cause
                    : new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the dev stack", e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String s3Endpoint() {
        return s3.endpoint();
    }

    public String lambdaEndpoint() {
        return lambda.endpoint();
    }

    public String secretsManagerEndpoint() {
        return secretsManager.endpoint();
    }

    public Endpoints.Postgres postgres() {
        return new Endpoints.Postgres(postgres.host(), postgres.port(), postgres.user(), postgres.password(),
                postgres.database());
    }

    private void startDynamoDb() {
        try {
            dynamoDb.start();
        } catch (StandInUnavailableException e) {
            dynamoDbUnavailable = e.getMessage();
            log.warn("Starting without the DynamoDB stand-in: {}", e.getMessage());
        }
    }

    /** The DynamoDB stand-in's endpoint; empty when it could not run here ({@link #dynamoDbUnavailable()}). */
    public Optional<String> dynamoDbEndpoint() {
        return dynamoDbUnavailable == null ? Optional.of(dynamoDb.endpoint()) : Optional.empty();
    }

    /** Why the DynamoDB stand-in is not running, and what to install; null when it is. */
    public String dynamoDbUnavailable() {
        return dynamoDbUnavailable;
    }

    @Override
    public void start() {
        // started by startAll(), before the node, which needs Kafka to wire itself
    }

    @Override
    public void stop() {
        close();
    }

    public void close() {
        try {
            kafka.close();
        } finally {
            s3.close();
            dynamoDb.close();
            lambda.close();
            secretsManager.close();
            postgres.close();
        }
    }
}
