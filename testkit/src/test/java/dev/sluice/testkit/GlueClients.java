package dev.sluice.testkit;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;

import java.net.URI;
import java.net.http.HttpRequest;

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

    /** A Glue API request as raw JSON, for what the SDK hides (bodies it refuses to send, members it skips). */
    static HttpRequest rawCall(WorkerNode node, String target, String body) {
        return HttpRequest.newBuilder(URI.create(node.apiUrl()))
                .header("X-Amz-Target", target)
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
