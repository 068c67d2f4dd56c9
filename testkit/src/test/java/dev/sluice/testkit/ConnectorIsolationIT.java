package dev.sluice.testkit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Each connector runs in a Kafka Connect cluster of its own: own group, own internal topics, as in MSK Connect. */
class ConnectorIsolationIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static ConnectRestClient api;
    private static Admin admin;

    @BeforeAll
    static void start() {
        api = SluiceTestEnvironment.get().connect();
        admin = Admin.create(Map.of("bootstrap.servers", SluiceTestEnvironment.get().bootstrapServers()));
    }

    @AfterAll
    static void stop() {
        admin.close();
    }

    private static Map<String, String> sink(String topic) {
        return Map.of("connector.class", "dev.sluice.connect.discard.DiscardSinkConnector", "topics", topic);
    }

    @Test
    void twoConnectorsRunSideBySideWithSeparateGroupsAndInternalTopics() throws Exception {
        assertThat(api.createConnector("iso-a", sink("iso-topic")).status()).isEqualTo(201);
        assertThat(api.createConnector("iso-b", sink("iso-topic")).status()).isEqualTo(201);
        await().atMost(WAIT).until(() -> api.hasState("iso-a", "RUNNING", 1) && api.hasState("iso-b", "RUNNING", 1));

        Set<String> topics = admin.listTopics().names().get();
        for (String kind : List.of("configs", "offsets", "status")) {
            String a = only(topics, "__sluice_" + kind + "_iso-a_");
            String b = only(topics, "__sluice_" + kind + "_iso-b_");
            assertThat(a).isNotEqualTo(b);
        }
        Set<String> groups = admin.listGroups().all().get().stream()
                .map(GroupListing::groupId).collect(Collectors.toSet());
        assertThat(only(groups, "__sluice_group_iso-a_")).isNotEqualTo(only(groups, "__sluice_group_iso-b_"));

        // pausing one connector leaves the other running: no shared rebalance, no shared state
        assertThat(api.put("/connectors/iso-a/pause", null).status()).isEqualTo(202);
        await().atMost(WAIT).until(() -> api.hasState("iso-a", "PAUSED", 1));
        assertThat(api.hasState("iso-b", "RUNNING", 1)).isTrue();

        // deleting a connector removes its Connect cluster's internal topics, and only those
        assertThat(api.delete("/connectors/iso-a").status()).isEqualTo(204);
        await().atMost(WAIT).until(() -> admin.listTopics().names().get().stream()
                .noneMatch(t -> t.startsWith("__sluice_") && t.contains("_iso-a_")));
        assertThat(api.hasState("iso-b", "RUNNING", 1)).isTrue();
        assertThat(admin.listTopics().names().get()).anyMatch(t -> t.startsWith("__sluice_configs_iso-b_"));
        assertThat(api.delete("/connectors/iso-b").status()).isEqualTo(204);
    }

    @Test
    void aConnectorCreatedAgainUnderTheSameNameStartsFromNewInternalTopics() throws Exception {
        assertThat(api.createConnector("iso-again", sink("iso-topic")).status()).isEqualTo(201);
        await().atMost(WAIT).until(() -> api.hasState("iso-again", "RUNNING", 1));
        String first = only(admin.listTopics().names().get(), "__sluice_configs_iso-again_");
        assertThat(api.delete("/connectors/iso-again").status()).isEqualTo(204);

        assertThat(api.createConnector("iso-again", sink("iso-topic")).status()).isEqualTo(201);
        await().atMost(WAIT).until(() -> api.hasState("iso-again", "RUNNING", 1));
        await().atMost(WAIT).until(() -> admin.listTopics().names().get().stream()
                .filter(t -> t.startsWith("__sluice_configs_iso-again_")).toList().size() == 1);
        assertThat(only(admin.listTopics().names().get(), "__sluice_configs_iso-again_")).isNotEqualTo(first);
        assertThat(api.delete("/connectors/iso-again").status()).isEqualTo(204);
    }

    private static String only(Set<String> names, String prefix) {
        List<String> matching = names.stream().filter(n -> n.startsWith(prefix)).toList();
        assertThat(matching).as("names starting with %s", prefix).hasSize(1);
        return matching.get(0);
    }
}
