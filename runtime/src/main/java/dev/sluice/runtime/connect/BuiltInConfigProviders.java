package dev.sluice.runtime.connect;

import dev.sluice.runtime.config.AwsSettings;

import org.apache.kafka.connect.runtime.isolation.Plugins;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;

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

    /** The worker properties that declare the providers whose plugins {@code plugins} found; empty for none. */
    static Map<String, String> workerProperties(AwsSettings aws, Plugins plugins) {
        try {
            plugins.pluginClass(SECRETS_MANAGER_CLASS);
        } catch (ClassNotFoundException e) {
            log.info("The sluice-config-providers plugin is not on the plugin path: ${{}:...} references in "
                    + "connector configs need a worker configuration that declares a provider", SECRETS_MANAGER);
            return Map.of();
        }
        return secretsManager(aws);
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
