package dev.sluice.connect.configprovider;

import dev.sluice.connect.common.aws.StaticCredentials;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigData;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.provider.ConfigProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * Resolves {@code ${secretsmanager:...}} references in connector configs from AWS Secrets Manager, when a worker
 * validates or starts a connector; the config keeps the reference, so the value is in no API response, log line or
 * config topic.
 *
 * <ul>
 *   <li>{@code ${secretsmanager:<secret>:<key>}}: one key of a secret that is a JSON object, as Secrets Manager keeps
 *       database credentials ({@code password}, {@code username}, {@code host}...);</li>
 *   <li>{@code ${secretsmanager:<secret>}}: the whole secret string.</li>
 * </ul>
 *
 * <p>{@code <secret>} is a secret's name or ARN; an ARN, having colons, is written URL-encoded ({@code %3A}), as AWS's
 * own MSK config providers take it. A worker declares the provider as {@code config.providers=secretsmanager} and
 * {@code config.providers.secretsmanager.class=} this class, with its parameters (region, endpoint, credentials, TTL;
 * see {@link SecretsManagerProviderSettings}) as {@code config.providers.secretsmanager.param.<name>}. Sluice's nodes
 * declare it on every worker with the node's AWS settings, unless a worker configuration declares providers of its
 * own.
 *
 * <p>A secret, or key, that cannot be read fails the validation or the start with a message that names it and says
 * what to do; the message never holds a secret's value.
 */
public final class SecretsManagerConfigProvider implements ConfigProvider {

    private static final Logger log = LoggerFactory.getLogger(SecretsManagerConfigProvider.class);

    private SecretsManagerProviderSettings settings;
    private SecretsManagerClient client;

    @Override
    public void configure(Map<String, ?> params) {
        settings = SecretsManagerProviderSettings.parse(params);
    }

    /** Every key of the secret at {@code path}. */
    @Override
    public ConfigData get(String path) {
        if (path == null || path.isEmpty()) {
            return data(Map.of());
        }
        String id = SecretIds.decode(path);
        return data(SecretFields.parse(id, secretString(id)));
    }

    /**
     * The keys of the secret at {@code path}; with no path (a two-part reference), each key is a secret whose whole
     * value is wanted.
     */
    @Override
    public ConfigData get(String path, Set<String> keys) {
        Map<String, String> values = new HashMap<>();
        if (path == null || path.isEmpty()) {
            for (String key : keys) {
                values.put(key, secretString(SecretIds.decode(key)));
            }
            return data(values);
        }
        String id = SecretIds.decode(path);
        Map<String, String> fields = SecretFields.parse(id, secretString(id));
        for (String key : keys) {
            String value = fields.get(key);
            if (value == null) {
                throw new ConfigException("The secret '" + id + "' in Secrets Manager (" + settings.location()
                        + ") has no key '" + key + "' with a text, number or boolean value; its keys are "
                        + fields.keySet() + ". Correct the reference ${secretsmanager:" + path + ":" + key
                        + "}, or add the key to the secret");
            }
            values.put(key, value);
        }
        return data(values);
    }

    private ConfigData data(Map<String, String> values) {
        return settings.ttlMs().isPresent() ? new ConfigData(values, settings.ttlMs().getAsLong())
                : new ConfigData(values);
    }

    /** The secret's current value: its string, or its binary as base64. */
    private String secretString(String id) {
        GetSecretValueResponse response;
        try {
            response = client().getSecretValue(request -> request.secretId(id));
        } catch (ResourceNotFoundException e) {
            throw new ConfigException("Secrets Manager (" + settings.location() + ") has no secret '" + id + "': "
                    + "create it, or correct the reference");
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
            String advice = e.statusCode() == 403 || "AccessDeniedException".equals(code)
                    ? ": the worker's AWS credentials must be allowed secretsmanager:GetSecretValue on it (and "
                    + "kms:Decrypt on its key)" : "";
            throw new ConfigException("Cannot read the secret '" + id + "' from Secrets Manager ("
                    + settings.location() + "): " + (code == null ? "" : code + ": ")
                    + message + advice);
        } catch (SdkException e) {
            throw new ConfigException("Cannot read the secret '" + id + "' from Secrets Manager ("
                    + settings.location() + "): " + e.getMessage());
        }
        if (response.secretString() != null) {
            return response.secretString();
        }
        if (response.secretBinary() != null) {
            return Base64.getEncoder().encodeToString(response.secretBinary().asByteArrayUnsafe());
        }
        throw new ConfigException("The secret '" + id + "' has no value in Secrets Manager (" + settings.location()
                + "): put one (aws secretsmanager put-secret-value)");
    }

    private synchronized SecretsManagerClient client() {
        if (client == null) {
            SecretsManagerClientBuilder builder = SecretsManagerClient.builder()
                    .httpClientBuilder(UrlConnectionHttpClient.builder())
                    .credentialsProvider(StaticCredentials.provider(settings.credentials()));
            settings.region().map(Region::of).ifPresent(builder::region);
            settings.endpoint().ifPresent(builder::endpointOverride);
            client = builder.build();
            log.info("Reading secrets from Secrets Manager in {}", settings.location());
        }
        return client;
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
