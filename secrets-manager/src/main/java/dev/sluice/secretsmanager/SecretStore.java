package dev.sluice.secretsmanager;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The secrets, by name, and what changes them, with Secrets Manager's rules: a new value becomes AWSCURRENT and the
 * one before AWSPREVIOUS; a client request token names the version it creates, so a retried request creates nothing
 * twice; a deleted secret stays, unusable, until its recovery window ends. Kept in memory, and in a file when the
 * store has one, rewritten on each change so that a restarted dev stack has its secrets back. Thread-safe.
 */
final class SecretStore {

    private static final String SUFFIX_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    /** Secrets Manager keeps at most this many versions of a secret; older unlabelled ones go first. */
    private static final int MAX_VERSIONS = 100;

    private final Map<String, Secret> secrets = new LinkedHashMap<>();
    private final String arnPrefix;
    private final Path file;
    private final ObjectMapper json;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /** @param file where the secrets are kept, or null to keep them in memory only */
    SecretStore(String region, String accountId, Path file, ObjectMapper json, Clock clock) {
        this.arnPrefix = "arn:aws:secretsmanager:" + region + ":" + accountId + ":secret:";
        this.file = file;
        this.json = json;
        this.clock = clock;
    }

    synchronized void load() {
        if (file == null || !Files.exists(file)) {
            return;
        }
        try {
            List<Secret> kept = json.readValue(file.toFile(), new TypeReference<List<Secret>>() { });
            kept.forEach(secret -> secrets.put(secret.name(), secret));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the secrets kept in " + file, e);
        }
    }

    synchronized Secret create(String name, String token, String description, String kmsKeyId, String string,
                               byte[] binary, Map<String, String> tags) {
        purgeExpired();
        Secret existing = secrets.get(name);
        if (existing != null) {
            if (existing.scheduledForDeletion()) {
                throw SecretsManagerException.invalidRequest("You can't create this secret because a secret with this "
                        + "name is already scheduled for deletion.");
            }
            Secret.Version version = token == null ? null : existing.versions().get(token);
            if (version != null && version.sameValue(string, binary)) {
                return existing; // a retried request
            }
            throw SecretsManagerException.exists("The operation failed because the secret " + name
                    + " already exists.");
        }
        long now = clock.millis();
        Map<String, Secret.Version> versions = new LinkedHashMap<>();
        if (string != null || binary != null) {
            String id = versionId(token);
            versions.put(id, new Secret.Version(id, string, binary, List.of(Secret.CURRENT), now));
        }
        Secret secret = new Secret(arnPrefix + name + "-" + suffix(), name, description, kmsKeyId, tags, now, now, null,
                null, null, versions);
        secrets.put(name, secret);
        save();
        return secret;
    }

    /** The secret's version, by ID or label (AWSCURRENT when neither is given). */
    synchronized Map.Entry<Secret, Secret.Version> value(String secretId, String versionId, String stage) {
        Secret secret = usable(secretId, "perform this operation on");
        Secret.Version version;
        if (versionId != null) {
            version = secret.versions().get(versionId);
            if (version == null || (stage != null && !version.stages().contains(stage))) {
                throw SecretsManagerException.notFound("Secrets Manager can't find the specified secret value for "
                        + "VersionId: " + versionId);
            }
        } else {
            String label = stage == null ? Secret.CURRENT : stage;
            version = secret.staged(label);
            if (version == null) {
                throw SecretsManagerException.notFound("Secrets Manager can't find the specified secret value for "
                        + "staging label: " + label);
            }
        }
        secret = secret.accessed(clock.millis());
        secrets.put(secret.name(), secret);
        return Map.entry(secret, version);
    }

    /**
     * Adds a version with the labels (AWSCURRENT when none are given; AWSCURRENT moves the one before to
     * AWSPREVIOUS); a version that exists under the token is returned again if its value is the same.
     */
    synchronized Map.Entry<Secret, Secret.Version> putValue(String secretId, String token, String string,
                                                           byte[] binary, List<String> stages) {
        Secret secret = usable(secretId, "perform this operation on");
        if (token != null && secret.versions().containsKey(token)) {
            Secret.Version existing = secret.versions().get(token);
            if (existing.sameValue(string, binary)) {
                return Map.entry(secret, existing);
            }
            throw SecretsManagerException.exists("You can't use ClientRequestToken " + token + " because that value "
                    + "is already in use for a version of secret " + secret.arn() + ".");
        }
        List<String> labels = stages == null || stages.isEmpty() ? List.of(Secret.CURRENT) : List.copyOf(stages);
        long now = clock.millis();
        Map<String, Secret.Version> versions = new LinkedHashMap<>();
        for (Secret.Version version : secret.versions().values()) {
            List<String> kept = new ArrayList<>(version.stages());
            kept.removeAll(labels); // a label is on one version at a time
            if (labels.contains(Secret.CURRENT)) {
                kept.remove(Secret.PREVIOUS);
                if (version.stages().contains(Secret.CURRENT)) {
                    kept.add(Secret.PREVIOUS);
                }
            }
            versions.put(version.id(), version.withStages(kept));
        }
        String id = versionId(token);
        Secret.Version added = new Secret.Version(id, string, binary, labels, now);
        versions.put(id, added);
        trim(versions);
        secret = secret.withVersions(versions, now);
        secrets.put(secret.name(), secret);
        save();
        return Map.entry(secret, added);
    }

