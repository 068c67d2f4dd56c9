package dev.sluice.testkit;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;

import java.net.URI;

/** AWS's own Glue client, pointed at the test node's schema registry: nothing but the endpoint changes. */
final class GlueClients {

    static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("sluice", "sluice-local"));

    private GlueClients() {
    }

    static GlueClient forNode(WorkerNode node) {
        return GlueClient.builder()
                .endpointOverride(URI.create(node.apiUrl()))
                .region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
