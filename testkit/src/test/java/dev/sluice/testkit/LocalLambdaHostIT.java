package dev.sluice.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.sluice.lambdahost.LambdaHostSettings;
import dev.sluice.lambdahost.LocalLambdaHost;
import dev.sluice.testkit.lambda.EchoHandler;
import dev.sluice.testkit.lambda.FunctionPackages;
import dev.sluice.testkit.lambda.KafkaEventRecorder;
import dev.sluice.testkit.lambda.SizedResponseHandler;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.RequestTooLargeException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The local Lambda host against AWS's own LambdaClient: real Java handlers, packaged as a user packages them, run by
 * AWS's runtime interface client in JVMs of their own.
 */
class LocalLambdaHostIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ECHO = EchoHandler.class.getName() + "::handleRequest";

    private static SluiceTestEnvironment env;
    private static LambdaClient lambda;

    @BeforeAll
    static void start() {
        env = SluiceTestEnvironment.get();
        lambda = env.lambdaClient();
    }

    @AfterAll
    static void stop() {
        lambda.close();
    }

    @Test
    void requestResponseAnswersWithTheHandlersResultItsEnvironmentAndItsLog() throws IOException {
        String name = createEcho("echo", b -> b.memorySize(256)
                .environment(e -> e.variables(Map.of("GREETING", "hello from the environment"))));

        InvokeResponse response = lambda.invoke(b -> b.functionName(name).logType(LogType.TAIL)
                .payload(json("{\"log\":\"a line the handler wrote\",\"env\":[\"GREETING\",\"AWS_LAMBDA_FUNCTION_NAME\","
                        + "\"LAMBDA_TASK_ROOT\",\"HOME\"]}")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.functionError()).isNull();
        assertThat(response.executedVersion()).isEqualTo("$LATEST");
        JsonNode answer = JSON.readTree(response.payload().asByteArray());
        assertThat(answer.at("/echo/log").asText()).isEqualTo("a line the handler wrote");
        assertThat(answer.at("/env/GREETING").asText()).isEqualTo("hello from the environment");
        assertThat(answer.at("/env/AWS_LAMBDA_FUNCTION_NAME").asText()).isEqualTo(name);
        assertThat(answer.at("/env/LAMBDA_TASK_ROOT").asText()).isNotEmpty();
        // none of the host's environment: only the function's variables and Lambda's
        assertThat(System.getenv("HOME")).isNotNull();
        assertThat(answer.at("/env/HOME").isMissingNode() || answer.at("/env/HOME").isNull()).isTrue();
        assertThat(answer.at("/functionName").asText()).isEqualTo(name);
        assertThat(answer.at("/memoryLimitInMB").asInt()).isEqualTo(256);
        String log = tail(response);
        String requestId = answer.at("/requestId").asText();
        assertThat(log).contains("START RequestId: " + requestId + " Version: $LATEST",
                "a line the handler wrote", "END RequestId: " + requestId, "REPORT RequestId: " + requestId,
                "Memory Size: 256 MB", "Init Duration: ");
        assertThat(log.indexOf("a line the handler wrote")).isBetween(log.indexOf("START"), log.indexOf("END"));

        InvokeResponse warm = lambda.invoke(b -> b.functionName(name).logType(LogType.TAIL).payload(json("{}")));
        assertThat(tail(warm)).contains("REPORT RequestId: ").doesNotContain("Init Duration");
    }

    @Test
    void anEventInvocationIsAcceptedAndRunsInTheBackground() {
        String name = createEcho("event", b -> { });
        String marker = "event " + UUID.randomUUID();

        InvokeResponse response = lambda.invoke(b -> b.functionName(name).invocationType(InvocationType.EVENT)
                .payload(json("{\"log\":\"" + marker + "\"}")));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.payload().asByteArray()).isEmpty();
        Path logFile = env.lambdaHost().logFile(name);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(logFile).exists().content().contains(marker, "REPORT RequestId: "));
    }

    @Test
    void aDryRunOnlyChecksTheFunction() {
        String name = createEcho("dry-run", b -> { });

        InvokeResponse response = lambda.invoke(b -> b.functionName(name).invocationType(InvocationType.DRY_RUN));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(env.lambdaHost().logFile(name)).doesNotExist();
    }

    @Test
    void aHandlerThatThrowsIsAnUnhandledFunctionErrorWithLambdasErrorDocument() throws IOException {
        String name = createEcho("throws", b -> { });

        InvokeResponse response = lambda.invoke(b -> b.functionName(name).logType(LogType.TAIL)
                .payload(json("{\"fail\":\"the input was wrong\"}")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.functionError()).isEqualTo("Unhandled");
        JsonNode error = JSON.readTree(response.payload().asByteArray());
        assertThat(error.get("errorType").asText()).isEqualTo("java.lang.IllegalArgumentException");
        assertThat(error.get("errorMessage").asText()).isEqualTo("the input was wrong");
        assertThat(error.get("stackTrace").get(0).asText()).contains(EchoHandler.class.getName());
        assertThat(tail(response)).contains("java.lang.IllegalArgumentException: the input was wrong", "END RequestId");
    }

    @Test
    void anInvocationPastItsTimeoutIsStoppedAndTheNextOneRunsOnAFreshInstance() throws IOException {
        String name = createEcho("timeout", b -> b.timeout(1));

        InvokeResponse response = lambda.invoke(b -> b.functionName(name).logType(LogType.TAIL)
                .payload(json("{\"sleepMillis\":30000}")));

        assertThat(response.functionError()).isEqualTo("Unhandled");
        JsonNode error = JSON.readTree(response.payload().asByteArray());
        assertThat(error.get("errorType").asText()).isEqualTo("Sandbox.Timedout");
        assertThat(error.get("errorMessage").asText()).matches("RequestId: \\S+ Error: Task timed out after 1\\.\\d\\d seconds");
        assertThat(tail(response)).contains("Task timed out after 1.", "Status: timeout");

        InvokeResponse next = lambda.invoke(b -> b.functionName(name).logType(LogType.TAIL).payload(json("{}")));
        assertThat(next.functionError()).isNull();
        assertThat(tail(next)).contains("Init Duration");
    }

    @Test
    void anInstanceWhoseJvmExitsIsReportedAsLambdaReportsItAndReplaced() throws IOException {
        String name = createEcho("exits", b -> { });

        InvokeResponse response = lambda.invoke(b -> b.functionName(name).payload(json("{\"exit\":3}")));

        assertThat(response.functionError()).isEqualTo("Unhandled");
        JsonNode error = JSON.readTree(response.payload().asByteArray());
        assertThat(error.get("errorType").asText()).isEqualTo("Runtime.ExitError");
        assertThat(error.get("errorMessage").asText()).endsWith("Error: Runtime exited with error: exit status 3");
        assertThat(lambda.invoke(b -> b.functionName(name).payload(json("{}"))).functionError()).isNull();
    }

    @Test
    void aPayloadOverSixMegabytesIsRefusedWith413() {
        String name = createEcho("large-request", b -> { });
        String payload = "\"" + "a".repeat(6 * 1024 * 1024 - 1) + "\"";

        assertThatThrownBy(() -> lambda.invoke(b -> b.functionName(name).payload(json(payload))))
                .isInstanceOfSatisfying(RequestTooLargeException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(413);
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Request must be smaller than 6291456 bytes for the InvokeFunction operation");
                });
    }

    @Test
    void aResponseOverSixMegabytesIsAFunctionErrorAndTheInstanceServesOn() throws IOException {
        String name = create("large-response", SizedResponseHandler.class.getName(),
                FunctionPackages.zip(Map.of(), SizedResponseHandler.class), b -> { });

        InvokeResponse tooLarge = lambda.invoke(b -> b.functionName(name).payload(json("7000000")));

        assertThat(tooLarge.functionError()).isEqualTo("Unhandled");
        JsonNode error = JSON.readTree(tooLarge.payload().asByteArray());
        assertThat(error.get("errorType").asText()).isEqualTo("Function.ResponseSizeTooLarge");
        assertThat(error.get("errorMessage").asText())
                .isEqualTo("Response payload size exceeded maximum allowed payload size (6291556 bytes).");
        InvokeResponse small = lambda.invoke(b -> b.functionName(name).payload(json("3")));
        assertThat(small.functionError()).isNull();
        assertThat(small.payload().asUtf8String()).isEqualTo("\"aaa\"");
    }

    @Test
    void anUnknownFunctionIsNotFound() {
        assertThatThrownBy(() -> lambda.invoke(b -> b.functionName("llh-no-such-function").payload(json("{}"))))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(
                            "Function not found: arn:aws:lambda:us-east-1:000000000000:function:llh-no-such-function");
                });
        assertThatThrownBy(() -> lambda.getFunction(b -> b.functionName("llh-no-such-function")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void updatedCodeRunsOnTheNextInvoke() throws IOException {
        String name = createEcho("update", b -> { });
        assertThat(version(name)).isEqualTo("v1");
        String oldSha = lambda.getFunction(b -> b.functionName(name)).configuration().codeSha256();

        UpdateFunctionCodeResponse updated = lambda.updateFunctionCode(b -> b.functionName(name)
                .zipFile(SdkBytes.fromByteArray(FunctionPackages.zip(versionFile("v2"), EchoHandler.class))));

        assertThat(updated.codeSha256()).isNotEqualTo(oldSha);
        assertThat(version(name)).isEqualTo("v2");
    }

    @Test
    void aKafkaEventReachesTheHandlerAsAwsKafkaEvent() throws IOException {
        Path recorded = env.workDir().resolve("recorded-" + UUID.randomUUID() + ".jsonl");
        String name = create("kafka-event", KafkaEventRecorder.class.getName() + "::handleRequest",
                FunctionPackages.jar(Map.of(), KafkaEventRecorder.class),
                b -> b.environment(e -> e.variables(Map.of(KafkaEventRecorder.FILE_VARIABLE, recorded.toString()))));
        String key = b64("order-1");
        String value = b64("{\"id\":1}");
        String event = "{\"eventSource\":\"SelfManagedKafka\",\"bootstrapServers\":\"localhost:9092\","
                + "\"records\":{\"orders-0\":[{\"topic\":\"orders\",\"partition\":0,\"offset\":15,"
                + "\"timestamp\":1545084650987,\"timestampType\":\"CREATE_TIME\",\"key\":\"" + key + "\","
                + "\"value\":\"" + value + "\",\"headers\":[{\"source\":[106,97,118,97]}]}]}}";

        InvokeResponse response = lambda.invoke(b -> b.functionName(name).payload(json(event)));

        assertThat(response.functionError()).isNull();
        assertThat(response.payload().asUtf8String()).isEqualTo("\"recorded 1\"");
        List<String> lines = Files.readAllLines(recorded);
        assertThat(lines).hasSize(1);
        JsonNode record = JSON.readTree(lines.get(0));
        assertThat(record.get("eventSource").asText()).isEqualTo("SelfManagedKafka");
        assertThat(record.get("bootstrapServers").asText()).isEqualTo("localhost:9092");
        assertThat(record.get("recordsKey").asText()).isEqualTo("orders-0");
        assertThat(record.get("topic").asText()).isEqualTo("orders");
        assertThat(record.get("offset").asLong()).isEqualTo(15);
        assertThat(record.get("timestamp").asLong()).isEqualTo(1545084650987L);
        assertThat(record.get("timestampType").asText()).isEqualTo("CREATE_TIME");
        assertThat(record.get("key").asText()).isEqualTo(key);
        assertThat(record.get("value").asText()).isEqualTo(value);
        assertThat(record.at("/headers/0/source").toString()).isEqualTo("[106,97,118,97]");
    }

    @Test
    void functionsAreCreatedListedPageByPageGotAndDeleted() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            names.add(create("listed-" + i, ECHO, FunctionPackages.zip(versionFile("v1"), EchoHandler.class),
                    b -> b.runtime(Runtime.JAVA21)));
        }
        assertThatThrownBy(() -> create("listed-0", ECHO, FunctionPackages.zip(Map.of(), EchoHandler.class), b -> { }))
                .isInstanceOf(ResourceConflictException.class);

        List<String> listed = new ArrayList<>();
        String marker = null;
        do {
            String from = marker;
            var page = lambda.listFunctions(b -> b.maxItems(2).marker(from));
            assertThat(page.functions()).hasSizeLessThanOrEqualTo(2);
            page.functions().forEach(f -> listed.add(f.functionName()));
            marker = page.nextMarker();
        } while (marker != null);
        assertThat(listed).containsAll(names).doesNotHaveDuplicates().isSorted();

        GetFunctionResponse got = lambda.getFunction(b -> b.functionName(names.get(1)));
        assertThat(got.configuration().runtime()).isEqualTo(Runtime.JAVA21);
        assertThat(got.configuration().handler()).isEqualTo(ECHO);
        assertThat(got.configuration().timeout()).isEqualTo(3);
        assertThat(got.configuration().memorySize()).isEqualTo(128);
        assertThat(got.configuration().functionArn())
                .isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:" + names.get(1));
        assertThat(got.code().location()).startsWith(env.lambdaHost().endpoint());

        lambda.deleteFunction(b -> b.functionName(names.get(1)));
        assertThatThrownBy(() -> lambda.getFunction(b -> b.functionName(names.get(1))))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(lambda.listFunctions().functions()).extracting(FunctionConfiguration::functionName)
                .doesNotContain(names.get(1)).contains(names.get(0), names.get(2));
    }

    @Test
    void aRuntimeOtherThanJavaIsRefusedNamingIt() {
        assertThatThrownBy(() -> create("python", "index.handler", FunctionPackages.zip(Map.of(), EchoHandler.class),
                b -> b.runtime(Runtime.PYTHON3_12)))
                .isInstanceOfSatisfying(InvalidParameterValueException.class, e ->
                        assertThat(e.awsErrorDetails().errorMessage()).contains("python3.12"));
    }

    @Test
    void aFunctionWithNoConcurrencyLeftIsThrottled() {
        String name = createEcho("throttled", b -> { });
        lambda.putFunctionConcurrency(b -> b.functionName(name).reservedConcurrentExecutions(0));

        assertThatThrownBy(() -> lambda.invoke(b -> b.functionName(name).payload(json("{}"))))
                .isInstanceOfSatisfying(TooManyRequestsException.class, e ->
                        assertThat(e.statusCode()).isEqualTo(429));

        lambda.deleteFunctionConcurrency(b -> b.functionName(name));
        assertThat(lambda.invoke(b -> b.functionName(name).payload(json("{}"))).functionError()).isNull();
    }

    @Test
    void idleInstancesAreStopped() throws IOException {
        Path dataDir = env.workDir().resolve("idle-host");
        try (LocalLambdaHost host = new LocalLambdaHost(0, dataDir,
                LambdaHostSettings.defaults().withIdleTimeout(Duration.ofSeconds(1)));
             LambdaClient client = SluiceTestEnvironment.lambdaClient(startedEndpoint(host))) {
            createEcho(client, "idle");
            assertThat(client.invoke(b -> b.functionName("llh-idle").payload(json("{}"))).functionError()).isNull();
            Path instances = dataDir.resolve("instances");
            assertThat(folders(instances)).hasSize(1);

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(folders(instances)).isEmpty());
        }
    }

    @Test
    void aHostStartedAgainOnItsFolderHasItsFunctions() {
        Path dataDir = env.workDir().resolve("restarted-host");
        try (LocalLambdaHost host = new LocalLambdaHost(0, dataDir);
             LambdaClient client = SluiceTestEnvironment.lambdaClient(startedEndpoint(host))) {
            createEcho(client, "kept");
        }

        try (LocalLambdaHost again = new LocalLambdaHost(0, dataDir);
             LambdaClient client = SluiceTestEnvironment.lambdaClient(startedEndpoint(again))) {
            assertThat(client.listFunctions().functions()).extracting(FunctionConfiguration::functionName)
                    .containsExactly("llh-kept");
            InvokeResponse response = client.invoke(b -> b.functionName("llh-kept").payload(json("{}")));
            assertThat(response.functionError()).isNull();
            assertThat(response.payload().asUtf8String()).contains("\"version\":\"v1\"");
        }
    }

    @Test
    void aHostClosedAndStartedAgainServesItsFunctionsOnTheSamePort() {
        try (LocalLambdaHost host = new LocalLambdaHost(0, env.workDir().resolve("closed-host"));
             LambdaClient client = SluiceTestEnvironment.lambdaClient(startedEndpoint(host))) {
            createEcho(client, "outage");
            String endpoint = host.endpoint();
            assertThat(client.invoke(b -> b.functionName("llh-outage").payload(json("{}"))).functionError()).isNull();

            host.close();
            assertThatThrownBy(() -> client.invoke(b -> b.functionName("llh-outage").payload(json("{}"))))
                    .isInstanceOf(SdkClientException.class);

            host.start();
            assertThat(host.endpoint()).isEqualTo(endpoint);
            InvokeResponse response = client.invoke(b -> b.functionName("llh-outage").payload(json("{}")));
            assertThat(response.functionError()).isNull();
            assertThat(response.payload().asUtf8String()).contains("\"version\":\"v1\"");
        }
    }

    private static String startedEndpoint(LocalLambdaHost host) {
        host.start();
        return host.endpoint();
    }

    private static List<Path> folders(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var list = Files.list(dir)) {
            return list.toList();
        }
    }

    private static void createEcho(LambdaClient client, String name) {
        create(client, name, ECHO, FunctionPackages.zip(versionFile("v1"), EchoHandler.class), b -> b.timeout(30));
    }

    private static String createEcho(String name, Consumer<CreateFunctionRequest.Builder> more) {
        return create(name, ECHO, FunctionPackages.zip(versionFile("v1"), EchoHandler.class),
                b -> more.accept(b.timeout(30)));
    }

    private static String create(String name, String handler, byte[] code,
                                 Consumer<CreateFunctionRequest.Builder> more) {
        return create(lambda, name, handler, code, more);
    }

    private static String create(LambdaClient client, String name, String handler, byte[] code,
                                 Consumer<CreateFunctionRequest.Builder> more) {
        String functionName = "llh-" + name;
        client.createFunction(b -> {
            b.functionName(functionName).runtime(Runtime.JAVA17).role("arn:aws:iam::000000000000:role/test")
                    .handler(handler).code(c -> c.zipFile(SdkBytes.fromByteArray(code)));
            more.accept(b);
        });
        return functionName;
    }

    private static String version(String name) throws IOException {
        InvokeResponse response = lambda.invoke(b -> b.functionName(name).payload(json("{}")));
        return JSON.readTree(response.payload().asByteArray()).get("version").asText();
    }

    private static Map<String, byte[]> versionFile(String version) {
        return Map.of("version.txt", version.getBytes(StandardCharsets.UTF_8));
    }

    private static String tail(InvokeResponse response) {
        return new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8);
    }

    private static SdkBytes json(String json) {
        return SdkBytes.fromUtf8String(json);
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
