package dev.sluice.runtime.connect;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigTransformer;
import org.apache.kafka.common.config.provider.ConfigProvider;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.connect.runtime.isolation.Plugins;

import java.util.HashMap;
import java.util.Map;

/**
 * Resolves a connector config's {@code ${provider:path:key}} references as a cluster's workers would, for a validation
 * that runs outside a worker (the MSK Connect API's, with the cluster's own plugins): the connector's
 * {@code validate} must see the password, not the reference to it.
 */
final class ConfigReferences {

    private static final String PROVIDERS = "config.providers";

    private ConfigReferences() {
    }

    /**
     * The config with its references resolved by the providers that {@code workerProps} declares, loaded from
     * {@code plugins}; the config as given when it has no reference or the workers declare no provider.
     *
     * @throws org.apache.kafka.common.config.ConfigException when a reference cannot be resolved
     */
    static Map<String, String> resolve(Plugins plugins, Map<String, String> workerProps, Map<String, String> config) {
        String declared = workerProps.get(PROVIDERS);
        if (declared == null || declared.isBlank()
                || config.values().stream().noneMatch(value -> value != null && value.contains("${"))) {
            return config;
        }
        // Only the providers' own settings: with the list itself, the config would instantiate them a second time.
        Map<String, String> providerSettings = new HashMap<>();
        workerProps.forEach((key, value) -> {
            if (key.startsWith(PROVIDERS + ".")) {
                providerSettings.put(key, value);
            }
        });
        AbstractConfig source = new AbstractConfig(new ConfigDef(), providerSettings, false);
        Map<String, ConfigProvider> providers = new HashMap<>();
        try {
            for (String name : declared.split(",")) {
                ConfigProvider provider = plugins.newConfigProvider(source, PROVIDERS + "." + name.trim(),
                        Plugins.ClassLoaderUsage.PLUGINS);
                if (provider != null) {
                    providers.put(name.trim(), provider);
                }
            }
            return new ConfigTransformer(providers).transform(config).data();
        } finally {
            providers.values().forEach(provider -> Utils.closeQuietly(provider, "config provider"));
        }
    }
}
