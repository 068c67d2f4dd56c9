package dev.sluice.lambdahost;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * What an instance's JVM runs: AWS's runtime interface client and the libraries it needs, found on the host's own
 * classpath (one jar or folder per library, never the host's whole classpath), and the client's native library,
 * unpacked once for all instances (left to itself, each instance would unpack it to the same file in /tmp while
 * others load it).
 */
record RuntimeClasspath(List<Path> entries, Path nativeLibrary) {

    /** The runtime interface client's main class. */
    static final String MAIN_CLASS = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    /** The system property that names the native library to load instead of unpacking one to /tmp. */
    static final String NATIVE_LIBRARY_PROPERTY =
            "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    /** One class of each library the runtime needs; the last is optional (annotations of utils-lite). */
    private static final List<String> REQUIRED = List.of(MAIN_CLASS,
            "com.amazonaws.services.lambda.runtime.Context",
            "com.amazonaws.services.lambda.runtime.serialization.PojoSerializer",
            "software.amazon.awssdk.utilslite.SdkInternalThreadLocal");
    private static final String OPTIONAL = "software.amazon.awssdk.annotations.SdkProtectedApi";

    /**
     * Finds the libraries and unpacks the native library into {@code dir}.
     *
     * @throws IllegalStateException when a library is missing, or this platform has no native library
     */
    static RuntimeClasspath locate(ClassLoader loader, Path dir) throws IOException {
        List<Path> entries = new ArrayList<>();
        for (String className : REQUIRED) {
            entries.add(codeSource(loader, className, true));
        }
        Path optional = codeSource(loader, OPTIONAL, false);
        if (optional != null && !entries.contains(optional)) {
            entries.add(optional);
        }
        return new RuntimeClasspath(List.copyOf(entries), unpackNativeLibrary(entries.get(0), dir));
    }

    private static Path codeSource(ClassLoader loader, String className, boolean required) {
        try {
            CodeSource source = Class.forName(className, false, loader).getProtectionDomain().getCodeSource();
            return Paths.get(source.getLocation().toURI());
        } catch (ClassNotFoundException | NullPointerException | URISyntaxException e) {
            if (required) {
                throw new IllegalStateException("The local Lambda host needs " + className + " (AWS's runtime"
                        + " interface client and its dependencies) on its classpath", e);
            }
            return null;
        }
    }

    /** The runtime client's native library for this machine, as the client's jar holds it under {@code jni/}. */
    static String nativeLibraryName(String osName, String osArch) {
        if (!osName.toLowerCase(Locale.ROOT).contains("linux")) {
            throw new IllegalStateException("AWS's Java runtime interface client runs on Linux only; this is "
                    + osName);
        }
        String arch = switch (osArch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch_64";
            default -> throw new IllegalStateException("AWS's Java runtime interface client has no native library"
                    + " for " + osArch);
        };
        return "libaws-lambda-jni.linux-" + arch + ".so";
    }

    private static Path unpackNativeLibrary(Path clientJar, Path dir) throws IOException {
        String name = nativeLibraryName(System.getProperty("os.name"), System.getProperty("os.arch"));
        Path target = dir.resolve(name);
        Files.createDirectories(dir);
        if (Files.isDirectory(clientJar)) {
            Files.copy(clientJar.resolve("jni").resolve(name), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        }
        try (JarFile jar = new JarFile(clientJar.toFile())) {
            ZipEntry entry = jar.getEntry("jni/" + name);
            if (entry == null) {
                throw new IllegalStateException(clientJar + " has no jni/" + name);
            }
            Path tmp = Files.createTempFile(dir, name, ".tmp");
            try (InputStream in = jar.getInputStream(entry)) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return target;
    }

    String classpath() {
        return String.join(java.io.File.pathSeparator, entries.stream().map(Path::toString).toList());
    }
}
