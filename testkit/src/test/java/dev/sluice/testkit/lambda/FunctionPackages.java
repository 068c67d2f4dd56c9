package dev.sluice.testkit.lambda;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KafkaEvent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Deployment packages of the test functions, laid out as a user's: the handler classes (with their nested classes)
 * at the root, resources beside them, and the jars they need in {@code lib/} (aws-lambda-java-core,
 * aws-lambda-java-events and what that needs), copied from the test classpath.
 */
public final class FunctionPackages {

    private FunctionPackages() {
    }

    /** A ZIP of the handlers, the resources given (path to content) and Lambda's Java libraries in lib/. */
    public static byte[] zip(Map<String, byte[]> resources, Class<?>... handlers) {
        return write(false, resources, handlers);
    }

    /** The same as a JAR, with a manifest, as a build tool's fat jar would be uploaded. */
    public static byte[] jar(Map<String, byte[]> resources, Class<?>... handlers) {
        return write(true, resources, handlers);
    }

    private static byte[] write(boolean jar, Map<String, byte[]> resources, Class<?>... handlers) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (Class<?> handler : handlers) {
            entries.putAll(classFiles(handler));
        }
        entries.putAll(resources);
        for (Path library : lambdaLibraries()) {
            entries.put("lib/" + library.getFileName(), read(library));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = jar ? new JarOutputStream(bytes, manifest()) : new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The class's .class file and its nested classes', by their path in a package. */
    private static Map<String, byte[]> classFiles(Class<?> type) {
        Path root = location(type);
        String packagePath = type.getPackageName().replace('.', '/');
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> siblings = Files.list(root.resolve(packagePath))) {
            for (Path file : siblings.toList()) {
                String name = file.getFileName().toString();
                if (name.equals(type.getSimpleName() + ".class") || name.startsWith(type.getSimpleName() + "$")) {
                    files.put(packagePath + "/" + name, read(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** The jars of aws-lambda-java-core and aws-lambda-java-events, and Joda-Time, which the events library uses. */
    private static List<Path> lambdaLibraries() {
        List<Path> jars = new ArrayList<>(List.of(location(RequestHandler.class), location(KafkaEvent.class)));
        try {
            jars.add(location(Class.forName("org.joda.time.DateTime")));
        } catch (ClassNotFoundException e) {
            // not on this classpath: the events used here do not need it
        }
        return jars;
    }

    private static Path location(Class<?> type) {
        try {
            return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Manifest manifest() {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        return manifest;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
