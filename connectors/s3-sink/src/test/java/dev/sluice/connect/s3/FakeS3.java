package dev.sluice.connect.s3;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.HeadBucketResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * An S3 that keeps objects in a map, for unit tests: PutObject, multipart uploads and HeadBucket, and failures
 * on demand. Only one bucket exists.
 */
public final class FakeS3 implements S3Client {

    private final String bucket;
    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    private final Map<String, Map<Integer, byte[]>> uploads = new ConcurrentHashMap<>();
    private final Deque<Supplier<RuntimeException>> failures = new ArrayDeque<>();
    private final Map<String, Integer> failingPuts = new ConcurrentHashMap<>();
    private final List<String> calls = new ArrayList<>();
    private int uploadIds;
    private int aborted;

    public FakeS3(String bucket) {
        this.bucket = bucket;
    }

    /** The next {@code n} calls fail with a 503 SlowDown, as a throttled S3 answers. */
    public synchronized FakeS3 failNext(int n) {
        for (int i = 0; i < n; i++) {
            failures.add(FakeS3::slowDown);
        }
        return this;
    }

    /** The next {@code n} calls fail with {@code failure}. */
    public synchronized FakeS3 failNext(int n, Supplier<RuntimeException> failure) {
        for (int i = 0; i < n; i++) {
            failures.add(failure);
        }
        return this;
    }

    /** The next {@code n} PutObject calls for keys ending with {@code suffix} fail with a 503 SlowDown. */
    public synchronized FakeS3 failNextPutsOf(String suffix, int n) {
        failingPuts.merge(suffix, n, Integer::sum);
        return this;
    }

    public static S3Exception slowDown() {
        return (S3Exception) S3Exception.builder().statusCode(503).message("Please reduce your request rate.")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("SlowDown").serviceName("S3")
                        .errorMessage("Please reduce your request rate.").build())
                .build();
    }

    public static S3Exception noSuchBucket() {
        return (S3Exception) NoSuchBucketException.builder().statusCode(404)
                .message("The specified bucket does not exist")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("NoSuchBucket").serviceName("S3")
                        .errorMessage("The specified bucket does not exist").build())
                .build();
    }

    public static S3Exception accessDenied() {
        return (S3Exception) S3Exception.builder().statusCode(403).message("Access Denied")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDenied").serviceName("S3")
                        .errorMessage("Access Denied").build())
                .build();
    }

    /** Keys in order, with their contents as UTF-8. */
    public synchronized Map<String, String> objectsAsText() {
        Map<String, String> text = new TreeMap<>();
        objects.forEach((key, bytes) -> text.put(key, new String(bytes, StandardCharsets.UTF_8)));
        return text;
    }

    public byte[] object(String key) {
        return objects.get(key);
    }

    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    public synchronized int aborted() {
        return aborted;
    }

    public synchronized int openUploads() {
        return uploads.size();
    }

    private synchronized void call(String name, String bucketName) {
        calls.add(name);
        Supplier<RuntimeException> failure = failures.poll();
        if (failure != null) {
            throw failure.get();
        }
        if (!bucket.equals(bucketName)) {
            throw noSuchBucket();
        }
    }

    @Override
    public PutObjectResponse putObject(PutObjectRequest request, RequestBody body) {
        call("PutObject", request.bucket());
        failIfAsked(request.key());
        objects.put(request.key(), read(body));
        return PutObjectResponse.builder().eTag("etag").build();
    }

    @Override
    public synchronized CreateMultipartUploadResponse createMultipartUpload(CreateMultipartUploadRequest request) {
        call("CreateMultipartUpload", request.bucket());
        String id = "upload-" + ++uploadIds;
        uploads.put(id, new TreeMap<>());
        return CreateMultipartUploadResponse.builder().uploadId(id).bucket(request.bucket()).key(request.key()).build();
    }

    @Override
    public UploadPartResponse uploadPart(UploadPartRequest request, RequestBody body) {
        call("UploadPart", request.bucket());
        uploads.get(request.uploadId()).put(request.partNumber(), read(body));
        return UploadPartResponse.builder().eTag("etag-" + request.partNumber()).build();
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(CompleteMultipartUploadRequest request) {
        call("CompleteMultipartUpload", request.bucket());
        Map<Integer, byte[]> parts = uploads.remove(request.uploadId());
        var whole = new ByteArrayOutputStream();
        for (CompletedPart part : request.multipartUpload().parts()) {
            whole.writeBytes(parts.get(part.partNumber()));
        }
        objects.put(request.key(), whole.toByteArray());
        return CompleteMultipartUploadResponse.builder().key(request.key()).build();
    }

    @Override
    public synchronized AbortMultipartUploadResponse abortMultipartUpload(AbortMultipartUploadRequest request) {
        calls.add("AbortMultipartUpload");
        uploads.remove(request.uploadId());
        aborted++;
        return AbortMultipartUploadResponse.builder().build();
    }

    @Override
    public HeadBucketResponse headBucket(HeadBucketRequest request) {
        call("HeadBucket", request.bucket());
        return HeadBucketResponse.builder().build();
    }

    private synchronized void failIfAsked(String key) {
        for (var failing : failingPuts.entrySet()) {
            if (key.endsWith(failing.getKey()) && failing.getValue() > 0) {
                failing.setValue(failing.getValue() - 1);
                throw slowDown();
            }
        }
    }

    private static byte[] read(RequestBody body) {
        try (InputStream in = body.contentStreamProvider().newStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String serviceName() {
        return "s3";
    }

    @Override
    public void close() {
    }
}
