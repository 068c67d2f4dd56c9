package dev.sluice.runtime;

import dev.sluice.runtime.config.KafkaSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Checks, before anything else starts, that Kafka answers; fails fast with a message naming the servers. */
final class KafkaReachability {

    private KafkaReachability() {
    }

    static String requireReachable(Admin admin, KafkaSettings kafka) {
        long timeoutMs = kafka.startupTimeout().toMilliseconds();
        try {
            return admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeoutMs))
                    .clusterId().get(timeoutMs + 1_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new StartupException("Kafka at " + kafka.bootstrapServers() + " did not answer within "
                    + timeoutMs / 1000 + " s; check kafka.bootstrapServers and kafka.clientProperties", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("Interrupted while waiting for Kafka at " + kafka.bootstrapServers(), e);
        }
    }
}
