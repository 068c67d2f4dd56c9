package dev.sluice.connect.configprovider;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * The keys of a secret whose value is a JSON object, as Secrets Manager keeps database credentials
 * ({@code {"username":"...","password":"...","host":...}}): strings as they are, numbers and booleans as their text.
 * Messages name secrets and keys, never values.
 */
final class SecretFields {

    private SecretFields() {
    }

    /** @throws ConfigException when the secret is not a JSON object */
    static Map<String, String> parse(String secretId, String secretString) {
        JsonNode root;
        try {
            root = JsonNode.parser().parse(secretString);
        } catch (RuntimeException e) {
            throw notAnObject(secretId);
        }
        if (!root.isObject()) {
            throw notAnObject(secretId);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        root.asObject().forEach((key, node) -> {
            if (node.isString()) {
                fields.put(key, node.asString());
            } else if (node.isNumber()) {
                fields.put(key, node.asNumber());
            } else if (node.isBoolean()) {
                fields.put(key, String.valueOf(node.asBoolean()));
            }
            // null, objects and arrays are no config value; asking for one says the key holds no text
        });
        return fields;
    }

    private static ConfigException notAnObject(String secretId) {
        return new ConfigException("The secret '" + secretId + "' is not a JSON object, so it has no keys: refer to "
                + "the whole secret as ${secretsmanager:" + secretId + "}, or store it as key/value pairs");
    }
}
