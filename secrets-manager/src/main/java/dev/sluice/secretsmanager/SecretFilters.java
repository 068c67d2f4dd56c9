package dev.sluice.secretsmanager;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * ListSecrets' filters: each filter's key ({@code name}, {@code description}, {@code tag-key}, {@code tag-value},
 * {@code all}) and values, a value matching a prefix of what the key names, a value starting with {@code !} matching
 * what does not have that prefix. A secret passes when every filter has a value that matches.
 */
final class SecretFilters {

    private SecretFilters() {
    }

    static boolean matchAll(JsonNode filters, Secret secret) {
        for (JsonNode filter : filters) {
            List<String> fields = fields(filter.path("Key").asText(), secret);
            boolean any = false;
            for (JsonNode value : filter.path("Values")) {
                if (matches(value.asText(), fields)) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(String value, List<String> fields) {
        boolean negated = value.startsWith("!");
        String prefix = negated ? value.substring(1) : value;
        boolean found = fields.stream().anyMatch(field -> field.startsWith(prefix));
        return negated != found;
    }

    private static List<String> fields(String key, Secret secret) {
        List<String> fields = new ArrayList<>();
        switch (key) {
            case "name" -> fields.add(secret.name());
            case "description" -> add(fields, secret.description());
            case "tag-key" -> fields.addAll(secret.tags().keySet());
            case "tag-value" -> fields.addAll(secret.tags().values());
            case "all" -> {
                fields.add(secret.name());
                add(fields, secret.description());
                fields.addAll(secret.tags().keySet());
                fields.addAll(secret.tags().values());
            }
            case "primary-region", "owning-service" -> {
                // no replicas, and no secret is managed by another service here
            }
            default -> throw SecretsManagerException.validation("1 validation error detected: Value '" + key
                    + "' at 'filters.1.member.key' failed to satisfy constraint: Member must satisfy enum value set: "
                    + "[all, name, tag-key, description, tag-value, primary-region, owning-service]");
        }
        return fields;
    }

    private static void add(List<String> fields, String value) {
        if (value != null) {
            fields.add(value);
        }
    }
}
