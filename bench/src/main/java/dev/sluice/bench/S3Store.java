package dev.sluice.bench;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * One bucket of the local S3 server, through a client built as the S3 sink builds its own ({@code S3Clients}): the
 * Apache HTTP client with its defaults, path-style addressing, static credentials, and checksums only where S3
 * requires them (as the connector does when {@code s3.endpoint} is set).
 */
public final class S3Store implements AutoCloseable {

    /** An object as a listing shows it. */
    public record StoredObject(String key, long size) {
    }

    private final S3Client s3;
    private final String bucket;

    public S3Store(String endpoint, String region, String bucket, String accessKey, String secretKey) {
        this.s3 = S3Client.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.of(region))
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey,
                        secretKey)))
                .httpClientBuilder(ApacheHttpClient.builder())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
        this.bucket = bucket;
    }

    public void createBucket() {
        s3.createBucket(b -> b.bucket(bucket));
    }

    /** Every object under {@code prefix}, in key order. */
    public List<StoredObject> list(String prefix) {
        return listAfter(prefix, null);
    }

    /** The objects under {@code prefix} whose keys sort after {@code startAfter} (null: all), in key order. */
    public List<StoredObject> listAfter(String prefix, String startAfter) {
        List<StoredObject> objects = new ArrayList<>();
        String token = null;
        do {
            String continuation = token;
            ListObjectsV2Response page = s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix)
                    .startAfter(startAfter).continuationToken(continuation));
            for (S3Object object : page.contents()) {
                objects.add(new StoredObject(object.key(), object.size()));
            }
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        return objects;
    }

    public byte[] get(String key) {
        return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
    }

    /** As the S3 sink uploads: one PutObject up to {@code partSize} bytes, a multipart upload above. */
    public void put(String key, byte[] bytes, long partSize) {
        if (bytes.length <= partSize) {
            s3.putObject(b -> b.bucket(bucket).key(key).contentLength((long) bytes.length),
                    RequestBody.fromBytes(bytes));
            return;
        }
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)
                .contentType("application/octet-stream")).uploadId();
        List<CompletedPart> parts = new ArrayList<>();
        for (int offset = 0; offset < bytes.length; offset += (int) partSize) {
            int partNumber = parts.size() + 1;
            int length = (int) Math.min(partSize, bytes.length - offset);
            var body = RequestBody.fromByteBuffer(ByteBuffer.wrap(bytes, offset, length));
            String eTag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber)
                    .contentLength((long) length), body).eTag();
            parts.add(CompletedPart.builder().partNumber(partNumber).eTag(eTag).build());
        }
        s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build()));
    }

    /** Deletes every object under {@code prefix}, so that the next run's objects do not pile up on disk. */
    public void deleteAll(String prefix) {
        List<StoredObject> objects = list(prefix);
        for (int from = 0; from < objects.size(); from += 1000) {
            List<ObjectIdentifier> batch = objects.subList(from, Math.min(objects.size(), from + 1000)).stream()
                    .map(o -> ObjectIdentifier.builder().key(o.key()).build())
                    .toList();
            s3.deleteObjects(b -> b.bucket(bucket).delete(Delete.builder().objects(batch).quiet(true).build()));
        }
    }

    public String bucket() {
        return bucket;
    }

    @Override
    public void close() {
        s3.close();
    }
}
