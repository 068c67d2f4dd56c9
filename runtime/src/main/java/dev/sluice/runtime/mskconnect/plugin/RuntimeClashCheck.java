package dev.sluice.runtime.mskconnect.plugin;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import static dev.sluice.runtime.mskconnect.plugin.Inspection.Rejected.INVALID_ARCHIVE;
import static dev.sluice.runtime.mskconnect.plugin.Inspection.Rejected.RUNTIME_CLASH;

/**
 * Finds jars that bundle what the Connect runtime already provides. A plugin class loader that sees a second copy of
 * {@code Connector} or {@code ConfigDef} breaks the connector with {@code ClassCastException}s and
 * {@code LinkageError}s at start-up, far from the cause, so such plugins are refused when they are created.
 */
final class RuntimeClashCheck {

    private static final Pattern RUNTIME_JAR =
            Pattern.compile("(?i)^(kafka-clients|connect-api|connect-runtime|connect-json|connect-transforms)([-_].*)?\\.jar$");
    private static final List<String> RUNTIME_PACKAGES = List.of(
            "org/apache/kafka/connect/connector/",
            "org/apache/kafka/connect/sink/",
            "org/apache/kafka/connect/source/",
            "org/apache/kafka/common/",
            "org/apache/kafka/clients/");

    private record Clash(String origin, String reason) {
    }

    void check(List<ArchiveInstaller.InstalledJar> jars) throws ArchiveRejected, IOException {
        var clashes = new ArrayList<Clash>();
        for (ArchiveInstaller.InstalledJar jar : jars) {
            clashOf(jar).ifPresent(clashes::add);
        }
        if (clashes.isEmpty()) {
            return;
        }
        var described = clashes.stream().map(c -> c.origin() + " (" + c.reason() + ")").toList();
        throw new ArchiveRejected(RUNTIME_CLASH, "The plugin bundles classes that the Kafka Connect runtime provides: "
                + String.join("; ", described) + ". Kafka Connect would load them from the plugin and the connector "
                + "would fail with ClassCastException or LinkageError. Mark kafka-clients and the connect-* "
                + "dependencies `provided` (Maven) or `compileOnly` (Gradle), exclude them from any shaded jar, "
                + "and rebuild the plugin");
    }

    private static Optional<Clash> clashOf(ArchiveInstaller.InstalledJar jar) throws ArchiveRejected, IOException {
        Matcher named = RUNTIME_JAR.matcher(jar.file().getFileName().toString());
        if (named.matches()) {
            return Optional.of(new Clash(jar.origin(), "a copy of " + named.group(1)));
        }
        try (ZipFile zip = new ZipFile(jar.file().toFile())) {
            for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (name.endsWith(".class") && RUNTIME_PACKAGES.stream().anyMatch(name::startsWith)) {
                    return Optional.of(new Clash(jar.origin(), "contains " + name));
                }
            }
        } catch (ZipException e) {
            throw new ArchiveRejected(INVALID_ARCHIVE, "The jar " + jar.origin() + " is not a valid jar ("
                    + e.getMessage() + "). Replace it with the jar your build produced");
        }
        return Optional.empty();
    }
}
