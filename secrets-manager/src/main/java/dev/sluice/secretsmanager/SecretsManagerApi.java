package dev.sluice.secretsmanager;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The operations of Secrets Manager's JSON API that the stand-in answers, from request members to response members,
 * as the API model names them: CreateSecret, GetSecretValue, PutSecretValue, UpdateSecret, DescribeSecret,
 * ListSecrets, DeleteSecret and RestoreSecret. Members it does not use (replication, rotation, KMS) are accepted and
 * left alone. Timestamps are epoch seconds, binaries base64, as awsJson 1.1 writes them.
 */
final class SecretsManagerApi {

    private static final int MAX_NAME = 512;
    private static final int MAX_SECRET_BYTES = 65_536;

    private final SecretStore store;
    private final Map<String, Function<JsonNode, Map<String, Object>>> operations = new LinkedHashMap<>();

    SecretsManagerApi(SecretStore store) {
        this.store = store;
        operations.put("CreateSecret", this::createSecret);
        operations.put("GetSecretValue", this::getSecretValue);
        operations.put("PutSecretValue", this::putSecretValue);
        operations.put("UpdateSecret", this::updateSecret);
        operations.put("DescribeSecret", this::describeSecret);
        operations.put("ListSecrets", this::listSecrets);
        operations.put("DeleteSecret", this::deleteSecret);
        operations.put("RestoreSecret", this::restoreSecret);
    }

    /** @param operation the part of {@code X-Amz-Target} after {@code secretsmanager.} */
    Map<String, Object> call(String operation, JsonNode request) {
        var handler = operations.get(operation);
        if (handler == null) {
            throw SecretsManagerException.unknownOperation(operation);
        }
        return handler.apply(request);
    }

    private Map<String, Object> createSecret(JsonNode request) {
        String name = required(request, "Name");
        if (name.length() > MAX_NAME || !name.matches("[A-Za-z0-9/_+=.@-]+")) {
            throw SecretsManagerException.validation("Invalid name. Must be a valid name containing alphanumeric "
                    + "characters, or any of the following: -/_+=.@!");
        }
        Map<String, String> tags = new LinkedHashMap<>();
        request.path("Tags").forEach(tag -> tags.put(tag.path("Key").asText(), tag.path("Value").asText()));
        Secret secret = store.create(name, token(request), text(request, "Description"), text(request, "KmsKeyId"),
                secretString(request), secretBinary(request), tags);
        Map<String, Object> out = identity(secret);
        secret.versions().values().stream().filter(v -> v.stages().contains(Secret.CURRENT)).findFirst()
                .ifPresent(v -> out.put("VersionId", v.id()));
        return out;
    }

    private Map<String, Object> getSecretValue(JsonNode request) {
        var found = store.value(required(request, "SecretId"), text(request, "VersionId"),
                text(request, "VersionStage"));
        Secret.Version version = found.getValue();
        Map<String, Object> out = identity(found.getKey());
        out.put("VersionId", version.id());
        if (version.string() != null) {
            out.put("SecretString", version.string());
        }
        if (version.binary() != null) {
            out.put("SecretBinary", Base64.getEncoder().encodeToString(version.binary()));
        }
        out.put("VersionStages", version.stages());
        out.put("CreatedDate", seconds(version.createdAt()));
        return out;
    }

    private Map<String, Object> putSecretValue(JsonNode request) {
        List<String> stages = new ArrayList<>();
        request.path("VersionStages").forEach(stage -> stages.add(stage.asText()));
        String string = secretString(request);
        byte[] binary = secretBinary(request);
        if (string == null && binary == null) {
            throw SecretsManagerException.invalidRequest("You must provide either SecretString or SecretBinary.");
        }
        var put = store.putValue(required(request, "SecretId"), token(request), string, binary, stages);
        Map<String, Object> out = identity(put.getKey());
        out.put("VersionId", put.getValue().id());
        out.put("VersionStages", put.getValue().stages());
        return out;
    }

    private Map<String, Object> updateSecret(JsonNode request) {
        var updated = store.update(required(request, "SecretId"), token(request), text(request, "Description"),
                text(request, "KmsKeyId"), secretString(request), secretBinary(request));
        Map<String, Object> out = identity(updated.getKey());
        if (updated.getValue() != null) {
            out.put("VersionId", updated.getValue().id());
        }
        return out;
    }

    private Map<String, Object> describeSecret(JsonNode request) {
        Secret secret = store.describe(required(request, "SecretId"));
        Map<String, Object> out = entry(secret);
        out.put("VersionIdsToStages", secret.versionStages());
        return out;
    }

