package dev.sluice.connect.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version a plugin was built as, from a properties resource that Maven filters at build time. */
public final class Versions {

    private static final String UNKNOWN = "unknown";

    private Versions() {
    }

    /**
     * The {@code version} property of a resource beside {@code anchor}, or {@code "unknown"} when there is no such
     * resource or property.
     *
     * @param anchor   a class of the plugin; the resource is looked up relative to its package, with its class
     *                 loader, so that each plugin reads its own
     * @param resource the resource's name, such as {@code s3sink-version.properties}
     */
    public static String of(Class<?> anchor, String resource) {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                return UNKNOWN;
            }
            Properties props = new Properties();
            props.load(in);
            return props.getProperty("version", UNKNOWN);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
