package dev.sluice.runtime.mskconnect.plugin;

import java.util.List;

/** What {@link PluginArchiveInspector} made of an uploaded custom plugin file. */
public sealed interface Inspection {

    /**
     * The file was installed as a Kafka Connect plugin directory. Every list holds class names, sorted.
     *
     * @param hasServiceLoaderManifests whether the plugin declares at least one of its plugins in a
     *        {@code META-INF/services} manifest, as {@code plugin.discovery=service_load} requires
     */
    record Installed(List<String> connectors, List<String> converters, List<String> transforms,
                     List<String> predicates, List<String> headerConverters, List<String> configProviders,
                     boolean hasServiceLoaderManifests) implements Inspection {

        public Installed {
            connectors = List.copyOf(connectors);
            converters = List.copyOf(converters);
            transforms = List.copyOf(transforms);
            predicates = List.copyOf(predicates);
            headerConverters = List.copyOf(headerConverters);
            configProviders = List.copyOf(configProviders);
        }
    }

    /** The file cannot be used as a plugin; {@code message} names the file or class and says what to change. */
    record Rejected(String code, String message) implements Inspection {

        /** Not a ZIP or JAR, corrupt, or a nested jar that cannot be opened. */
        public static final String INVALID_ARCHIVE = "INVALID_ARCHIVE";
        /** The content type is neither ZIP nor JAR. */
        public static final String INVALID_CONTENT_TYPE = "INVALID_CONTENT_TYPE";
        /** A ZIP of jars declared as a JAR, or a bare JAR declared as a ZIP. */
        public static final String CONTENT_TYPE_MISMATCH = "CONTENT_TYPE_MISMATCH";
        /** An entry whose name would escape the plugin directory ("zip slip"). */
        public static final String UNSAFE_ENTRY = "UNSAFE_ENTRY";
        /** More entries or more unpacked bytes than allowed. */
        public static final String ARCHIVE_TOO_LARGE = "ARCHIVE_TOO_LARGE";
        /** A ZIP without any jar file in it. */
        public static final String NO_JAR_FILES = "NO_JAR_FILES";
        /** A jar bundling classes the Connect runtime provides (kafka-clients, connect-api...). */
        public static final String RUNTIME_CLASH = "RUNTIME_CLASH";
        /** No class implementing {@code org.apache.kafka.connect.connector.Connector}. */
        public static final String NO_CONNECTOR = "NO_CONNECTOR";
        /** Kafka Connect's plugin scanning itself failed on the plugin's classes. */
        public static final String SCAN_FAILED = "SCAN_FAILED";
    }
}
