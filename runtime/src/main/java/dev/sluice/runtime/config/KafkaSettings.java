package dev.sluice.runtime.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;

import io.dropwizard.util.Duration;
import java.util.Map;

/**
 * The Kafka cluster a worker node runs against.
 *
 * @param bootstrapServers  the brokers, {@code host:port[,host:port...]}
 * @param clientProperties  Kafka client settings applied to every client of the node and its connectors: TLS and SASL
 *                          settings ({@code security.protocol}, {@code ssl.truststore.location}, {@code sasl.jaas.config} ...)
 * @param startupTimeout    how long the node waits for Kafka at start before it gives up and exits ("20s")
 */
public record KafkaSettings(
        @JsonProperty("bootstrapServers") @NotBlank String bootstrapServers,
        @JsonProperty("clientProperties") Map<String, String> clientProperties,
        @JsonProperty("startupTimeout") Duration startupTimeout) {

    public KafkaSettings {
        bootstrapServers = bootstrapServers == null ? "localhost:9092" : bootstrapServers;
        clientProperties = clientProperties == null ? Map.of() : Map.copyOf(clientProperties);
        startupTimeout = startupTimeout == null ? Duration.seconds(20) : startupTimeout;
    }

    public static KafkaSettings defaults() {
        return new KafkaSettings(null, null, null);
    }
}
