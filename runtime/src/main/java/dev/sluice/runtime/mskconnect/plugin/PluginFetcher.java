package dev.sluice.runtime.mskconnect.plugin;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Fetches a custom plugin's file from S3 into a local file, with its MD5 and size, as MSK Connect records them. */
public final class PluginFetcher {

    private static final String S3_ARN_PREFIX = "arn:aws:s3:::";

    private final S3Client s3;

    public PluginFetcher(S3Client s3) {
        this.s3 = s3;
    }

    public record Fetched(Path file, String md5, long size) {
    }

    /** Thrown with a message a person can act on: which object, and what S3 said. */
    public static final class FetchFailed extends Exception {
        public FetchFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static boolean isBucketArn(String bucketArn) {
        return bucketArn != null && bucketArn.startsWith(S3_ARN_PREFIX) && bucketArn.length() > S3_ARN_PREFIX.length();
    }

    public Fetched fetch(CustomPlugin.S3Object object, Path into) throws FetchFailed {
        String bucket = object.bucketArn().substring(S3_ARN_PREFIX.length());
        String where = "s3://" + bucket + "/" + object.fileKey()
                + (object.objectVersion() == null ? "" : " (version " + object.objectVersion() + ")");
        try (InputStream in = s3.getObject(b -> b.bucket(bucket).key(object.fileKey())
                .versionId(object.objectVersion()));
             DigestInputStream digest = new DigestInputStream(in, MessageDigest.getInstance("MD5"));
             OutputStream out = Files.newOutputStream(into)) {
            long size = digest.transferTo(out);
            return new Fetched(into, HexFormat.of().formatHex(digest.getMessageDigest().digest()), size);
        } catch (S3Exception e) {
            throw new FetchFailed("Could not read " + where + ": " + e.awsErrorDetails().errorCode() + " ("
                    + e.statusCode() + "). Check that the object exists and that Sluice may read it", e);
        } catch (SdkException | IOException e) {
            throw new FetchFailed("Could not read " + where + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this JVM", e);
        }
    }
}
