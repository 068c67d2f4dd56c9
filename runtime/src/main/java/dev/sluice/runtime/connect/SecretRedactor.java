package dev.sluice.runtime.connect;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.runtime.ConnectorConfig;
import org.apache.kafka.connect.runtime.rest.entities.ConfigKeyInfo;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Hides the values of PASSWORD-typed settings in what the API returns: the connector's own (its {@code ConfigDef}),
 * those of the converters, transforms and predicates it configures (under their prefixes), any key ending in
 * {@code password} or {@code secret.access.key}, and the Kafka client overrides ({@code producer.override.ssl.key.password}, {@code consumer.override.sasl.jaas.config}
 * ...). A reference to a config provider ({@code ${file:/secrets:db.password}}) is not the secret itself and stays
 * readable.
 */
public final class SecretRedactor {

    public static final String HIDDEN = "[hidden]";

    private static final List<String> CONVERTERS = List.of("key.converter", "value.converter", "header.converter");

    private static final Map<String, Set<String>> CLIENT_PASSWORDS = Map.of(
            "producer.override.", passwords(ProducerConfig.configDef()),
            "consumer.override.", passwords(ConsumerConfig.configDef()),
            "admin.override.", passwords(AdminClientConfig.configDef()));

    private final Function<String, List<ConfigKeyInfo>> pluginConfig;
    private final Map<String, Set<String>> passwordKeysByClass = new ConcurrentHashMap<>();

    /** @param pluginConfig the config keys a connector class declares ({@code Herder.connectorPluginConfig}) */
    public SecretRedactor(Function<String, List<ConfigKeyInfo>> pluginConfig) {
        this.pluginConfig = pluginConfig;
    }

    /** A connector's config, its class named in it. */
    public Map<String, String> redact(Map<String, String> config) {
        return config == null ? null : redact(config, config.get(ConnectorConfig.CONNECTOR_CLASS_CONFIG));
    }

    /** A config of a connector of {@code connectorClass}, such as one of its task configs. */
    public Map<String, String> redact(Map<String, String> config, String connectorClass) {
        if (config == null) {
            return null;
        }
        Set<String> passwords = new HashSet<>(connectorPasswords(connectorClass));
        pluginPrefixes(config).forEach((prefix, pluginClass) ->
                connectorPasswords(pluginClass).forEach(key -> passwords.add(prefix + key)));
        Map<String, String> out = new HashMap<>(config.size());
        config.forEach((key, value) -> out.put(key, isSecret(key, value, passwords) ? HIDDEN : value));
        return out;
    }

    /**
     * The plugins a connector config configures by prefix, by prefix: its converters ({@code value.converter.} for
     * the class in {@code value.converter}), transforms ({@code transforms.<alias>.} for the class in
     * {@code transforms.<alias>.type}) and predicates; their PASSWORD settings are secrets too.
     */
    private static Map<String, String> pluginPrefixes(Map<String, String> config) {
        Map<String, String> out = new HashMap<>();
        for (String converter : CONVERTERS) {
            String pluginClass = config.get(converter);
            if (pluginClass != null) {
                out.put(converter + ".", pluginClass);
            }
        }
        for (String kind : List.of("transforms", "predicates")) {
            String aliases = config.get(kind);
            if (aliases == null) {
                continue;
            }
            for (String alias : aliases.split(",")) {
                String prefix = kind + "." + alias.trim() + ".";
                String pluginClass = config.get(prefix + "type");
                if (pluginClass != null) {
                    out.put(prefix, pluginClass);
                }
            }
        }
        return out;
    }

    private static boolean isSecret(String key, String value, Set<String> connectorPasswords) {
        if (value == null || value.startsWith("${")) {
            return false;
        }
        if (connectorPasswords.contains(key)) {
            return true;
        }
        // whatever a plugin may not declare: a password or an AWS secret key under any prefix
        String lower = key.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith("password") || lower.endsWith("secret.access.key")) {
            return true;
        }
        for (Map.Entry<String, Set<String>> client : CLIENT_PASSWORDS.entrySet()) {
            if (key.startsWith(client.getKey()) && client.getValue().contains(key.substring(client.getKey().length()))) {
                return true;
            }
        }
        return false;
    }

    private Set<String> connectorPasswords(String connectorClass) {
        if (connectorClass == null) {
            return Set.of();
        }
        return passwordKeysByClass.computeIfAbsent(connectorClass, this::lookUp);
    }

    private Set<String> lookUp(String connectorClass) {
        try {
            return pluginConfig.apply(connectorClass).stream()
                    .filter(key -> ConfigDef.Type.PASSWORD.name().equals(key.type()))
                    .map(ConfigKeyInfo::name)
                    .collect(Collectors.toUnmodifiableSet());
        } catch (RuntimeException e) {
            // an unknown class has no declared passwords; what it may hold is still covered by the client rules
            return Set.of();
        }
    }

    private static Set<String> passwords(ConfigDef def) {
        return def.configKeys().values().stream()
                .filter(key -> key.type == ConfigDef.Type.PASSWORD)
                .map(key -> key.name)
                .collect(Collectors.toUnmodifiableSet());
    }
}
