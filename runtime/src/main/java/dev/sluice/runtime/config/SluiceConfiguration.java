package dev.sluice.runtime.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.TextNode;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.logging.common.DefaultLoggingFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.util.Map;

/** The worker node's YAML configuration ({@code sluice server CONFIG.yml}). */
public class SluiceConfiguration extends Configuration {

    public static final int DEFAULT_API_PORT = 8083;
    public static final int DEFAULT_ADMIN_PORT = 8084;

    @Valid
    @NotNull
    private KafkaSettings kafka = KafkaSettings.defaults();

    @Valid
    @NotNull
    private ConnectSettings connect = ConnectSettings.defaults();

    @Valid
    @NotNull
    private AwsSettings aws = AwsSettings.defaults();

    public SluiceConfiguration() {
        // Ports of Kafka Connect's REST API (application) and of the admin endpoints, as DESIGN.md lists them.
        DefaultServerFactory server = (DefaultServerFactory) getServerFactory();
        ((HttpConnectorFactory) server.getApplicationConnectors().get(0)).setPort(DEFAULT_API_PORT);
        ((HttpConnectorFactory) server.getAdminConnectors().get(0)).setPort(DEFAULT_ADMIN_PORT);

        // Kafka's clients and brokers print their whole config at INFO, once per client: keep INFO for Connect's
        // lifecycle (connectors and tasks starting, stopping, failing) and quiet the rest.
        DefaultLoggingFactory logging = (DefaultLoggingFactory) getLoggingFactory();
        logging.setLoggers(Map.of(
                "org.apache.kafka", TextNode.valueOf("WARN"),
                "kafka", TextNode.valueOf("WARN"),
                "state.change.logger", TextNode.valueOf("WARN"),
                "com.yammer.metrics.reporting.JmxReporter", TextNode.valueOf("ERROR"),
                "org.glassfish.jersey.internal.inject.Providers", TextNode.valueOf("ERROR"),
                "org.apache.kafka.connect.runtime.Worker", TextNode.valueOf("INFO"),
                "org.apache.kafka.connect.runtime.WorkerConnector", TextNode.valueOf("INFO"),
                "org.apache.kafka.connect.runtime.WorkerTask", TextNode.valueOf("INFO"),
                "org.apache.kafka.connect.runtime.distributed.DistributedHerder", TextNode.valueOf("INFO"),
                "dev.sluice", TextNode.valueOf("INFO")));
    }

    @JsonProperty("kafka")
    public KafkaSettings getKafka() {
        return kafka;
    }

    @JsonProperty("kafka")
    public void setKafka(KafkaSettings kafka) {
        this.kafka = kafka;
    }

    @JsonProperty("connect")
    public ConnectSettings getConnect() {
        return connect;
    }

    @JsonProperty("connect")
    public void setConnect(ConnectSettings connect) {
        this.connect = connect;
    }

    @JsonProperty("aws")
    public AwsSettings getAws() {
        return aws;
    }

    @JsonProperty("aws")
    public void setAws(AwsSettings aws) {
        this.aws = aws;
    }
}
