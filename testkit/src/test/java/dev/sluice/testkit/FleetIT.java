package dev.sluice.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.runtime.broker.Ports;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nodes sharing a connector registry find each other through the Kafka cluster alone: two node processes list each
 * other in {@code GET /v1/fleet}, and after {@code kill -9} of one the survivor lists itself alone once the group's
 * session timeout (10 s) has passed.
 */
class FleetIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    private static List<String> nodeIds(ConnectRestClient api) {
        List<String> ids = new ArrayList<>();
        for (JsonNode node : api.get("/v1/fleet").body().path("nodes")) {
            ids.add(node.path("id").asText());
        }
        return ids;
    }

    @Test
    void twoNodesSeeEachOtherAndTheSurvivorSeesAKilledNodeGo() throws Exception {
        SluiceTestEnvironment env = SluiceTestEnvironment.get();
        Path dir = env.workDir().resolve("fleet");
        Files.createDirectories(dir);
        List<Integer> ports = Ports.freePorts("127.0.0.1", 4);
        // the same name: the same connector registry, and so the same fleet
        Path configA = NodeProcess.writeConfig(dir.resolve("a.yml"), env.bootstrapServers(), "20s", ports.get(0),
                ports.get(1), SluiceTestEnvironment.pluginPath(), env.s3().endpoint(), "fleet_pair");
        Path configB = NodeProcess.writeConfig(dir.resolve("b.yml"), env.bootstrapServers(), "20s", ports.get(2),
                ports.get(3), SluiceTestEnvironment.pluginPath(), env.s3().endpoint(), "fleet_pair");
        var apiA = new ConnectRestClient("http://127.0.0.1:" + ports.get(0));
        var apiB = new ConnectRestClient("http://127.0.0.1:" + ports.get(2));
        try (NodeProcess a = new NodeProcess(configA, dir.resolve("a.log"));
             NodeProcess b = new NodeProcess(configB, dir.resolve("b.log"))) {
            a.start();
            b.start();
            await().atMost(WAIT).ignoreExceptions().until(() -> nodeIds(apiA).size() == 2 && nodeIds(apiB).size() == 2);
            assertThat(nodeIds(apiA)).isEqualTo(nodeIds(apiB));
            JsonNode fleetA = apiA.get("/v1/fleet").body();
            assertThat(fleetA.path("self").asText()).contains(":" + ports.get(0));
            assertThat(fleetA.path("nodes").findValuesAsText("apiUrl"))
                    .anyMatch(url -> url.contains(":" + ports.get(0)))
                    .anyMatch(url -> url.contains(":" + ports.get(2)));

            b.kill();

            await().atMost(WAIT).ignoreExceptions().until(() -> nodeIds(apiA).size() == 1);
            assertThat(apiA.get("/v1/fleet").body().path("nodes").get(0).path("self").asBoolean()).isTrue();
        }
    }
}