    /** Changes the description or key; a value, when given, becomes a new AWSCURRENT version. */
    synchronized Map.Entry<Secret, Secret.Version> update(String secretId, String token, String description,
                                                         String kmsKeyId, String string, byte[] binary) {
        Secret secret = usable(secretId, "perform this operation on");
        secret = secret.with(description == null ? secret.description() : description,
                kmsKeyId == null ? secret.kmsKeyId() : kmsKeyId, clock.millis());
        secrets.put(secret.name(), secret);
        if (string == null && binary == null) {
            save();
            return Map.entry(secret, null);
        }
        return putValue(secret.name(), token, string, binary, null);
    }

    synchronized Secret describe(String secretId) {
        purgeExpired();
        return find(secretId);
    }

    /** The secrets, in creation order; those scheduled for deletion only when asked. */
    synchronized List<Secret> list(boolean includePlannedDeletion) {
        purgeExpired();
        return secrets.values().stream().filter(s -> includePlannedDeletion || !s.scheduledForDeletion()).toList();
    }

    /**
     * Schedules the secret's deletion at the end of the recovery window (7 to 30 days), or deletes it at once. A
     * forced deletion of a secret that does not exist succeeds, as the service's does (so that clean-up scripts can
     * run twice): it answers with the name given and an ARN made from it.
     *
     * @return the secret, with the time of its deletion
     */
    synchronized Secret delete(String secretId, Integer recoveryWindowDays, boolean force) {
        purgeExpired();
        long now = clock.millis();
        Secret secret = force ? findOrNull(secretId) : find(secretId);
        if (secret == null) {
            String arn = secretId.startsWith(arnPrefix) ? secretId : arnPrefix + secretId + "-" + suffix();
            return new Secret(arn, secretId, null, null, null, now, now, null, now, now, Map.of());
        }
        if (force) {
            secrets.remove(secret.name());
            save();
            return secret.deletion(now, now);
        }
        if (secret.scheduledForDeletion()) {
            return secret; // as the service does: the first schedule stands
        }
        int days = recoveryWindowDays == null ? 30 : recoveryWindowDays;
        secret = secret.deletion(now, now + Duration.ofDays(days).toMillis());
        secrets.put(secret.name(), secret);
        save();
        return secret;
    }

    synchronized Secret restore(String secretId) {
        purgeExpired();
        Secret secret = find(secretId).deletion(null, null);
        secrets.put(secret.name(), secret);
        save();
        return secret;
    }

    /** The secret by name, full ARN, or ARN without its random suffix. */
    private Secret find(String secretId) {
        Secret secret = findOrNull(secretId);
        if (secret == null) {
            throw SecretsManagerException.notFound();
        }
        return secret;
    }

    private Secret findOrNull(String secretId) {
        Secret byName = secrets.get(secretId);
        if (byName != null) {
            return byName;
        }
        for (Secret secret : secrets.values()) {
            if (secret.arn().equals(secretId) || (arnPrefix + secret.name()).equals(secretId)) {
                return secret;
            }
        }
        return null;
    }

    private Secret usable(String secretId, String what) {
        purgeExpired();
        Secret secret = find(secretId);
        if (secret.scheduledForDeletion()) {
            throw SecretsManagerException.invalidRequest("You can't " + what + " the secret because it was marked "
                    + "for deletion.");
        }
        return secret;
    }

    private void purgeExpired() {
        long now = clock.millis();
        if (secrets.values().removeIf(s -> s.deletionAt() != null && s.deletionAt() <= now)) {
            save();
        }
    }

    private static void trim(Map<String, Secret.Version> versions) {
        var unlabelled = versions.values().stream().filter(v -> v.stages().isEmpty()).map(Secret.Version::id)
                .toList();
        for (int i = 0; i < unlabelled.size() && versions.size() > MAX_VERSIONS; i++) {
            versions.remove(unlabelled.get(i));
        }
    }

    private static String versionId(String token) {
        return token != null ? token : UUID.randomUUID().toString();
    }

    /** The six random characters Secrets Manager ends a secret's ARN with, so a new secret of an old name differs. */
    private String suffix() {
        var out = new StringBuilder(6);
        for (int i = 0; i < 6; i++) {
            out.append(SUFFIX_CHARS.charAt(random.nextInt(SUFFIX_CHARS.length())));
        }
        return out.toString();
    }

    private void save() {
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            json.writeValue(temp.toFile(), List.copyOf(secrets.values()));
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw SecretsManagerException.internal("Could not keep the secrets in " + file + ": " + e.getMessage());
        }
    }
}
