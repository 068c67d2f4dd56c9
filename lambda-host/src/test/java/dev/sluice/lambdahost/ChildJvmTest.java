package dev.sluice.lambdahost;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ChildJvmTest {

    private final RuntimeClasspath runtime = new RuntimeClasspath(
            List.of(Path.of("/m2/ric.jar"), Path.of("/m2/core.jar")), Path.of("/data/runtime/libaws-lambda-jni.so"));
    private final LambdaFunction function = new LambdaFunction("orders", "arn:aws:lambda:us-east-1:0:function:orders",
            "java21", "role", "example.Handler::handle", "", 3, 512, Map.of("TABLE", "orders", "LANG", "C.UTF-8"),
            Map.of(), null, "sha", 1, "c1", "now", "r1");

    @Test
    void theJvmRunsTheRuntimeClientWithLambdasFlagsAndAHeapFromTheMemorySetting() {
        ChildJvm jvm = new ChildJvm("/usr/bin/java", runtime, LambdaHostSettings.defaults());

        List<String> command = jvm.command(function, Path.of("/data/instances/i1/tmp"));

        assertThat(command).startsWith("/usr/bin/java").containsSubsequence("-XX:+TieredCompilation",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
        assertThat(command).contains("-Xmx435m", "-Djava.io.tmpdir=/data/instances/i1/tmp",
                "-D" + RuntimeClasspath.NATIVE_LIBRARY_PROPERTY + "=/data/runtime/libaws-lambda-jni.so");
        assertThat(command).endsWith("-cp", "/m2/ric.jar:/m2/core.jar", RuntimeClasspath.MAIN_CLASS,
                "example.Handler::handle");
        assertThat(ChildJvm.maxHeapMegabytes(128)).isEqualTo(108);
    }

    @Test
    void theEnvironmentIsTheFunctionsVariablesAndLambdasReservedOnes() {
        ChildJvm jvm = new ChildJvm("java", runtime, LambdaHostSettings.defaults());

        Map<String, String> env = jvm.environment(function, Path.of("/data/functions/orders/code-c1"),
                "127.0.0.1:40001", "i1", LocalDate.of(2026, 3, 4), "/usr/bin:/bin");

        assertThat(env).containsEntry("TABLE", "orders").containsEntry("LANG", "C.UTF-8")
                .containsEntry("_HANDLER", "example.Handler::handle")
                .containsEntry("AWS_EXECUTION_ENV", "AWS_Lambda_java21")
                .containsEntry("AWS_REGION", "us-east-1")
                .containsEntry("AWS_LAMBDA_FUNCTION_NAME", "orders")
                .containsEntry("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512")
                .containsEntry("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST")
                .containsEntry("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/orders")
                .containsEntry("AWS_LAMBDA_LOG_STREAM_NAME", "2026/03/04/[$LATEST]i1")
                .containsEntry("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:40001")
                .containsEntry("LAMBDA_TASK_ROOT", "/data/functions/orders/code-c1")
                .containsEntry("LAMBDA_RUNTIME_DIR", "/m2")
                .containsEntry("PATH", "/usr/bin:/bin")
                .doesNotContainKeys("AWS_ACCESS_KEY_ID", "HOME");
    }

    @Test
    void configuredCredentialsAreTheFunctionsRole() {
        ChildJvm jvm = new ChildJvm("java", runtime, LambdaHostSettings.defaults().withCredentials("key", "secret"));

        assertThat(jvm.environment(function, Path.of("/t"), "h:1", "i", LocalDate.of(2026, 1, 1), null))
                .containsEntry("AWS_ACCESS_KEY_ID", "key").containsEntry("AWS_SECRET_ACCESS_KEY", "secret")
                .containsKey("PATH");
    }
}
