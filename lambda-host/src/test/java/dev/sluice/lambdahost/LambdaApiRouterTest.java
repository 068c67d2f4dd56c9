package dev.sluice.lambdahost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.sluice.lambdahost.LambdaApiRouter.ApiResponse;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LambdaApiRouterTest {

    private final ObjectMapper json = LambdaApiModel.json();
    private final LambdaApiRouter router = new LambdaApiRouter(json)
            .route("POST", "/2015-03-31/functions", 10, "CreateFunction", r -> null)
            .route("GET", "/2015-03-31/functions", 10, "ListFunctions", r -> null)
            .route("GET", "/2015-03-31/functions/{FunctionName}", 10, "GetFunction", r -> null)
            .route("POST", "/2015-03-31/functions/{FunctionName}/invocations", 10, "InvokeFunction", r -> null);

    @Test
    void aRequestIsMatchedByMethodAndPathTemplate() {
        assertThat(router.match("POST", "/2015-03-31/functions").operationName()).isEqualTo("CreateFunction");
        assertThat(router.match("GET", "/2015-03-31/functions/").operationName()).isEqualTo("ListFunctions");
        assertThat(router.match("POST", "/2015-03-31/functions/orders/invocations").path())
                .isEqualTo(Map.of("FunctionName", "orders"));
    }

    @Test
    void pathValuesAreUrlDecoded() {
        assertThat(router.match("GET", "/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A000000000000"
                + "%3Afunction%3Aorders").path().get("FunctionName"))
                .isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:orders");
    }

    @Test
    void anUnknownPathOrMethodIsAnUnknownOperation() {
        assertThatThrownBy(() -> router.match("DELETE", "/2015-03-31/functions"))
                .isInstanceOfSatisfying(LambdaApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.errorType()).isEqualTo("UnknownOperationException");
                });
        assertThatThrownBy(() -> router.match("GET", "/2015-03-31/functions/a/b/c"))
                .isInstanceOf(LambdaApiException.class);
    }

    @Test
    void queryParametersAreDecoded() {
        assertThat(LambdaApiRouter.query("MaxItems=2&Marker=b3JkZXJz&Qualifier=%24LATEST&flag"))
                .containsEntry("MaxItems", "2").containsEntry("Marker", "b3JkZXJz")
                .containsEntry("Qualifier", "$LATEST").containsEntry("flag", "");
        assertThat(LambdaApiRouter.query(null)).isEmpty();
    }

    @Test
    void anErrorIsSentWithItsShapeInTheErrorTypeHeaderAndTypeAndMessageInTheBody() throws IOException {
        ApiResponse response = router.error(LambdaApiException.requestTooLarge(6291456, "InvokeFunction"));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.headers()).containsEntry("X-Amzn-ErrorType", "RequestTooLargeException");
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("Type").asText()).isEqualTo("User");
        assertThat(body.get("message").asText())
                .isEqualTo("Request must be smaller than 6291456 bytes for the InvokeFunction operation");
    }

    @Test
    void notFoundUsesTheCapitalisedMessageMemberOfItsShape() throws IOException {
        ApiResponse response = router.error(
                LambdaApiException.functionNotFound("arn:aws:lambda:us-east-1:000000000000:function:x"));

        assertThat(response.status()).isEqualTo(404);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("Message").asText())
                .isEqualTo("Function not found: arn:aws:lambda:us-east-1:000000000000:function:x");
        assertThat(body.has("message")).isFalse();
    }

    @Test
    void aThrottleNamesItsReasonAndWhenToRetry() throws IOException {
        ApiResponse reserved = router.error(LambdaApiException.throttled(true));

        assertThat(reserved.status()).isEqualTo(429);
        assertThat(reserved.headers()).containsEntry("X-Amzn-ErrorType", "TooManyRequestsException")
                .containsEntry("Retry-After", "1");
        assertThat(json.readTree(reserved.body()).get("Reason").asText())
                .isEqualTo("ReservedFunctionConcurrentInvocationLimitExceeded");
        assertThat(json.readTree(router.error(LambdaApiException.throttled(false)).body()).get("Reason").asText())
                .isEqualTo("ConcurrentInvocationLimitExceeded");
    }

    @Test
    void aServiceErrorIsTypedService() throws IOException {
        ApiResponse response = router.error(LambdaApiException.service("broken"));

        assertThat(response.status()).isEqualTo(500);
        assertThat(json.readTree(response.body()).get("Type").asText()).isEqualTo("Service");
    }
}
