package dev.sluice.runtime.health;

import com.codahale.metrics.health.HealthCheck;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

import java.util.concurrent.TimeUnit;

/** Healthy while the Kafka cluster answers a metadata request. */
public final class KafkaHealthCheck extends HealthCheck {

    private static final int TIMEOUT_MS = 5_000;

    private final Admin admin;

    public KafkaHealthCheck(Admin admin) {
        this.admin = admin;
    }

    @Override
    protected Result check() throws Exception {
        var cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS));
        int brokers = cluster.nodes().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).size();
        return Result.healthy("%d broker(s) reachable, cluster id %s", brokers,
                cluster.clusterId().get(TIMEOUT_MS, TimeUnit.MILLISECONDS));
    }
}
