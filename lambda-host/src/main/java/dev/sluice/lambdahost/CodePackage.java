package dev.sluice.lambdahost;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * A function's deployment package: a ZIP (or a JAR, which is one) with classes at its root and jars in {@code lib/},
 * as Lambda's Java runtimes load it. Unpacked to a folder of its own, which becomes the instance's task root.
 *
 * @param sha256 the base64 SHA-256 of the package, as {@code CodeSha256} reports it
 */
record CodePackage(byte[] zip, String sha256, long size) {

    /** Lambda's limit on a function's unzipped code. */
    static final long MAX_UNZIPPED_SIZE = 262_144_000L;

    private static final String UNZIP_FAILED =
            "Could not unzip uploaded file. Please check your file, then try to upload again.";

    /**
     * @throws LambdaApiException InvalidParameterValueException when the bytes are not a ZIP with at least one entry
     */
    static CodePackage of(byte[] zip) {
        if (zip == null || zip.length == 0) {
            throw LambdaApiException.invalidParameter(UNZIP_FAILED);
        }
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            if (in.getNextEntry() == null) {
                throw LambdaApiException.invalidParameter(UNZIP_FAILED);
            }
        } catch (IOException e) {
            throw LambdaApiException.invalidParameter(UNZIP_FAILED);
        }
        return new CodePackage(zip, sha256(zip), zip.length);
    }

    /**
     * Unpacks into {@code dir} (created), refusing entries that would land outside it and more than Lambda's limit of
     * unzipped bytes.
     */
    void unpackTo(Path dir) throws IOException {
        Path root = Files.createDirectories(dir).toRealPath();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw LambdaApiException.invalidParameter(UNZIP_FAILED + " The entry " + entry.getName()
                            + " is outside the package's folder.");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (OutputStream out = Files.newOutputStream(target)) {
                    total += copyWithin(in, out, MAX_UNZIPPED_SIZE - total);
                }
            }
        } catch (ZipException e) {
            throw LambdaApiException.invalidParameter(UNZIP_FAILED);
        }
    }

    private static long copyWithin(InputStream in, OutputStream out, long budget) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long copied = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            copied += n;
            if (copied > budget) {
                throw LambdaApiException.invalidParameter("Unzipped size must be smaller than " + MAX_UNZIPPED_SIZE
                        + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return copied;
    }

    private static String sha256(byte[] bytes) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
