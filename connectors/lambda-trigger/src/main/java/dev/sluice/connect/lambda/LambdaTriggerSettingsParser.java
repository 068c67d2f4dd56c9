package dev.sluice.connect.lambda;

import static dev.sluice.connect.lambda.LambdaTriggerConfig.*;

import dev.sluice.connect.common.aws.AwsCredentialsConfig;
import dev.sluice.connect.common.aws.Endpoints;
import dev.sluice.connect.common.config.ConfigValues;
import dev.sluice.connect.lambda.filter.FilterCriteria;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Parses a connector or task config into {@link LambdaTriggerSettings}, after checking every key at once. */
public final class LambdaTriggerSettingsParser {

    private LambdaTriggerSettingsParser() {
    }

    /** @throws ConfigException listing every problem that {@link LambdaTriggerValidator} finds */
    public static LambdaTriggerSettings parse(Map<String, String> props) {
        ConfigValues.throwIfInvalid("Lambda trigger", LambdaTriggerValidator.validate(props));
        var config = new AbstractConfig(CONFIG_DEF, props, false);
        Optional<String> bootstrapServers = optional(config.getString(BOOTSTRAP_SERVERS));
        Optional<String> destinationTopic = optional(config.getString(DESTINATION_ON_FAILURE))
                .map(LambdaTriggerConfig::destinationTopic);
        String name = props.getOrDefault("name", "lambda-trigger");
        return new LambdaTriggerSettings(name,
                connection(config, Duration.ofMillis(config.getLong(INVOCATION_TIMEOUT_MS))),
                function(config, InvocationType.parse(config.getString(INVOCATION_TYPE))),
                new LambdaTriggerSettings.EventSource(optional(config.getString(EVENT_SOURCE_ARN)), bootstrapServers),
                new LambdaTriggerSettings.Batching(config.getInt(BATCH_SIZE),
                        Duration.ofMillis(config.getLong(BATCHING_WINDOW_MS)),
                        config.getInt(MAX_CONCURRENT_INVOCATIONS), config.getLong(PARTITION_BUFFER_MAX_BYTES)),
                errors(config, destinationTopic.isPresent()),
                destinationTopic.map(topic -> new LambdaTriggerSettings.Destination(topic,
                        producer(config, name, bootstrapServers))),
                FilterCriteria.parse(config.getString(FILTER_CRITERIA)));
    }

    /** Only the keys that say which function and how to reach it, which must be valid; the others are not read. */
    static AbstractConfig functionCheckConfig(Map<String, String> props) {
        var def = new ConfigDef();
        CONFIG_DEF.configKeys().values().stream().filter(key -> FUNCTION_CHECK_KEYS.contains(key.name))
                .forEach(def::define);
        return new AbstractConfig(def, props, false);
    }

    /** The region is the configured one, or else that of the function's ARN, or else the default. */
    static LambdaTriggerSettings.Connection connection(AbstractConfig config, Duration invocationTimeout) {
        String region = config.originals().containsKey(REGION) ? config.getString(REGION)
                : FunctionRef.parse(config.getString(FUNCTION_NAME)).region().orElse(config.getString(REGION));
        return new LambdaTriggerSettings.Connection(region, Endpoints.parse(config.getString(ENDPOINT)),
                AwsCredentialsConfig.parse(config), invocationTimeout);
    }

    static LambdaTriggerSettings.Function function(AbstractConfig config, InvocationType type) {
        FunctionRef ref = FunctionRef.parse(config.getString(FUNCTION_NAME));
        Optional<String> qualifier = ref.qualifier().isPresent()
                ? Optional.empty() : optional(config.getString(QUALIFIER)).map(FunctionRef::qualifier);
        return new LambdaTriggerSettings.Function(config.getString(FUNCTION_NAME).trim(), qualifier, type);
    }

    private static LambdaTriggerSettings.Errors errors(AbstractConfig config, boolean destination) {
        int attempts = config.getInt(MAX_RETRY_ATTEMPTS);
        if (attempts < 0 && destination) {
            attempts = RETRY_ATTEMPTS_WITH_DESTINATION;
        }
        return new LambdaTriggerSettings.Errors(attempts, recordAge(config.getInt(MAX_RECORD_AGE_SECONDS)),
                config.getBoolean(BISECT_BATCH_ON_FUNCTION_ERROR),
                config.getList(FUNCTION_RESPONSE_TYPES).contains(REPORT_BATCH_ITEM_FAILURES),
                config.getLong(RETRY_BACKOFF_MS), config.getLong(RETRY_BACKOFF_MAX_MS));
    }

    /** {@code aws.lambda.destination.producer.*}, over the cluster's bootstrap servers and a client ID. */
    private static Map<String, Object> producer(AbstractConfig config, String name,
            Optional<String> bootstrapServers) {
        Map<String, Object> producer = new HashMap<>();
        bootstrapServers.ifPresent(servers -> producer.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, servers));
        producer.put(CommonClientConfigs.CLIENT_ID_CONFIG, "sluice-lambda-trigger-" + name + "-on-failure");
        producer.putAll(config.originalsWithPrefix(DESTINATION_PRODUCER_PREFIX));
        return producer;
    }

    private static Optional<String> optional(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
