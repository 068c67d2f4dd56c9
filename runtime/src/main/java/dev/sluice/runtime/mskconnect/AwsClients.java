package dev.sluice.runtime.mskconnect;

import dev.sluice.runtime.config.AwsSettings;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;

/** The AWS SDK clients of the node, built from its {@link AwsSettings}: region, endpoint overrides, credentials. */
public final class AwsClients {

    private AwsClients() {
    }

    public static S3Client s3(AwsSettings aws) {
        var builder = S3Client.builder()
                .region(Region.of(aws.region()))
                .credentialsProvider(credentials(aws))
                .httpClient(UrlConnectionHttpClient.create());
        String endpoint = aws.endpoints().get("s3");
        if (endpoint != null) {
            // stand-ins such as S3Mock serve buckets as paths, not as host names
            builder.endpointOverride(URI.create(endpoint)).forcePathStyle(true);
        }
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(AwsSettings aws) {
        if (aws.accessKeyId() != null && aws.secretAccessKey() != null) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(aws.accessKeyId(),
                    aws.secretAccessKey()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
