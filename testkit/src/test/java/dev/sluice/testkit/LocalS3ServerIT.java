package dev.sluice.testkit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The S3 stand-in answers the AWS SDK v2 with its defaults: put, get, list, multipart upload and abort. */
class LocalS3ServerIT {

    private static S3Client s3;

    @BeforeAll
    static void start() {
        String endpoint = SluiceTestEnvironment.get().s3().endpoint();
        s3 = S3Client.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        s3.createBucket(b -> b.bucket("testkit"));
    }

    @Test
    void putThenGetReturnsTheSameBytes() {
        s3.putObject(b -> b.bucket("testkit").key("a/b.json"), RequestBody.fromString("{\"x\":1}\n"));

        String body = s3.getObjectAsBytes(b -> b.bucket("testkit").key("a/b.json")).asUtf8String();
        assertThat(body).isEqualTo("{\"x\":1}\n");
        List<String> keys = s3.listObjectsV2(b -> b.bucket("testkit").prefix("a/")).contents().stream()
                .map(S3Object::key).toList();
        assertThat(keys).containsExactly("a/b.json");
    }

    @Test
    void multipartUploadAssemblesThePartsInOrder() {
        byte[] part1 = new byte[5 * 1024 * 1024];
        Arrays.fill(part1, (byte) 'a');
        byte[] part2 = "tail".getBytes(StandardCharsets.UTF_8);
        String upload = s3.createMultipartUpload(b -> b.bucket("testkit").key("big")).uploadId();
        String etag1 = s3.uploadPart(b -> b.bucket("testkit").key("big").uploadId(upload).partNumber(1),
                RequestBody.fromBytes(part1)).eTag();
        String etag2 = s3.uploadPart(b -> b.bucket("testkit").key("big").uploadId(upload).partNumber(2),
                RequestBody.fromBytes(part2)).eTag();
        s3.completeMultipartUpload(b -> b.bucket("testkit").key("big").uploadId(upload)
                .multipartUpload(CompletedMultipartUpload.builder().parts(
                        CompletedPart.builder().partNumber(1).eTag(etag1).build(),
                        CompletedPart.builder().partNumber(2).eTag(etag2).build()).build()));

        byte[] whole = s3.getObjectAsBytes(b -> b.bucket("testkit").key("big")).asByteArray();
        assertThat(whole).hasSize(part1.length + part2.length);
        assertThat(new String(whole, part1.length, part2.length, StandardCharsets.UTF_8)).isEqualTo("tail");
    }

    @Test
    void anAbortedUploadLeavesNoObject() {
        String upload = s3.createMultipartUpload(b -> b.bucket("testkit").key("aborted")).uploadId();
        s3.uploadPart(b -> b.bucket("testkit").key("aborted").uploadId(upload).partNumber(1),
                RequestBody.fromString("part"));
        s3.abortMultipartUpload(b -> b.bucket("testkit").key("aborted").uploadId(upload));

        assertThat(s3.listObjectsV2(b -> b.bucket("testkit").prefix("aborted")).contents()).isEmpty();
        assertThatThrownBy(() -> s3.listParts(b -> b.bucket("testkit").key("aborted").uploadId(upload)))
                .isInstanceOf(NoSuchUploadException.class);
    }
}
