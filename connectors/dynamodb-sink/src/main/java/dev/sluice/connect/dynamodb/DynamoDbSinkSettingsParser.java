package dev.sluice.connect.dynamodb;

import static dev.sluice.connect.dynamodb.DynamoDbSinkConfig.*;

import dev.sluice.connect.common.aws.AwsCredentialsConfig;
import dev.sluice.connect.common.aws.Endpoints;
import dev.sluice.connect.common.config.ConfigValues;
import dev.sluice.connect.dynamodb.mapping.KeyRef;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Parses a connector or task config into {@link DynamoDbSinkSettings}, after checking every key at once. */
public final class DynamoDbSinkSettingsParser {

    private DynamoDbSinkSettingsParser() {
    }

    /** @throws ConfigException listing every problem that {@link DynamoDbSinkValidator} finds */
    public static DynamoDbSinkSettings parse(Map<String, String> props) {
        ConfigValues.throwIfInvalid("DynamoDB sink", DynamoDbSinkValidator.validate(props));
        var config = new AbstractConfig(CONFIG_DEF, props, false);
        return new DynamoDbSinkSettings(connection(config), keys(config), config.getString(TABLE_NAME_FORMAT),
                config.getBoolean(AUTO_CREATE), config.getInt(BATCH_SIZE),
                new DynamoDbSinkSettings.Retry(config.getInt(MAX_RETRIES), config.getLong(RETRY_BACKOFF_MS),
                        Duration.ofSeconds(config.getLong(MAX_RETRY_TIME_SECONDS))),
                NullValueBehavior.parse(config.getString(BEHAVIOR_ON_NULL_VALUES)),
                OrderingMode.parse(config.getString(ORDERING_MODE)), config.getInt(ORDERING_MAX_IN_FLIGHT),
                config.getBoolean(ARRAYS_AS_SETS));
    }

    /** Only the keys that say how to reach the tables, which must be valid; the others are not looked at. */
    static AbstractConfig tableCheckConfig(Map<String, String> props) {
        var def = new ConfigDef();
        CONFIG_DEF.configKeys().values().stream().filter(key -> TABLE_CHECK_KEYS.contains(key.name))
                .forEach(def::define);
        return new AbstractConfig(def, props, false);
    }

    static DynamoDbSinkSettings.Connection connection(AbstractConfig config) {
        return new DynamoDbSinkSettings.Connection(config.getString(REGION),
                Endpoints.parse(config.getString(ENDPOINT)), AwsCredentialsConfig.parse(config));
    }

    static DynamoDbSinkSettings.Keys keys(AbstractConfig config) {
        String sort = config.getString(PK_SORT);
        return new DynamoDbSinkSettings.Keys(KeyRef.parse(config.getString(PK_HASH)),
                sort.isBlank() ? Optional.empty() : Optional.of(KeyRef.parse(sort)));
    }
}
