package dev.sluice.connect.lambda;

import static dev.sluice.connect.lambda.LambdaTriggerConfig.*;

import dev.sluice.connect.common.config.ConfigValues;
import dev.sluice.connect.lambda.invoke.LambdaErrors;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Invokes a Lambda function with batches of records, sending the event that Lambda's Kafka event source mapping sends,
 * so that a function attached to a topic by Lambda works unchanged. See {@link LambdaTriggerConfig} for the keys and
 * {@link LambdaTriggerTask} for how records become invocations.
 */
public class LambdaTriggerConnector extends SinkConnector {

    private static final Logger log = LoggerFactory.getLogger(LambdaTriggerConnector.class);
    /** How long validation waits for Lambda to answer GetFunction. */
    static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(10);

    private final Function<LambdaTriggerSettings.Connection, LambdaClient> clients;
    private Map<String, String> props;

    public LambdaTriggerConnector() {
        this(connection -> LambdaClients.create(connection, 1));
    }

    /** @param clients builds the client that {@link #validate} looks the function up with; the connector closes it */
    LambdaTriggerConnector(Function<LambdaTriggerSettings.Connection, LambdaClient> clients) {
        this.clients = clients;
    }

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        LambdaTriggerSettings settings = LambdaTriggerSettingsParser.parse(props);
        this.props = Map.copyOf(props);
        log.info("Lambda trigger connector {} started, invoking {} in {}", settings.name(),
                settings.function().describe(), LambdaClients.location(settings.connection()));
    }

    @Override
    public Class<? extends Task> taskClass() {
        return LambdaTriggerTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return Collections.nCopies(maxTasks, props);
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    /**
     * Checks every key, then looks the function up (GetFunction): a function that does not exist is reported on
     * {@code aws.lambda.function.name}. When Lambda cannot be asked (unreachable for now, or the credentials may
     * invoke but not look up), the function is not checked here; the task reports what it finds.
     */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        List<ConfigValue> values = LambdaTriggerValidator.validate(connectorConfigs);
        var byName = new ConfigValues(values);
        if (byName.allValid(FUNCTION_CHECK_KEYS) && connectorConfigs.get(FUNCTION_NAME) != null) {
            checkFunction(LambdaTriggerSettingsParser.functionCheckConfig(connectorConfigs), byName);
        }
        return new Config(values);
    }

    private void checkFunction(AbstractConfig config, ConfigValues values) {
        var connection = LambdaTriggerSettingsParser.connection(config, LOOKUP_TIMEOUT);
        var function = LambdaTriggerSettingsParser.function(config, InvocationType.REQUEST_RESPONSE);
        try (LambdaClient client = clients.apply(connection)) {
            client.getFunction(r -> r.functionName(function.name()).qualifier(function.qualifier().orElse(null)));
        } catch (SdkException e) {
            LambdaErrors.Kind kind = LambdaErrors.classify(e);
            String message = "Cannot look up the function " + function.describe() + " in "
                    + LambdaClients.location(connection) + ": " + LambdaErrors.advice(kind, function.describe())
                    + " (" + e.getMessage() + ")";
            switch (kind) {
                case FUNCTION_NOT_FOUND -> values.error(FUNCTION_NAME, "The function " + function.describe()
                        + " does not exist in " + LambdaClients.location(connection) + "; create it, or correct "
                        + FUNCTION_NAME + " (or " + QUALIFIER + ", " + REGION + ", " + ENDPOINT + ")");
                case NO_CREDENTIALS -> {
                    values.error(AWS_ACCESS_KEY_ID, message);
                    values.error(AWS_SECRET_ACCESS_KEY, message);
                }
                case UNKNOWN_HOST -> values.error(ENDPOINT, message);
                case INVALID_REQUEST -> {
                    if (e instanceof AwsServiceException) {
                        values.error(FUNCTION_NAME, message);
                    } else {
                        log.info("{}; not checked", message);
                    }
                }
                case TRANSIENT, ACCESS_DENIED, NOT_INVOCABLE, TOO_LARGE ->
                        log.info("{}; the function is not checked now", message);
            }
        }
    }
}
