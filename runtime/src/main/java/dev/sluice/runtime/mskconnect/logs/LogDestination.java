package dev.sluice.runtime.mskconnect.logs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.runtime.mskconnect.connector.MskConnector;

import java.util.Optional;

/**
 * Where a connector's worker logs go: its {@code logDelivery.workerLogDelivery.s3}, when enabled.
 *
 * @param connectorName the Kafka Connect connector's name, as it appears in the log context of its threads
 * @param connectorId   the last part of the connector's ARN, which tells apart connectors of the same name
 */
public record LogDestination(String connectorName, String connectorId, String bucket, String prefix) {

    public static Optional<LogDestination> of(MskConnector connector) {
        JsonNode logDelivery = connector.request().logDelivery();
        JsonNode s3 = logDelivery == null ? null : logDelivery.path("workerLogDelivery").path("s3");
        if (s3 == null || !s3.path("enabled").asBoolean(false) || s3.path("bucket").asText("").isEmpty()) {
            return Optional.empty();
        }
        String arn = connector.arn();
        return Optional.of(new LogDestination(connector.name(), arn.substring(arn.lastIndexOf('/') + 1),
                s3.path("bucket").asText(), s3.path("prefix").asText("")));
    }
}
