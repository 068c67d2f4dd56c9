package dev.sluice.connect.dynamodb;

import static dev.sluice.connect.dynamodb.DynamoDbSinkConfig.*;

import dev.sluice.connect.dynamodb.mapping.KeyRef;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;

/** Parses a connector or task config into {@link DynamoDbSinkSettings}, after checking every key at once. */
public final class DynamoDbSinkSettingsParser {

    private DynamoDbSinkSettingsParser() {
    }

    /** @throws ConfigException listing every problem that {@link DynamoDbSinkValidator} finds */
    public static DynamoDbSinkSettings parse(Map<String, String> props) {
        List<String> problems = DynamoDbSinkValidator.validate(props).stream()
                .flatMap(value -> value.errorMessages().stream().map(m -> describe(value, m)))
                .distinct()
                .toList();
        if (!problems.isEmpty()) {
            throw new ConfigException("Invalid DynamoDB sink configuration: " + String.join("; ", problems));
        }
        var config = new AbstractConfig(CONFIG_DEF, props, false);
        return new DynamoDbSinkSettings(connection(config), keys(config), config.getString(TABLE_NAME_FORMAT),
                config.getBoolean(AUTO_CREATE), config.getInt(BATCH_SIZE),
                new DynamoDbSinkSettings.Retry(config.getInt(MAX_RETRIES), config.getLong(RETRY_BACKOFF_MS),
                        Duration.ofSeconds(config.getLong(MAX_RETRY_TIME_SECONDS))),
                NullValueBehavior.parse(config.getString(BEHAVIOR_ON_NULL_VALUES)),
                OrderingMode.parse(config.getString(ORDERING_MODE)), config.getInt(ORDERING_MAX_IN_FLIGHT),
                config.getBoolean(ARRAYS_AS_SETS));
    }

    private static String describe(ConfigValue value, String message) {
        return message.contains(value.name()) ? message : value.name() + ": " + message;
    }

    /** Only the keys that say how to reach the tables, which must be valid; the others are not looked at. */
    static AbstractConfig tableCheckConfig(Map<String, String> props) {
        var def = new ConfigDef();
        CONFIG_DEF.configKeys().values().stream().filter(key -> TABLE_CHECK_KEYS.contains(key.name))
                .forEach(def::define);
        return new AbstractConfig(def, props, false);
    }

    static DynamoDbSinkSettings.Connection connection(AbstractConfig config) {
        String endpoint = config.getString(ENDPOINT);
        String keyId = config.getPassword(AWS_ACCESS_KEY_ID).value();
        Optional<DynamoDbSinkSettings.StaticCredentials> credentials = keyId == null || keyId.isBlank()
                ? Optional.empty()
                : Optional.of(new DynamoDbSinkSettings.StaticCredentials(config.getPassword(AWS_ACCESS_KEY_ID),
                        config.getPassword(AWS_SECRET_ACCESS_KEY)));
        return new DynamoDbSinkSettings.Connection(config.getString(REGION),
                endpoint.isBlank() ? Optional.empty() : Optional.of(URI.create(endpoint.trim())), credentials);
    }

    static DynamoDbSinkSettings.Keys keys(AbstractConfig config) {
        String sort = config.getString(PK_SORT);
        return new DynamoDbSinkSettings.Keys(KeyRef.parse(config.getString(PK_HASH)),
                sort.isBlank() ? Optional.empty() : Optional.of(KeyRef.parse(sort)));
    }
}
