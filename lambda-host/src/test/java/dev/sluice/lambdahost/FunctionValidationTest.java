package dev.sluice.lambdahost;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FunctionValidationTest {

    @Test
    void javaRuntimesAreTakenAndOthersRefusedByName() {
        assertThat(FunctionValidation.runtime("java17")).isEqualTo("java17");
        assertThat(FunctionValidation.runtime("java21")).isEqualTo("java21");
        assertInvalid(() -> FunctionValidation.runtime("python3.12"), "python3.12");
        assertInvalid(() -> FunctionValidation.runtime("java11"), "java11");
    }

    @Test
    void runtimeAndHandlerAreBothRequired() {
        assertInvalid(() -> FunctionValidation.requireRuntimeAndHandler("java17", null),
                "Runtime and Handler are mandatory parameters");
        assertInvalid(() -> FunctionValidation.requireRuntimeAndHandler(null, "a.B"), "Runtime and Handler");
    }

    @Test
    void handlersAreAClassWithOrWithoutAMethod() {
        assertThat(FunctionValidation.handler("example.Handler::handleRequest")).isNotNull();
        assertThat(FunctionValidation.handler("example.inner.Handler")).isNotNull();
        assertThat(FunctionValidation.handler("Handler$Inner::handle")).isNotNull();
        assertInvalid(() -> FunctionValidation.handler("index.handler.js::"), "index.handler.js::");
        assertInvalid(() -> FunctionValidation.handler("example.Handler:handle"), "not a Java handler");
    }

    @Test
    void timeoutAndMemoryDefaultAndStayWithinLambdasLimits() {
        assertThat(FunctionValidation.timeout(null, FunctionValidation.DEFAULT_TIMEOUT)).isEqualTo(3);
        assertThat(FunctionValidation.timeout(900, 3)).isEqualTo(900);
        assertThat(FunctionValidation.memorySize(null, FunctionValidation.DEFAULT_MEMORY_SIZE)).isEqualTo(128);
        assertThat(FunctionValidation.memorySize(10_240, 128)).isEqualTo(10_240);
        assertInvalid(() -> FunctionValidation.timeout(0, 3), "Timeout");
        assertInvalid(() -> FunctionValidation.timeout(901, 3), "Timeout");
        assertInvalid(() -> FunctionValidation.memorySize(127, 128), "MemorySize");
        assertInvalid(() -> FunctionValidation.memorySize(10_241, 128), "MemorySize");
    }

    @Test
    void reservedEnvironmentVariablesAreRefusedAndNamed() {
        assertThat(FunctionValidation.environment(Map.of("TABLE", "orders"))).containsEntry("TABLE", "orders");
        assertThat(FunctionValidation.environment(null)).isEmpty();
        assertInvalid(() -> FunctionValidation.environment(Map.of("AWS_REGION", "x", "_HANDLER", "y", "OK", "z")),
                "Reserved keys used in this request: AWS_REGION,_HANDLER");
        assertInvalid(() -> FunctionValidation.environment(Map.of("1ST", "x")), "1ST");
    }

    @Test
    void environmentVariablesMayTakeFourKilobytes() {
        assertThat(FunctionValidation.environment(Map.of("BIG", "x".repeat(4093)))).hasSize(1);
        assertInvalid(() -> FunctionValidation.environment(Map.of("BIG", "x".repeat(4094))), "exceeded the 4KB limit");
    }

    @Test
    void codeComesAsZipFileOnly() {
        assertInvalid(() -> FunctionValidation.zipFile(null, "bucket", null), "ZipFile only");
        assertInvalid(() -> FunctionValidation.zipFile(null, null, "123.dkr.ecr/image"), "container images");
        assertInvalid(() -> FunctionValidation.noLayers(List.of("arn:aws:lambda:us-east-1:1:layer:x:1")), "layers");
        FunctionValidation.noLayers(List.of());
    }

    static void assertInvalid(Runnable check, String messagePart) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(LambdaApiException.class, e -> {
            assertThat(e.errorType()).isEqualTo("InvalidParameterValueException");
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).contains(messagePart);
        });
    }
}
