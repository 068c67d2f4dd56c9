package dev.sluice.connect.lambda;

import dev.sluice.connect.common.Versions;

/** The version this plugin was built as, from a resource beside this class that Maven filters at build time. */
final class Version {

    private static final String VERSION = Versions.of(Version.class, "lambdatrigger-version.properties");

    private Version() {
    }

    static String get() {
        return VERSION;
    }
}
