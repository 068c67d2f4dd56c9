package dev.sluice.connect.s3.upload;

import dev.sluice.connect.s3.buffer.SpillingBuffer;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Uploads one finished object: a single PutObject up to {@code s3.part.size} bytes, a multipart upload above.
 * Failures are translated by {@link S3Errors}; a failed multipart upload is aborted so that no parts linger.
 */
public final class ObjectUploader {

    private static final Logger log = LoggerFactory.getLogger(ObjectUploader.class);
    private static final String CONTENT_TYPE = "application/octet-stream";

    private final S3Client s3;
    private final String bucket;
    private final long partSize;

    public ObjectUploader(S3Client s3, String bucket, long partSize) {
        this.s3 = s3;
        this.bucket = bucket;
        this.partSize = partSize;
    }

    /**
     * @throws org.apache.kafka.connect.errors.RetriableException when retrying later may succeed
     * @throws org.apache.kafka.connect.errors.ConnectException when a setting must change first
     */
    public void upload(String key, SpillingBuffer buffer) {
        try {
            if (buffer.size() <= partSize) {
                s3.putObject(b -> b.bucket(bucket).key(key).contentLength(buffer.size()),
                        body(buffer, 0, buffer.size()));
            } else {
                multipart(key, buffer);
            }
        } catch (SdkException e) {
            throw S3Errors.translate("upload s3://" + bucket + "/" + key, e);
        }
    }

    private void multipart(String key, SpillingBuffer buffer) {
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key).contentType(CONTENT_TYPE))
                .uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            for (long offset = 0; offset < buffer.size(); offset += partSize) {
                int partNumber = parts.size() + 1;
                long length = Math.min(partSize, buffer.size() - offset);
                UploadPartResponse response = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                        .partNumber(partNumber).contentLength(length), body(buffer, offset, length));
                parts.add(completedPart(partNumber, response));
            }
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build()));
            log.debug("Uploaded s3://{}/{} in {} parts", bucket, key, parts.size());
        } catch (RuntimeException e) {
            abort(key, uploadId, e);
            throw e;
        }
    }

    /** Carries the part's checksums, if the client computed any, as the SDK's own multipart code does. */
    private static CompletedPart completedPart(int partNumber, UploadPartResponse response) {
        return CompletedPart.builder().partNumber(partNumber).eTag(response.eTag())
                .checksumCRC32(response.checksumCRC32()).checksumCRC32C(response.checksumCRC32C())
                .checksumCRC64NVME(response.checksumCRC64NVME())
                .checksumSHA1(response.checksumSHA1()).checksumSHA256(response.checksumSHA256())
                .build();
    }

    private void abort(String key, String uploadId, RuntimeException failure) {
        try {
            s3.abortMultipartUpload(AbortMultipartUploadRequest.builder().bucket(bucket).key(key).uploadId(uploadId)
                    .build());
        } catch (RuntimeException e) {
            // The upload's parts stay until a bucket lifecycle rule removes them; the failure itself matters more.
            failure.addSuppressed(e);
        }
    }

    /** A body the SDK can read again from the start on each of its own retries. */
    private static RequestBody body(SpillingBuffer buffer, long offset, long length) {
        ContentStreamProvider provider = () -> {
            try {
                return buffer.openRange(offset, length);
            } catch (java.io.IOException e) {
                throw new UncheckedIOException("Cannot read the object's buffer", e);
            }
        };
        return RequestBody.fromContentProvider(provider, length, CONTENT_TYPE);
    }
}
