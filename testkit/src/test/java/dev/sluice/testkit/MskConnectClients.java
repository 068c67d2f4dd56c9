package dev.sluice.testkit;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kafkaconnect.KafkaConnectClient;

import java.net.URI;

/** AWS's own MSK Connect client, pointed at the test node: nothing but the endpoint changes. */
final class MskConnectClients {

    private MskConnectClients() {
    }

    static KafkaConnectClient forNode(WorkerNode node) {
        return forUrl(node.apiUrl());
    }

    static KafkaConnectClient forUrl(String apiUrl) {
        return KafkaConnectClient.builder()
                .endpointOverride(URI.create(apiUrl))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
