package dev.sluice.runtime.mskconnect.connector;

import dev.sluice.runtime.mskconnect.connector.ConnectorApi.CreateConnectorRequest;

/**
 * A connector of the MSK Connect API as the control plane stores it: the request it was created with, its ARN,
 * version and tags. Its state is read live from the Kafka Connect connector of the same name.
 */
public record MskConnector(String arn, String creationTime, String currentVersion, CreateConnectorRequest request,
                           java.util.Map<String, String> tags) {

    public String name() {
        return request.connectorName();
    }
}
