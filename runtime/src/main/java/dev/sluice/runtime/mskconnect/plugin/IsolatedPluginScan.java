package dev.sluice.runtime.mskconnect.plugin;

import org.apache.kafka.connect.runtime.isolation.ClassLoaderFactory;
import org.apache.kafka.connect.runtime.isolation.PluginDesc;
import org.apache.kafka.connect.runtime.isolation.PluginScanResult;
import org.apache.kafka.connect.runtime.isolation.PluginSource;
import org.apache.kafka.connect.runtime.isolation.PluginUtils;
import org.apache.kafka.connect.runtime.isolation.ReflectionScanner;
import org.apache.kafka.connect.runtime.isolation.ServiceLoaderScanner;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Scans one plugin directory the way a worker with {@code plugin.discovery=hybrid_warn} does: Kafka's
 * {@link ServiceLoaderScanner} and {@link ReflectionScanner} over a {@code PluginClassLoader} for the directory.
 *
 * <p>Unlike a worker, the plugin loader's parent is {@link RuntimeView}, which loads the runtime's classes but shows
 * ClassGraph (behind the reflection scanner) no class path or module layer of its own: ClassGraph scans every URL and
 * module of the loader chain, and the JDK's modules plus the runtime's class path took 4 to 6 seconds per upload
 * instead of a few milliseconds for the plugin's own jars. The cost: a plugin class that reaches {@code Connector}
 * and the other plugin types only through a class outside the plugin (on the runtime's class path) is not found.
 */
final class IsolatedPluginScan {

    /** Names of what was found; no {@code Class} escapes, so the loader can be closed and collected. */
    record Found(List<String> connectors, List<String> converters, List<String> transforms, List<String> predicates,
                 List<String> headerConverters, List<String> configProviders, boolean serviceLoaderManifests) {
    }

    Found scan(Path pluginDir) throws IOException {
        var runtime = new RuntimeView(IsolatedPluginScan.class.getClassLoader());
        PluginSource source = PluginUtils.isolatedPluginSource(pluginDir, runtime, new ClassLoaderFactory());
        try (var loader = (URLClassLoader) source.loader()) {
            PluginScanResult serviceLoaded = new ServiceLoaderScanner().discoverPlugins(Set.of(source));
            PluginScanResult reflected = new ReflectionScanner().discoverPlugins(Set.of(source));
            var all = new PluginScanResult(List.of(reflected, serviceLoaded));
            return new Found(
                    names(all.sourceConnectors(), all.sinkConnectors()),
                    names(all.converters()),
                    names(all.transformations()),
                    names(all.predicates()),
                    names(all.headerConverters()),
                    names(all.configProviders()),
                    !serviceLoaded.isEmpty());
        }
    }

    @SafeVarargs
    private static List<String> names(Collection<? extends PluginDesc<?>>... descs) {
        return Stream.of(descs).flatMap(Collection::stream).map(PluginDesc::className).distinct().sorted().toList();
    }

    /**
     * Delegates classes and resources to the runtime's loader without being a URL class loader itself; its parent
     * is the bootstrap loader, as the platform loader would make ClassGraph scan every JDK module.
     */
    private static final class RuntimeView extends ClassLoader {

        static {
            registerAsParallelCapable();
        }

        private final ClassLoader runtime;

        RuntimeView(ClassLoader runtime) {
            super("sluice-runtime-view", null);
            this.runtime = runtime;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            return runtime.loadClass(name);
        }

        @Override
        protected URL findResource(String name) {
            return runtime.getResource(name);
        }

        @Override
        protected Enumeration<URL> findResources(String name) throws IOException {
            return runtime.getResources(name);
        }
    }
}
