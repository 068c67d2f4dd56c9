package dev.sluice.bench;

import java.net.URI;
import java.nio.file.Path;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** Puts plugin files into a bucket of the local S3 server, where the node fetches custom plugins from. */
public final class PluginUploader implements AutoCloseable {

    private final S3Client s3;
    private final String bucket;

    /** Creates {@code bucket} on the S3 server at {@code endpoint}. */
    public PluginUploader(String endpoint, String bucket, String accessKey, String secretKey) {
        this.s3 = S3Client.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey,
                        secretKey)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        this.bucket = bucket;
        s3.createBucket(b -> b.bucket(bucket));
    }

    /** Uploads {@code file} under its own file name; returns the key. */
    public String upload(Path file) {
        String key = file.getFileName().toString();
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(file));
        return key;
    }

    public String bucket() {
        return bucket;
    }

    @Override
    public void close() {
        s3.close();
    }
}
