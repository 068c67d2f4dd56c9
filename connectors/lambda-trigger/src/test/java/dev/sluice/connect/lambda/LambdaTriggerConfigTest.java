package dev.sluice.connect.lambda;

import static dev.sluice.connect.lambda.LambdaTriggerConfig.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

class LambdaTriggerConfigTest {

    private static Map<String, String> props(String... settings) {
        Map<String, String> props = new HashMap<>(Map.of("name", "orders-to-lambda", "topics", "orders",
                FUNCTION_NAME, "my-function"));
        for (int i = 0; i < settings.length; i += 2) {
            props.put(settings[i], settings[i + 1]);
        }
        return props;
    }

    private static Map<String, List<String>> problems(Map<String, String> props) {
        Map<String, List<String>> problems = new HashMap<>();
        for (ConfigValue value : LambdaTriggerValidator.validate(props)) {
            if (!value.errorMessages().isEmpty()) {
                problems.put(value.name(), value.errorMessages());
            }
        }
        return problems;
    }

    @Test
    void theDefaultsAreTheEventSourceMappingsForKafka() {
        LambdaTriggerSettings settings = LambdaTriggerSettingsParser.parse(props());

        assertThat(settings.function()).isEqualTo(new LambdaTriggerSettings.Function("my-function",
                Optional.empty(), InvocationType.REQUEST_RESPONSE));
        assertThat(settings.batching().batchSize()).isEqualTo(100);
        assertThat(settings.batching().window()).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.errors().maxRetryAttempts()).isEqualTo(-1);
        assertThat(settings.errors().maxRecordAge()).isEmpty();
        assertThat(settings.errors().bisect()).isFalse();
        assertThat(settings.errors().reportBatchItemFailures()).isFalse();
        assertThat(settings.destination()).isEmpty();
        assertThat(settings.eventSource().eventSourceArn()).isEmpty();
        assertThat(settings.filter().isEmpty()).isTrue();
        assertThat(settings.connection().region()).isEqualTo("us-east-1");
        assertThat(settings.connection().invocationTimeout()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void everySettingParses() {
        LambdaTriggerSettings settings = LambdaTriggerSettingsParser.parse(props(
                FUNCTION_NAME, "arn:aws:lambda:eu-west-1:123456789012:function:orders:live",
                REGION, "eu-west-1", ENDPOINT, "http://localhost:9001", INVOCATION_TYPE, "async",
                EVENT_SOURCE_ARN, "arn:aws:kafka:eu-west-1:123456789012:cluster/c/abc-1",
                BOOTSTRAP_SERVERS, "b1:9092,b2:9092", BATCH_SIZE, "10000", BATCHING_WINDOW_MS, "0",
                MAX_RECORD_AGE_SECONDS, "3600", DESTINATION_ON_FAILURE, "kafka://orders-failed",
                DESTINATION_PRODUCER_PREFIX + "security.protocol", "SASL_SSL",
                FILTER_CRITERIA, "{\"Filters\": [{\"Pattern\": \"{\\\"topic\\\": [\\\"orders\\\"]}\"}]}"));

        assertThat(settings.function().name()).isEqualTo("arn:aws:lambda:eu-west-1:123456789012:function:orders:live");
        assertThat(settings.function().qualifier()).isEmpty();
        assertThat(settings.function().invocationType()).isEqualTo(InvocationType.EVENT);
        assertThat(settings.connection().endpoint()).hasValueSatisfying(e -> assertThat(e).hasPort(9001));
        assertThat(settings.eventSource().bootstrapServers()).contains("b1:9092,b2:9092");
        assertThat(settings.batching().batchSize()).isEqualTo(10_000);
        assertThat(settings.errors().maxRecordAge()).contains(Duration.ofHours(1));
        // Infinite retries with an on-failure destination are 10, as Lambda applies them.
        assertThat(settings.errors().maxRetryAttempts()).isEqualTo(10);
        assertThat(settings.destination()).hasValueSatisfying(d -> {
            assertThat(d.topic()).isEqualTo("orders-failed");
            assertThat(d.producer()).containsEntry("bootstrap.servers", "b1:9092,b2:9092")
                    .containsEntry("security.protocol", "SASL_SSL")
                    .containsEntry("client.id", "sluice-lambda-trigger-orders-to-lambda-on-failure");
        });
        assertThat(settings.filter().size()).isEqualTo(1);
    }

    @Test
    void theRegionIsTheFunctionArnsUnlessSet() {
        String arn = "arn:aws:lambda:ap-south-1:123456789012:function:orders";

        assertThat(LambdaTriggerSettingsParser.parse(props(FUNCTION_NAME, arn)).connection().region())
                .isEqualTo("ap-south-1");
        assertThat(LambdaTriggerSettingsParser.parse(props()).connection().region()).isEqualTo("us-east-1");
    }

    @Test
    void aQualifierComesFromItsKeyWhenTheNameHasNone() {
        var function = LambdaTriggerSettingsParser.parse(props(QUALIFIER, "live")).function();

        assertThat(function.name()).isEqualTo("my-function");
        assertThat(function.qualifier()).contains("live");
        assertThat(function.describe()).isEqualTo("my-function:live");
    }

    @Test
    void everyProblemIsReportedAtOnceOnTheKeyToChange() {
        Map<String, List<String>> problems = problems(props(
                FUNCTION_NAME, "arn:aws:lambda:eu-west-1:123456789012:function:orders:live",
                REGION, "us-east-1",
                QUALIFIER, "beta",
                INVOCATION_TYPE, "Event",
                FUNCTION_RESPONSE_TYPES, REPORT_BATCH_ITEM_FAILURES,
                BISECT_BATCH_ON_FUNCTION_ERROR, "true",
                DESTINATION_ON_FAILURE, "kafka://orders",
                RETRY_BACKOFF_MS, "1000", RETRY_BACKOFF_MAX_MS, "10",
                AWS_ACCESS_KEY_ID, "AKIA"));

        assertThat(problems.get(QUALIFIER)).singleElement().asString().contains("ends with the qualifier live");
        assertThat(problems.get(REGION)).singleElement().asString().contains("aws.lambda.region=eu-west-1");
        assertThat(problems.get(FUNCTION_RESPONSE_TYPES)).singleElement().asString().contains("Event invocation");
        assertThat(problems.get(BISECT_BATCH_ON_FUNCTION_ERROR)).singleElement().asString()
                .contains("Event invocation");
        assertThat(problems.get(DESTINATION_ON_FAILURE)).singleElement().asString()
                .contains("one of the topics the connector reads");
        assertThat(problems.get(BOOTSTRAP_SERVERS)).singleElement().asString().contains("Set " + BOOTSTRAP_SERVERS);
        assertThat(problems.get(RETRY_BACKOFF_MAX_MS)).singleElement().asString().contains("must be at least");
        assertThat(problems.get(AWS_SECRET_ACCESS_KEY)).isNotEmpty();
    }

    @Test
    void valuesOutsideTheEventSourceMappingsLimitsAreRefused() {
        Map<String, List<String>> problems = problems(props(BATCH_SIZE, "10001", BATCHING_WINDOW_MS, "300001",
                MAX_RETRY_ATTEMPTS, "-2", MAX_RECORD_AGE_SECONDS, "59", FUNCTION_RESPONSE_TYPES, "Everything",
                DESTINATION_ON_FAILURE, "sqs://queue", INVOCATION_TYPE, "DryRun", FILTER_CRITERIA, "{\"Filters\": 1}",
                FUNCTION_NAME, "not a function!", EVENT_SOURCE_ARN, "cluster-1"));

        assertThat(problems).containsOnlyKeys(BATCH_SIZE, BATCHING_WINDOW_MS, MAX_RETRY_ATTEMPTS,
                MAX_RECORD_AGE_SECONDS, FUNCTION_RESPONSE_TYPES, DESTINATION_ON_FAILURE, INVOCATION_TYPE,
                FILTER_CRITERIA, FUNCTION_NAME, EVENT_SOURCE_ARN);
        assertThat(problems.get(MAX_RECORD_AGE_SECONDS)).singleElement().asString().contains("60 to 604800");
        assertThat(problems.get(DESTINATION_ON_FAILURE)).singleElement().asString().contains("Only a Kafka topic");
    }

    @Test
    void aMissingFunctionNameIsTheFirstThingSaid() {
        Map<String, String> props = props();
        props.remove(FUNCTION_NAME);

        assertThatThrownBy(() -> LambdaTriggerSettingsParser.parse(props))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(FUNCTION_NAME);
    }

    @Test
    void functionNamesInEveryFormLambdaTakes() {
        assertThat(FunctionRef.parse("my-function")).isEqualTo(new FunctionRef("my-function", Optional.empty(),
                Optional.empty()));
        assertThat(FunctionRef.parse("my-function:$LATEST").qualifier()).contains("$LATEST");
        assertThat(FunctionRef.parse("123456789012:function:my-function:7"))
                .isEqualTo(new FunctionRef("123456789012:function:my-function", Optional.of("7"), Optional.empty()));
        assertThat(FunctionRef.parse("arn:aws:lambda:us-west-2:123456789012:function:my-function").region())
                .contains("us-west-2");
        assertThat(FunctionRef.parse("us-west-2:123456789012:function:f").region()).contains("us-west-2");
        assertThatThrownBy(() -> FunctionRef.parse("arn:aws:s3:::bucket")).hasMessageContaining("not a function");
    }
}
