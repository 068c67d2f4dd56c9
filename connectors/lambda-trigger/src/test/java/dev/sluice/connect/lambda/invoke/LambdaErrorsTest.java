package dev.sluice.connect.lambda.invoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.connect.lambda.FakeLambda;
import dev.sluice.connect.lambda.invoke.LambdaErrors.Kind;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

class LambdaErrorsTest {

    @Test
    void throttlingAndLambdasOwnErrorsAreRetried() {
        assertThat(LambdaErrors.classify(FakeLambda.throttled())).isEqualTo(Kind.TRANSIENT);
        assertThat(LambdaErrors.classify(FakeLambda.serviceError(500, "ServiceException"))).isEqualTo(Kind.TRANSIENT);
        assertThat(LambdaErrors.classify(FakeLambda.serviceError(409, "ResourceConflictException")))
                .isEqualTo(Kind.TRANSIENT);
        assertThat(LambdaErrors.classify(FakeLambda.serviceError(503, "SomethingNew"))).isEqualTo(Kind.TRANSIENT);
        assertThat(LambdaErrors.classify(SdkClientException.create("Read timed out",
                new SocketTimeoutException("Read timed out")))).isEqualTo(Kind.TRANSIENT);
    }

    @Test
    void whatRetryingDoesNotFixIsNamed() {
        assertThat(LambdaErrors.classify(FakeLambda.notFound())).isEqualTo(Kind.FUNCTION_NOT_FOUND);
        assertThat(LambdaErrors.classify(FakeLambda.serviceError(403, "AccessDeniedException")))
                .isEqualTo(Kind.ACCESS_DENIED);
        assertThat(LambdaErrors.classify(FakeLambda.serviceError(502, "InvalidRuntimeException")))
                .isEqualTo(Kind.NOT_INVOCABLE);
        assertThat(LambdaErrors.classify(FakeLambda.serviceError(502, "KMSDisabledException")))
                .isEqualTo(Kind.NOT_INVOCABLE);
        assertThat(LambdaErrors.classify(FakeLambda.serviceError(413, "RequestTooLargeException")))
                .isEqualTo(Kind.TOO_LARGE);
        assertThat(LambdaErrors.classify(FakeLambda.serviceError(400, "InvalidParameterValueException")))
                .isEqualTo(Kind.INVALID_REQUEST);
        assertThat(LambdaErrors.classify(SdkClientException.create("Unable to execute HTTP request",
                new UnknownHostException("lambda.nowhere")))).isEqualTo(Kind.UNKNOWN_HOST);
    }

    @Test
    void theAdviceSaysWhatToChange() {
        assertThat(LambdaErrors.advice(Kind.FUNCTION_NOT_FOUND, "my-function"))
                .contains("my-function does not exist").contains("aws.lambda.function.name");
        assertThat(LambdaErrors.advice(Kind.ACCESS_DENIED, "my-function")).contains("lambda:InvokeFunction");
    }
}
