package dev.sluice.runtime.mskconnect.plugin;

import dev.sluice.runtime.util.Directories;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import static dev.sluice.runtime.mskconnect.plugin.Inspection.Rejected.INVALID_CONTENT_TYPE;
import static dev.sluice.runtime.mskconnect.plugin.Inspection.Rejected.NO_CONNECTOR;
import static dev.sluice.runtime.mskconnect.plugin.Inspection.Rejected.SCAN_FAILED;

/**
 * What MSK Connect does when a custom plugin is created: installs the uploaded file as a Kafka Connect plugin
 * directory and finds the plugins in it, or says why it cannot be used.
 *
 * <p>Scanning loads and instantiates the plugin's classes, as a Connect worker does: only inspect files that
 * the worker would run anyway.
 */
public final class PluginArchiveInspector {

    private static final Logger log = LoggerFactory.getLogger(PluginArchiveInspector.class);

    /** Guards against zip bombs: entries in the uploaded file, and bytes of jars written from a ZIP. */
    record Limits(long maxUnpackedBytes, int maxEntries) {
        static final Limits DEFAULT = new Limits(1L << 30, 200_000);
    }

    private final ArchiveInstaller installer;
    private final RuntimeClashCheck clashCheck = new RuntimeClashCheck();
    private final IsolatedPluginScan scan = new IsolatedPluginScan();

    public PluginArchiveInspector() {
        this(Limits.DEFAULT);
    }

    PluginArchiveInspector(Limits limits) {
        this.installer = new ArchiveInstaller(limits);
    }

    /**
     * Installs {@code archive} (a ZIP whose jars may sit at any depth, e.g. "myplugin/lib/*.jar" as MSK custom
     * plugins are, or a single JAR) into {@code pluginDir} in Kafka Connect's plugin layout
     * ({@code pluginDir/lib/*.jar}; pluginDir is created; it must not exist or be empty), then scans it with Kafka
     * Connect's own plugin scanning (reflection and service-loader discovery, as
     * {@code plugin.discovery=hybrid_warn} would) in an isolated class loader.
     *
     * <p>On rejection {@code pluginDir} is deleted.
     *
     * @param contentType "ZIP" or "JAR", as in the MSK Connect API
     * @throws IllegalArgumentException if {@code pluginDir} exists and is not an empty directory
     * @throws UncheckedIOException if the file cannot be read or the directory written
     */
    public Inspection inspect(Path archive, String contentType, Path pluginDir) {
        requireUsable(pluginDir);
        boolean done = false;
        try {
            String type = contentType == null ? "" : contentType.toUpperCase(Locale.ROOT);
            if (!type.equals("ZIP") && !type.equals("JAR")) {
                throw new ArchiveRejected(INVALID_CONTENT_TYPE,
                        "The content type \"" + contentType + "\" is not supported: use ZIP or JAR");
            }
            Inspection inspection = installAndScan(archive, type, pluginDir);
            done = inspection instanceof Inspection.Installed;
            return inspection;
        } catch (ArchiveRejected e) {
            return e.rejection();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not install " + archive + " into " + pluginDir, e);
        } finally {
            if (!done) {
                deleteQuietly(pluginDir);
            }
        }
    }

    private Inspection installAndScan(Path archive, String contentType, Path pluginDir)
            throws ArchiveRejected, IOException {
        Path lib = Files.createDirectories(pluginDir.resolve("lib"));
        List<ArchiveInstaller.InstalledJar> jars = installer.install(archive, contentType, lib);
        clashCheck.check(jars);
        IsolatedPluginScan.Found found;
        try {
            found = scan.scan(pluginDir);
        } catch (RuntimeException | LinkageError e) {
            throw new ArchiveRejected(SCAN_FAILED, "Kafka Connect could not scan the plugin in "
                    + archive.getFileName() + ": " + e + ". Check that every dependency of the connector is in the "
                    + "archive and that its classes are compiled for Java 17 or earlier");
        }
        if (found.connectors().isEmpty()) {
            throw new ArchiveRejected(NO_CONNECTOR, noConnectorMessage(archive, jars, found));
        }
        log.info("Installed plugin {} into {}: connectors {}", archive.getFileName(), pluginDir, found.connectors());
        return new Inspection.Installed(found.connectors(), found.converters(), found.transforms(),
                found.predicates(), found.headerConverters(), found.configProviders(), found.serviceLoaderManifests());
    }

    private static String noConnectorMessage(Path archive, List<ArchiveInstaller.InstalledJar> jars,
                                             IsolatedPluginScan.Found found) throws IOException {
        var message = new StringBuilder("No class in ").append(archive.getFileName())
                .append(" implements org.apache.kafka.connect.connector.Connector: a connector must be a public, "
                        + "concrete subclass of SourceConnector or SinkConnector with a public no-arg constructor. ");
        var others = new ArrayList<String>();
        addFound(others, "converters", found.converters());
        addFound(others, "header converters", found.headerConverters());
        addFound(others, "transforms", found.transforms());
        addFound(others, "predicates", found.predicates());
        addFound(others, "config providers", found.configProviders());
        message.append(others.isEmpty() ? "It contains no Kafka Connect plugins at all"
                : "It contains only " + String.join("; ", others));
        message.append(" (jars: ").append(ArchiveInstaller.listed(jars.stream().map(j -> j.origin()).toList()))
                .append(')');
        List<String> lookalikes = connectorLookalikes(jars);
        if (!lookalikes.isEmpty()) {
            message.append(". Classes that look like connectors could not be loaded: ")
                    .append(ArchiveInstaller.listed(lookalikes))
                    .append("; check that their dependencies are in the archive (the worker log names the error)");
        }
        return message.toString();
    }

    private static void addFound(List<String> into, String kind, List<String> names) {
        if (!names.isEmpty()) {
            into.add(kind + " " + String.join(", ", names));
        }
    }

    private static List<String> connectorLookalikes(List<ArchiveInstaller.InstalledJar> jars) throws IOException {
        var names = new ArrayList<String>();
        for (ArchiveInstaller.InstalledJar jar : jars) {
            try (ZipFile zip = new ZipFile(jar.file().toFile())) {
                zip.stream().map(e -> e.getName())
                        .filter(n -> n.endsWith("Connector.class") && !n.contains("$"))
                        .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                        .forEach(names::add);
            }
        }
        return names;
    }

    private static void requireUsable(Path pluginDir) {
        if (!Files.exists(pluginDir)) {
            return;
        }
        try (Stream<Path> children = Files.isDirectory(pluginDir) ? Files.list(pluginDir) : null) {
            if (children == null || children.findAny().isPresent()) {
                throw new IllegalArgumentException("The plugin directory " + pluginDir
                        + " must not exist or be an empty directory");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + pluginDir, e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            Directories.deleteRecursively(dir);
        } catch (IOException e) {
            log.warn("Could not delete the rejected plugin directory {}", dir, e);
        }
    }
}
