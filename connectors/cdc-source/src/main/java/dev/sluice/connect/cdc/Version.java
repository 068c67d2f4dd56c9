package dev.sluice.connect.cdc;

import dev.sluice.connect.common.Versions;

/** The version this plugin was built as, from a resource beside this class that Maven filters at build time. */
final class Version {

    private static final String VERSION = Versions.of(Version.class, "cdcsource-version.properties");

    private Version() {
    }

    static String get() {
        return VERSION;
    }
}