    private Map<String, Object> listSecrets(JsonNode request) {
        int max = request.path("MaxResults").asInt(100);
        if (max < 1 || max > 100) {
            throw SecretsManagerException.validation("1 validation error detected: Value '" + max + "' at "
                    + "'maxResults' failed to satisfy constraint: Member must have value between 1 and 100");
        }
        List<Secret> secrets = new ArrayList<>(store.list(request.path("IncludePlannedDeletion").asBoolean(false)));
        secrets.removeIf(secret -> !SecretFilters.matchAll(request.path("Filters"), secret));
        if ("desc".equals(text(request, "SortOrder"))) {
            secrets.sort(Comparator.comparingLong(Secret::createdAt).reversed());
        }
        int from = 0;
        String next = text(request, "NextToken");
        if (next != null) {
            try {
                from = Integer.parseInt(next);
            } catch (NumberFormatException e) {
                throw SecretsManagerException.invalidNextToken();
            }
        }
        int to = Math.min(secrets.size(), from + max);
        List<Map<String, Object>> page = new ArrayList<>();
        for (Secret secret : secrets.subList(Math.min(from, to), to)) {
            Map<String, Object> entry = entry(secret);
            entry.put("SecretVersionsToStages", secret.versionStages());
            page.add(entry);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("SecretList", page);
        if (to < secrets.size()) {
            out.put("NextToken", String.valueOf(to));
        }
        return out;
    }

    private Map<String, Object> deleteSecret(JsonNode request) {
        boolean force = request.path("ForceDeleteWithoutRecovery").asBoolean(false);
        Integer window = request.hasNonNull("RecoveryWindowInDays") ? request.get("RecoveryWindowInDays").asInt()
                : null;
        if (force && window != null) {
            throw SecretsManagerException.invalidParameter("You can't use ForceDeleteWithoutRecovery in conjunction "
                    + "with RecoveryWindowInDays.");
        }
        if (window != null && (window < 7 || window > 30)) {
            throw SecretsManagerException.invalidParameter("The RecoveryWindowInDays value must be between 7 and 30 "
                    + "days (inclusive).");
        }
        Secret secret = store.delete(required(request, "SecretId"), window, force);
        Map<String, Object> out = identity(secret);
        out.put("DeletionDate", seconds(secret.deletionAt()));
        return out;
    }

    private Map<String, Object> restoreSecret(JsonNode request) {
        return identity(store.restore(required(request, "SecretId")));
    }

    private static Map<String, Object> identity(Secret secret) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ARN", secret.arn());
        out.put("Name", secret.name());
        return out;
    }

    /** The members DescribeSecret and ListSecrets' entries share. */
    private static Map<String, Object> entry(Secret secret) {
        Map<String, Object> out = identity(secret);
        putIfSet(out, "Description", secret.description());
        putIfSet(out, "KmsKeyId", secret.kmsKeyId());
        out.put("RotationEnabled", false);
        out.put("LastChangedDate", seconds(secret.lastChangedAt()));
        if (secret.lastAccessedAt() != null) {
            // the service keeps only the day of the last access
            out.put("LastAccessedDate", seconds(secret.lastAccessedAt() / 86_400_000L * 86_400_000L));
        }
        if (secret.deletedAt() != null) {
            out.put("DeletedDate", seconds(secret.deletedAt()));
        }
        List<Map<String, String>> tags = new ArrayList<>();
        secret.tags().forEach((key, value) -> tags.add(Map.of("Key", key, "Value", value)));
        out.put("Tags", tags);
        out.put("CreatedDate", seconds(secret.createdAt()));
        return out;
    }

    private static void putIfSet(Map<String, Object> out, String member, Object value) {
        if (value != null) {
            out.put(member, value);
        }
    }

    private static BigDecimal seconds(long millis) {
        return BigDecimal.valueOf(millis, 3);
    }

    private static String required(JsonNode request, String member) {
        String value = text(request, member);
        if (value == null || value.isEmpty()) {
            throw SecretsManagerException.validation("1 validation error detected: Value null at '"
                    + Character.toLowerCase(member.charAt(0)) + member.substring(1) + "' failed to satisfy "
                    + "constraint: Member must not be null");
        }
        return value;
    }

    private static String text(JsonNode request, String member) {
        JsonNode node = request.get(member);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static String token(JsonNode request) {
        String token = text(request, "ClientRequestToken");
        if (token != null && (token.length() < 32 || token.length() > 64)) {
            throw SecretsManagerException.validation("1 validation error detected: Value at 'clientRequestToken' "
                    + "failed to satisfy constraint: Member must have length between 32 and 64");
        }
        return token;
    }

    private static String secretString(JsonNode request) {
        String string = text(request, "SecretString");
        if (string != null && request.hasNonNull("SecretBinary")) {
            throw SecretsManagerException.invalidParameter("You can't specify both a binary secret value and a string "
                    + "secret value in the same secret.");
        }
        if (string != null && string.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_SECRET_BYTES) {
            throw SecretsManagerException.validation("1 validation error detected: Value at 'secretString' failed to "
                    + "satisfy constraint: Member must have length less than or equal to " + MAX_SECRET_BYTES);
        }
        return string;
    }

    private static byte[] secretBinary(JsonNode request) {
        String encoded = text(request, "SecretBinary");
        if (encoded == null) {
            return null;
        }
        try {
            byte[] binary = Base64.getDecoder().decode(encoded);
            if (binary.length > MAX_SECRET_BYTES) {
                throw SecretsManagerException.validation("1 validation error detected: Value at 'secretBinary' failed "
                        + "to satisfy constraint: Member must have length less than or equal to " + MAX_SECRET_BYTES);
            }
            return binary;
        } catch (IllegalArgumentException e) {
            throw SecretsManagerException.invalidParameter("SecretBinary is not valid base64.");
        }
    }
}
