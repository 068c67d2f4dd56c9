package dev.sluice.connect.lambda;

import static dev.sluice.connect.lambda.LambdaTriggerConfig.*;

import dev.sluice.connect.common.aws.AwsCredentialsConfig;
import dev.sluice.connect.common.config.ConfigValues;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.kafka.common.config.ConfigValue;

/**
 * Validates a config key by key ({@link LambdaTriggerConfig#CONFIG_DEF}) and then across keys, adding each problem
 * to the {@link ConfigValue} of a key the user should change, so that one call reports everything. A cross-field
 * check runs only when the keys it reads are valid on their own.
 */
final class LambdaTriggerValidator {

    private final Map<String, String> props;
    private final ConfigValues values;

    private LambdaTriggerValidator(Map<String, String> props, List<ConfigValue> values) {
        this.props = props;
        this.values = new ConfigValues(values);
    }

    static List<ConfigValue> validate(Map<String, String> props) {
        List<ConfigValue> values = CONFIG_DEF.validate(props);
        var validator = new LambdaTriggerValidator(props, values);
        validator.function();
        validator.invocationType();
        validator.destination();
        validator.backoff();
        AwsCredentialsConfig.validate(validator.values);
        return values;
    }

    private void function() {
        String name = values.valid(FUNCTION_NAME);
        if (name == null) {
            return;
        }
        FunctionRef ref = FunctionRef.parse(name);
        String qualifier = values.valid(QUALIFIER);
        if (ref.qualifier().isPresent() && qualifier != null && !qualifier.isBlank()
                && !ref.qualifier().get().equals(qualifier.trim())) {
            values.error(QUALIFIER, FUNCTION_NAME + " ends with the qualifier " + ref.qualifier().get() + ", and "
                    + QUALIFIER + " is " + qualifier.trim() + "; leave " + QUALIFIER + " empty, or name one qualifier");
        }
        String region = values.valid(REGION);
        if (ref.region().isPresent() && region != null && props.containsKey(REGION)
                && !ref.region().get().equals(region.trim())) {
            values.error(REGION, "The function's ARN is in " + ref.region().get() + "; set " + REGION + "="
                    + ref.region().get() + " (Lambda invokes a function in the region it is called in)");
        }
    }

    private void invocationType() {
        String type = values.valid(INVOCATION_TYPE);
        if (type == null || InvocationType.parse(type) != InvocationType.EVENT) {
            return;
        }
        List<String> responseTypes = values.valid(FUNCTION_RESPONSE_TYPES);
        if (responseTypes != null && responseTypes.contains(REPORT_BATCH_ITEM_FAILURES)) {
            values.error(FUNCTION_RESPONSE_TYPES, "An Event invocation returns no response, so the function cannot "
                    + "report batch item failures; use " + INVOCATION_TYPE + "=RequestResponse or remove "
                    + REPORT_BATCH_ITEM_FAILURES);
        }
        Boolean bisect = values.valid(BISECT_BATCH_ON_FUNCTION_ERROR);
        if (Boolean.TRUE.equals(bisect)) {
            values.error(BISECT_BATCH_ON_FUNCTION_ERROR, "An Event invocation does not see the function's errors, so "
                    + "there is nothing to bisect on; use " + INVOCATION_TYPE + "=RequestResponse or set this to false");
        }
    }

    private void destination() {
        String destination = values.valid(DESTINATION_ON_FAILURE);
        if (destination == null || destination.isBlank()) {
            return;
        }
        String topic = LambdaTriggerConfig.destinationTopic(destination);
        String servers = values.valid(BOOTSTRAP_SERVERS);
        if ((servers == null || servers.isBlank())
                && !props.containsKey(DESTINATION_PRODUCER_PREFIX + "bootstrap.servers")) {
            values.error(BOOTSTRAP_SERVERS, "Set " + BOOTSTRAP_SERVERS + " to the brokers of the cluster the topics "
                    + "are in, where " + DESTINATION_ON_FAILURE + " writes (Kafka Connect does not tell a connector "
                    + "its worker's brokers)");
        }
        String topics = props.get("topics");
        if (topics != null && Arrays.stream(topics.split(",")).map(String::trim).anyMatch(topic::equals)) {
            values.error(DESTINATION_ON_FAILURE, "The on-failure destination " + topic + " is one of the topics the "
                    + "connector reads, so failed records would come back forever; name another topic");
        }
        String regex = props.get("topics.regex");
        if (regex != null && !regex.isBlank()) {
            try {
                if (Pattern.compile(regex.trim()).matcher(topic).matches()) {
                    values.error(DESTINATION_ON_FAILURE, "The on-failure destination " + topic + " matches "
                            + "topics.regex, so failed records would come back forever; name another topic");
                }
            } catch (PatternSyntaxException e) {
                // Kafka Connect reports topics.regex itself.
            }
        }
    }

    private void backoff() {
        Long backoff = values.valid(RETRY_BACKOFF_MS);
        Long max = values.valid(RETRY_BACKOFF_MAX_MS);
        if (backoff != null && max != null && max < backoff) {
            values.error(RETRY_BACKOFF_MAX_MS, RETRY_BACKOFF_MAX_MS + " (" + max + ") must be at least "
                    + RETRY_BACKOFF_MS + " (" + backoff + ")");
        }
    }
}
