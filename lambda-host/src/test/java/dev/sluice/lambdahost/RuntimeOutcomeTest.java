package dev.sluice.lambdahost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class RuntimeOutcomeTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aTimeoutIsReportedAsLambdaReportsIt() throws IOException {
        RuntimeOutcome.TimedOut outcome = new RuntimeOutcome.TimedOut(3.0049);

        JsonNode error = json.readTree(outcome.payload("req-1"));

        assertThat(error.get("errorType").asText()).isEqualTo("Sandbox.Timedout");
        assertThat(error.get("errorMessage").asText()).isEqualTo("RequestId: req-1 Error: Task timed out after 3.00 seconds");
        assertThat(outcome.functionError()).isTrue();
        assertThat(outcome.instanceReusable()).isFalse();
    }

    @Test
    void anExitedRuntimeIsARuntimeExitError() throws IOException {
        RuntimeOutcome outcome = new RuntimeOutcome.Exited(FunctionInstance.exitStatus(137));

        JsonNode error = json.readTree(outcome.payload("req-2"));

        assertThat(error.get("errorType").asText()).isEqualTo("Runtime.ExitError");
        assertThat(error.get("errorMessage").asText())
                .isEqualTo("RequestId: req-2 Error: Runtime exited with error: signal: killed");
        assertThat(FunctionInstance.exitStatus(1)).isEqualTo("exit status 1");
        assertThat(outcome.instanceReusable()).isFalse();
    }

    @Test
    void aResponseOverTheLimitIsAFunctionErrorAndTheInstanceServesOn() throws IOException {
        RuntimeOutcome outcome = new RuntimeOutcome.ResponseTooLarge(7_000_000);

        JsonNode error = json.readTree(outcome.payload("req-3"));

        assertThat(error.get("errorType").asText()).isEqualTo("Function.ResponseSizeTooLarge");
        assertThat(error.get("errorMessage").asText())
                .isEqualTo("Response payload size exceeded maximum allowed payload size (6291556 bytes).");
        assertThat(outcome.functionError()).isTrue();
        assertThat(outcome.instanceReusable()).isTrue();
    }

    @Test
    void successAndHandlerErrorsPassTheRuntimesBytesThrough() {
        byte[] response = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);

        assertThat(new RuntimeOutcome.Success(response).payload("r")).isSameAs(response);
        assertThat(new RuntimeOutcome.Success(response).functionError()).isFalse();
        assertThat(new RuntimeOutcome.FunctionError(response).functionError()).isTrue();
        assertThat(new RuntimeOutcome.FunctionError(response).instanceReusable()).isTrue();
        assertThat(new RuntimeOutcome.InitError(response).instanceReusable()).isFalse();
    }
}
