package dev.sluice.runtime.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaClusterTest {

    @TempDir
    Path tempDir;

    @Test
    void aTakenBrokerPortFailsTheStartBeforeAnythingIsWritten() throws IOException {
        var dataDir = tempDir.resolve("kafka");
        try (var taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = taken.getLocalPort();
            var cluster = EmbeddedKafkaCluster.builder(dataDir)
                    .brokers(1)
                    .firstBrokerPort(port)
                    .controllerPort(Ports.freePorts("127.0.0.1", 1).get(0))
                    .build();

            assertThatThrownBy(cluster::start)
                    .isInstanceOf(PortInUseException.class)
                    .hasMessageContaining("port " + port + " is already in use")
                    .satisfies(e -> assertThat(((PortInUseException) e).port()).isEqualTo(port));
            assertThat(dataDir).doesNotExist();
        }
    }

    @Test
    void aControllerPortAmongTheBrokerPortsIsRejected() {
        var builder = EmbeddedKafkaCluster.builder(tempDir).brokers(3).firstBrokerPort(9092).controllerPort(9093);

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("controller port 9093 is one of the broker ports 9092..9094");
    }
}
