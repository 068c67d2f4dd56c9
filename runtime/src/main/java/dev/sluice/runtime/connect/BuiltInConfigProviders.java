package dev.sluice.runtime.connect;

import dev.sluice.runtime.config.AwsSettings;

import org.apache.kafka.connect.runtime.isolation.Plugins;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The config providers a node declares on every worker, so that connector configs can say
 * {@code ${secretsmanager:<secret>:<key>}} without a worker configuration: Sluice's Secrets Manager provider (the
 * {@code sluice-config-providers} plugin), reading with the node's AWS settings (region, the {@code secretsmanager}
 * endpoint, credentials) as MSK Connect's workers read with the connector's service execution role. Declared only when
 * the plugin is on the plugin path. A worker configuration or the operator's worker properties that set
 * {@code config.providers} replace the declaration, as in Kafka Connect.
 */
final class BuiltInConfigProviders {

    private static final Logger log = LoggerFactory.getLogger(BuiltInConfigProviders.class);

    static final String SECRETS_MANAGER = "secretsmanager";
    static final String SECRETS_MANAGER_CLASS = "dev.sluice.connect.configprovider.SecretsManagerConfigProvider";

    private BuiltInConfigProviders() {
    }

    /**
     * What a node declares: the worker properties, and the top-level plugin path entry that holds the providers'
     * plugin, which a cluster with a plugin path of its own (an MSK Connect connector's custom plugins) gets too.
     */
    record Declaration(Map<String, String> workerProperties, Optional<String> pluginPath) {

        static Declaration none() {
            return new Declaration(Map.of(), Optional.empty());
        }
    }

    /** The declaration of the providers whose plugins {@code plugins} found; none when they found none. */
    static Declaration declare(AwsSettings aws, Plugins plugins) {
        Class<?> provider;
        try {
            provider = plugins.pluginClass(SECRETS_MANAGER_CLASS);
        } catch (ClassNotFoundException e) {
            log.info("The sluice-config-providers plugin is not on the plugin path: ${{}:...} references in "
                    + "connector configs need a worker configuration that declares a provider", SECRETS_MANAGER);
            return Declaration.none();
        }
        return new Declaration(secretsManager(aws), pluginPathOf(provider));
    }

    /** The directory above the one holding the class's jar ({@code <plugin>/lib/*.jar}): a plugin path entry. */
    private static Optional<String> pluginPathOf(Class<?> provider) {
        try {
            Path jar = Path.of(provider.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Optional.ofNullable(jar.getParent()).map(Path::getParent).map(Path::toString);
        } catch (URISyntaxException | RuntimeException e) {
            log.warn("Cannot tell where the {} provider's plugin is; connectors with custom plugins cannot use it",
                    SECRETS_MANAGER, e);
            return Optional.empty();
        }
    }

    static Map<String, String> secretsManager(AwsSettings aws) {
        String prefix = "config.providers." + SECRETS_MANAGER + ".";
        Map<String, String> props = new LinkedHashMap<>();
        props.put("config.providers", SECRETS_MANAGER);
        props.put(prefix + "class", SECRETS_MANAGER_CLASS);
        props.put(prefix + "param.region", aws.region());
        String endpoint = aws.endpoints().get(SECRETS_MANAGER);
        if (endpoint != null) {
            props.put(prefix + "param.endpoint", endpoint);
        }
        if (aws.accessKeyId() != null && aws.secretAccessKey() != null) {
            // Kafka Connect logs the values of the keys it defines only; these it does not define, and the provider
            // takes them as PASSWORD-typed
            props.put(prefix + "param.aws.access.key.id", aws.accessKeyId());
            props.put(prefix + "param.aws.secret.access.key", aws.secretAccessKey());
        }
        return props;
    }
}
