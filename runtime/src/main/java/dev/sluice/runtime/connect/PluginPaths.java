package dev.sluice.runtime.connect;

/**
 * Where the directories of a Connect cluster's {@code plugin.path} are on this node. A connector's custom plugins
 * are installed by the node that created them; another node of the fleet that runs its workers needs a copy of its
 * own, made on first use.
 */
@FunctionalInterface
public interface PluginPaths {

    /** The {@code plugin.path} to use here for {@code pluginPath} (comma-separated directories, as Connect's). */
    String local(String pluginPath);

    /** Every directory as given, for a node that has every plugin it runs. */
    static PluginPaths asGiven() {
        return pluginPath -> pluginPath;
    }
}
