package dev.sluice.bench;

import dev.sluice.testkit.SluiceTestEnvironment;

/** The built plugins a benchmark's worker node loads: the folder {@code ./sluice bench} names. */
final class BenchPlugins {

    private BenchPlugins() {
    }

    /** @throws IllegalArgumentException when the folder is not named, saying how to name it */
    static String path() {
        String path = System.getProperty(SluiceTestEnvironment.PLUGIN_PATH_PROPERTY);
        if (path == null) {
            throw new IllegalArgumentException("set -D" + SluiceTestEnvironment.PLUGIN_PATH_PROPERTY
                    + " to the built plugins (plugins/target/plugins); ./sluice bench does");
        }
        return path;
    }
}
