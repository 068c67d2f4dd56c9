package dev.sluice.connect.lambda;

import static dev.sluice.connect.lambda.LambdaTriggerConfig.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

class LambdaTriggerConnectorTest {

    private static Map<String, List<String>> problems(LambdaTriggerConnector connector, Map<String, String> props) {
        Map<String, List<String>> problems = new HashMap<>();
        for (ConfigValue value : connector.validate(props).configValues()) {
            if (!value.errorMessages().isEmpty()) {
                problems.put(value.name(), value.errorMessages());
            }
        }
        return problems;
    }

    private static Map<String, String> props(String function) {
        return Map.of("name", "orders-to-lambda", "topics", "orders", FUNCTION_NAME, function,
                ENDPOINT, "http://localhost:9001");
    }

    @Test
    void validationLooksTheFunctionUp() {
        var connector = new LambdaTriggerConnector(connection -> new FakeLambda());

        assertThat(problems(connector, props("my-function"))).isEmpty();
        assertThat(problems(connector, props("other-function")).get(FUNCTION_NAME)).singleElement().asString()
                .contains("The function other-function does not exist in region us-east-1 at http://localhost:9001");
    }

    @Test
    void aLambdaThatCannotBeReachedForNowLeavesTheFunctionUnchecked() {
        var connector = new LambdaTriggerConnector(connection -> new FakeLambda() {
            @Override
            public software.amazon.awssdk.services.lambda.model.GetFunctionResponse getFunction(
                    software.amazon.awssdk.services.lambda.model.GetFunctionRequest request) {
                throw FakeLambda.serviceError(503, "ServiceException");
            }
        });

        assertThat(problems(connector, props("my-function"))).isEmpty();
    }

    @Test
    void eachTaskGetsTheConnectorsConfig() {
        var connector = new LambdaTriggerConnector(connection -> new FakeLambda());
        connector.start(props("my-function"));

        assertThat(connector.taskConfigs(3)).hasSize(3).allSatisfy(c -> assertThat(c).isEqualTo(props("my-function")));
        assertThat(connector.taskClass()).isEqualTo(LambdaTriggerTask.class);
    }
}
