package dev.sluice.runtime.dev;

import dev.sluice.runtime.StartupException;
import dev.sluice.runtime.config.AwsSettings;
import dev.sluice.runtime.config.ConnectSettings;
import dev.sluice.runtime.config.KafkaSettings;
import dev.sluice.runtime.config.SluiceConfiguration;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.BaseValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DevNodesTest {

    @TempDir
    Path dir;

    @Test
    void oneNodeIsTheDevCommandsOwn() {
        assertThat(DevNodes.plan(1)).isEmpty();
    }

    @Test
    void nodeKListensOnNodeOnesPortsPlusAHundredPerNode() {
        assertThat(DevNodes.plan(3)).containsExactly(new DevNodes.Node(2, 8183, 8184), new DevNodes.Node(3, 8283, 8284));
        assertThat(DevNodes.plan(9)).last().isEqualTo(new DevNodes.Node(9, 8883, 8884));
    }

    @Test
    void noNodePortIsNodeOnesNorAStandInsDefault() {
        List<Integer> ports = DevNodes.plan(DevNodes.MAX_NODES).stream()
                .flatMap(node -> Stream.of(node.apiPort(), node.adminPort())).toList();

        assertThat(ports).doesNotHaveDuplicates()
                .doesNotContain(8083, 8084, 9090, 8000, 9001, 5432, 9092, 9093, 9094, 9095);
    }

    @Test
    void moreThanNineNodesAreRefused() {
        assertThatThrownBy(() -> DevNodes.plan(10)).hasMessageContaining("1..9");
    }

    @Test
    void aStandInMovedOntoANodesPortFailsInOneLine() {
        var nodes = new DevNodes(dir, 2);

        assertThatThrownBy(() -> nodes.requireFree(List.of(8183, 8000, 9001, 5432)))
                .isInstanceOf(StartupException.class)
                .hasMessage("port 8183 is both a stand-in's and node-2's; move the stand-in");
    }

    @Test
    void aNodesConfigIsNodeOnesWithItsOwnUrlPortsAndPluginFolder() throws Exception {
        var nodes = new DevNodes(dir.resolve("nodes"), 3);
        nodes.writeConfigs(nodeOne());

        SluiceConfiguration node3 = new YamlConfigurationFactory<>(SluiceConfiguration.class,
                BaseValidator.newValidator(), Jackson.newObjectMapper(), "dw")
                .build(new FileConfigurationSourceProvider(), dir.resolve("nodes/node-3.yml").toString());

        assertThat(node3.getKafka().bootstrapServers()).isEqualTo("127.0.0.1:9092,127.0.0.1:9093");
        ConnectSettings connect = node3.getConnect();
        assertThat(connect.pluginPath()).containsExactly("/work/plugins");
        assertThat(connect.workerProperties()).isEqualTo(Map.of("offset.flush.interval.ms", "1000"));
        assertThat(connect.registryTopic()).isEqualTo("__dev_connectors");
        assertThat(connect.controlPlaneTopic()).isEqualTo("__dev_control_plane");
        assertThat(connect.advertisedUrl()).isEqualTo("http://127.0.0.1:8283/");
        assertThat(connect.customPluginDir())
                .isEqualTo(dir.resolve("nodes/node-3/custom-plugins").toAbsolutePath().toString());
        assertThat(connect.taskRestartBackoff()).isEqualTo(Duration.seconds(7));
        AwsSettings aws = node3.getAws();
        assertThat(aws.region()).isEqualTo("eu-west-1");
        assertThat(aws.accountId()).isEqualTo("123456789012");
        assertThat(aws.endpoints()).isEqualTo(Map.of("s3", "http://127.0.0.1:9090", "lambda", "http://127.0.0.1:9001",
                "dynamodb", "http://127.0.0.1:8000"));
        assertThat(aws.accessKeyId()).isEqualTo(Endpoints.ACCESS_KEY_ID);
        assertThat(aws.secretAccessKey()).isEqualTo(Endpoints.SECRET_ACCESS_KEY);
        var server = (DefaultServerFactory) node3.getServerFactory();
        var api = (HttpConnectorFactory) server.getApplicationConnectors().get(0);
        var admin = (HttpConnectorFactory) server.getAdminConnectors().get(0);
        assertThat(List.of(api.getBindHost(), api.getPort(), admin.getBindHost(), admin.getPort()))
                .containsExactly("127.0.0.1", 8283, "127.0.0.1", 8284);
    }

    @Test
    void aNodeRunsTheServerCommandOnThisClasspathWithTheSluiceProperties() {
        var nodes = new DevNodes(dir, 2);
        System.setProperty("sluice.test.jar", "/opt/stand-in.jar");
        List<String> command;
        try {
            command = nodes.command(nodes.nodes().get(0));
        } finally {
            System.clearProperty("sluice.test.jar");
        }

        assertThat(command).contains("-Xmx1g", "-Dsluice.test.jar=/opt/stand-in.jar")
                .endsWith("-cp", System.getProperty("java.class.path"), "dev.sluice.runtime.SluiceApplication",
                        "server", dir.resolve("node-2.yml").toString());
    }

    @Test
    void theFleetsApisStartWithNodeOnes() {
        assertThat(new DevNodes(dir, 3).apiUrls("http://localhost:8083"))
                .containsExactly("http://localhost:8083", "http://localhost:8183", "http://localhost:8283");
    }

    private static SluiceConfiguration nodeOne() {
        var config = new SluiceConfiguration();
        config.setKafka(new KafkaSettings("127.0.0.1:9092,127.0.0.1:9093", Map.of(), Duration.seconds(20)));
        config.setConnect(new ConnectSettings(List.of("/work/plugins"), Map.of("offset.flush.interval.ms", "1000"),
                "http://127.0.0.1:8083/", "__dev_connectors", "__dev_control_plane", "/work/.sluice/dev/custom-plugins",
                Duration.seconds(30), 5, Duration.seconds(7)));
        config.setAws(new AwsSettings("eu-west-1", "123456789012", Map.of("s3", "http://127.0.0.1:9090",
                "lambda", "http://127.0.0.1:9001", "dynamodb", "http://127.0.0.1:8000"),
                Endpoints.ACCESS_KEY_ID, Endpoints.SECRET_ACCESS_KEY));
        return config;
    }
}
