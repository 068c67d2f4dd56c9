package dev.sluice.schema.registry;

import java.util.Optional;

/** The ARNs of registries and schemas, in the node's region and account, as Glue spells them. */
public record Arns(String region, String accountId) {

    /** A registry's name, or a schema's registry and name, read from an ARN. */
    public record Parsed(String registryName, String schemaName) {
    }

    public String registry(String name) {
        return prefix() + "registry/" + name;
    }

    public String schema(String registryName, String schemaName) {
        return prefix() + "schema/" + registryName + "/" + schemaName;
    }

    /** Reads a registry or schema ARN of this region and account; empty for any other ARN. */
    public Optional<Parsed> parse(String arn) {
        if (arn == null || !arn.startsWith(prefix())) {
            return Optional.empty();
        }
        String[] parts = arn.substring(prefix().length()).split("/", -1);
        if (parts.length == 2 && parts[0].equals("registry") && !parts[1].isEmpty()) {
            return Optional.of(new Parsed(parts[1], null));
        }
        if (parts.length == 3 && parts[0].equals("schema") && !parts[1].isEmpty() && !parts[2].isEmpty()) {
            return Optional.of(new Parsed(parts[1], parts[2]));
        }
        return Optional.empty();
    }

    private String prefix() {
        return "arn:aws:glue:" + region + ":" + accountId + ":";
    }
}
