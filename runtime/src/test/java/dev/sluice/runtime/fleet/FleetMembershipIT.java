package dev.sluice.runtime.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sluice.runtime.broker.EmbeddedKafkaCluster;
import org.apache.kafka.clients.admin.Admin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nodes find each other through the Kafka cluster alone, and a node that leaves is out of every view. */
class FleetMembershipIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path dataDir;

    private static EmbeddedKafkaCluster cluster;
    private static Admin admin;

    @BeforeAll
    static void startCluster() {
        cluster = EmbeddedKafkaCluster.builder(dataDir).brokers(1).freePorts().build();
        cluster.start();
        admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()));
    }

    @AfterAll
    static void stopCluster() {
        if (admin != null) {
            admin.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private static FleetMembership node(String id) throws Exception {
        var membership = new FleetMembership(new FleetMember(id, "http://" + id + ":8083/", System.currentTimeMillis()),
                FleetMembership.nameFor("__sluice_connectors"), Map.of("bootstrap.servers", cluster.bootstrapServers()),
                admin, Duration.ofSeconds(6));
        membership.start();
        return membership;
    }

    private static List<String> seen(FleetMembership node) {
        return node.current().view().members().stream().map(FleetMember::id).toList();
    }

    @Test
    void threeNodesSeeTheSameFleetAndTheSurvivorsSeeANodeLeave() throws Exception {
        List<FleetMembership> nodes = new ArrayList<>();
        try {
            for (String id : List.of("node-a", "node-b", "node-c")) {
                nodes.add(node(id));
            }
            await().atMost(WAIT).until(() -> nodes.stream().allMatch(
                    n -> seen(n).equals(List.of("node-a", "node-b", "node-c"))));
            assertThat(nodes).extracting(n -> n.current().generation()).containsOnly(
                    nodes.get(0).current().generation());
            // the same placement on every node, from the same view
            assertThat(nodes).extracting(n -> Placement.nodesFor("orders", 2, n.current().view().members()))
                    .allMatch(p -> p.equals(Placement.nodesFor("orders", 2, nodes.get(0).current().view()
                            .members())));

            nodes.remove(2).stop();

            await().atMost(WAIT).until(() -> nodes.stream().allMatch(
                    n -> seen(n).equals(List.of("node-a", "node-b"))));
        } finally {
            for (FleetMembership node : nodes) {
                node.stop();
            }
        }
    }
}
