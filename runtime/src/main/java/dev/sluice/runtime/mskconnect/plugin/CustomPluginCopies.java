package dev.sluice.runtime.mskconnect.plugin;

import dev.sluice.runtime.connect.PluginPaths;
import dev.sluice.runtime.mskconnect.Arns;
import dev.sluice.runtime.state.ResourceState;
import dev.sluice.runtime.util.Directories;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's copies of custom plugins that another node of the fleet installed: a connector's {@code plugin.path}
 * names the creating node's directories, and a node that runs its workers without them fetches the plugin from its
 * S3 location (as the control plane records it) into its own plugin directory, once, before the workers start.
 */
public final class CustomPluginCopies implements PluginPaths {

    private static final Logger log = LoggerFactory.getLogger(CustomPluginCopies.class);

    private final ResourceState state;
    private final Arns arns;
    private final PluginFetcher fetcher;
    private final PluginArchiveInspector inspector;
    private final Path pluginRoot;

    public CustomPluginCopies(ResourceState state, Arns arns, PluginFetcher fetcher, PluginArchiveInspector inspector,
                              Path pluginRoot) {
        this.state = state;
        this.arns = arns;
        this.fetcher = fetcher;
        this.inspector = inspector;
        this.pluginRoot = pluginRoot;
    }

    @Override
    public synchronized String local(String pluginPath) {
        List<String> out = new ArrayList<>();
        for (String entry : pluginPath.split(",")) {
            String dir = entry.trim();
            if (!dir.isEmpty()) {
                out.add(Files.isDirectory(Path.of(dir)) ? dir : copyOf(Path.of(dir)).toString());
            }
        }
        return String.join(",", out);
    }

    /** This node's directory of the plugin installed elsewhere in {@code elsewhere}, installed now if need be. */
    private Path copyOf(Path elsewhere) {
        String name = elsewhere.getFileName().toString();
        CustomPlugin plugin = state.list(arns.prefixOf(Arns.CUSTOM_PLUGIN), CustomPlugin.class).stream()
                .filter(p -> p.installDir() != null && Path.of(p.installDir()).getParent().getFileName().toString()
                        .equals(name))
                .findFirst()
                .orElseThrow(() -> new ConnectException("No custom plugin of the control plane is installed in "
                        + elsewhere + ", which a connector's plugin.path names: was the plugin deleted?"));
        Path here = pluginRoot.resolve(name);
        Path installDir = here.resolve(Path.of(plugin.installDir()).getFileName());
        if (Files.isDirectory(installDir)) {
            return here;
        }
        Path staging = here.resolve("installing");
        Path download = null;
        try {
            Directories.deleteRecursively(staging);
            Files.createDirectories(here);
            download = Files.createTempFile(here, "download-", ".tmp");
            fetcher.fetch(plugin.location(), download);
            Inspection inspection = inspector.inspect(download, plugin.contentType(), staging);
            if (inspection instanceof Inspection.Rejected rejected) {
                throw new ConnectException("Custom plugin " + plugin.name() + " could not be installed on this node: "
                        + rejected.message());
            }
            Files.move(staging, installDir, StandardCopyOption.ATOMIC_MOVE);
            log.info("Installed custom plugin {} on this node from its S3 location, for a connector placed here",
                    plugin.name());
            return here;
        } catch (PluginFetcher.FetchFailed e) {
            throw new ConnectException("Custom plugin " + plugin.name() + " could not be fetched to this node: "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new ConnectException("Custom plugin " + plugin.name() + " could not be installed in " + here, e);
        } finally {
            if (download != null) {
                try {
                    Files.deleteIfExists(download);
                } catch (IOException e) {
                    log.warn("Could not delete {}", download, e);
                }
            }
        }
    }
}
