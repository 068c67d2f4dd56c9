package dev.sluice.runtime.dev;

import dev.sluice.runtime.broker.EmbeddedKafkaCluster;
import io.dropwizard.lifecycle.Managed;

import java.nio.file.Path;

/**
 * What {@code sluice dev} runs beside the worker node: the bundled Kafka cluster and the local AWS stand-ins, with
 * their state under one folder. Started before the node; stopped after it, so the node's connectors commit their
 * offsets to brokers that are still there.
 */
public final class DevStack implements Managed {

    private final EmbeddedKafkaCluster kafka;
    private final LocalS3Server s3;

    public DevStack(Path stateDir, int brokers, int s3Port) {
        this.kafka = EmbeddedKafkaCluster.builder(stateDir.resolve("kafka")).brokers(brokers).build();
        this.s3 = new LocalS3Server(s3Port, stateDir.resolve("s3"));
    }

    /** Starts the stand-ins side by side (S3Mock takes seconds to boot) and the brokers. */
    public void startAll() {
        Thread s3Starter = new Thread(s3::start, "sluice-dev-s3");
        s3Starter.start();
        try {
            kafka.start();
            s3Starter.join();
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
        }
    }
}
