package dev.sluice.runtime.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.sluice.runtime.broker.KraftNodeSettings.Listener;
import dev.sluice.runtime.broker.KraftNodeSettings.Role;
import org.junit.jupiter.api.Test;

class KraftNodeSettingsTest {

    private static final Map<String, String> COMBINED_NODE = Map.of(
            "process.roles", "broker,controller",
            "node.id", "1",
            "controller.quorum.voters", "1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093",
            "listeners", "PLAINTEXT://0.0.0.0:9092,CONTROLLER://0.0.0.0:9093",
            "advertised.listeners", "PLAINTEXT://kafka-1:9092",
            "log.dirs", "/var/lib/sluice/kafka",
            "cluster.id", "MkU3OEVBNTcwNTJENDM2Qg",
            "min.insync.replicas", "2");

    @Test
    void aServerPropertiesFileBecomesTheSameKafkaConfigurationWithoutTheClusterId() {
        var settings = KraftNodeSettings.fromServerProperties(COMBINED_NODE);

        assertThat(settings.nodeId()).isEqualTo(1);
        assertThat(settings.roles()).containsExactlyInAnyOrder(Role.BROKER, Role.CONTROLLER);
        assertThat(settings.clusterId()).isEqualTo("MkU3OEVBNTcwNTJENDM2Qg");
        assertThat(settings.isSoleVoter()).isFalse();
        assertThat(settings.serverProperties())
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("listeners", "PLAINTEXT://0.0.0.0:9092,CONTROLLER://0.0.0.0:9093")
                .containsEntry("advertised.listeners", "PLAINTEXT://kafka-1:9092")
                .containsEntry("controller.listener.names", "CONTROLLER")
                .containsEntry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT")
                .containsEntry("inter.broker.listener.name", "PLAINTEXT")
                .containsEntry("log.dirs", "/var/lib/sluice/kafka")
                .containsEntry("min.insync.replicas", "2")
                .doesNotContainKey("cluster.id");
    }

    @Test
    void everyMissingKeyIsReportedAtOnce() {
        assertThatThrownBy(() -> KraftNodeSettings.fromServerProperties(Map.of("process.roles", "broker,zookeeper")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("node.id is required")
                .hasMessageContaining("unknown role 'zookeeper'")
                .hasMessageContaining("listeners is required")
                .hasMessageContaining("controller.quorum.voters is required")
                .hasMessageContaining("log.dirs is required");
    }

    @Test
    void aBrokerAdvertisesItsListenersOnTheAdvertisedHost() {
        var settings = new KraftNodeSettings(2, Set.of(Role.BROKER), List.of(new Listener("plaintext", "", 9092)),
                "127.0.0.1", "0@127.0.0.1:9095", List.of(Path.of("/data/broker-2")), null, Map.of());

        assertThat(settings.serverProperties())
                .containsEntry("listeners", "PLAINTEXT://:9092")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:9092");
    }

    @Test
    void aControllerWithoutAControllerListenerIsRejected() {
        assertThatThrownBy(() -> new KraftNodeSettings(0, Set.of(Role.CONTROLLER),
                List.of(new Listener("PLAINTEXT", "127.0.0.1", 9093)), null, "0@127.0.0.1:9093",
                List.of(Path.of("/data")), null, Map.of("log.dirs", "/elsewhere")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a controller needs a listener named CONTROLLER")
                .hasMessageContaining("log.dirs has a field of its own");
    }
}
