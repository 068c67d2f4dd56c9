package dev.sluice.lambdahost;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The checks of a function's settings that CreateFunction and UpdateFunctionConfiguration make, with Lambda's limits;
 * each throws InvalidParameterValueException with a message that says what to change.
 */
final class FunctionValidation {

    static final List<String> RUNTIMES = List.of("java17", "java21");
    static final int DEFAULT_TIMEOUT = 3;
    static final int DEFAULT_MEMORY_SIZE = 128;
    static final int MAX_TIMEOUT = 900;
    static final int MAX_MEMORY_SIZE = 10_240;
    private static final int MAX_ENVIRONMENT_BYTES = 4 * 1024;

    /** Lambda's reserved environment variables, which a function may not set. */
    static final Set<String> RESERVED_VARIABLES = Set.of("_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION",
            "AWS_REGION", "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
            "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME",
            "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN", "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR");

    private static final Pattern JAVA_HANDLER = Pattern.compile(
            "[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*(::[\\p{L}_$][\\p{L}\\p{N}_$]*)?");
    private static final Pattern VARIABLE_NAME = Pattern.compile("[a-zA-Z]([a-zA-Z0-9_])+");

    private FunctionValidation() {
    }

    static void requireRuntimeAndHandler(String runtime, String handler) {
        if (runtime == null || handler == null) {
            throw LambdaApiException.invalidParameter(
                    "Runtime and Handler are mandatory parameters for functions created with deployment packages.");
        }
    }

    static String runtime(String runtime) {
        if (!RUNTIMES.contains(runtime)) {
            throw LambdaApiException.invalidParameter("The runtime parameter of " + runtime + " is not supported by"
                    + " Sluice's local Lambda host, which runs Java functions: use one of " + RUNTIMES + ".");
        }
        return runtime;
    }

    static String handler(String handler) {
        if (!JAVA_HANDLER.matcher(handler).matches()) {
            throw LambdaApiException.invalidParameter("The handler " + handler + " is not a Java handler: use"
                    + " package.Class::method, or package.Class for a class that implements RequestHandler or"
                    + " RequestStreamHandler.");
        }
        return handler;
    }

    static int timeout(Integer timeout, int current) {
        int value = timeout == null ? current : timeout;
        if (value < 1 || value > MAX_TIMEOUT) {
            throw LambdaApiException.invalidParameter("Timeout must be between 1 and " + MAX_TIMEOUT
                    + " seconds: " + value);
        }
        return value;
    }

    static int memorySize(Integer memorySize, int current) {
        int value = memorySize == null ? current : memorySize;
        if (value < DEFAULT_MEMORY_SIZE || value > MAX_MEMORY_SIZE) {
            throw LambdaApiException.invalidParameter("MemorySize must be between " + DEFAULT_MEMORY_SIZE + " and "
                    + MAX_MEMORY_SIZE + " MB: " + value);
        }
        return value;
    }

    /** The function's own environment variables: none reserved, names as Lambda allows them, 4 KB at most. */
    static Map<String, String> environment(Map<String, String> variables) {
        if (variables == null) {
            return Map.of();
        }
        Set<String> reserved = new TreeSet<>(variables.keySet());
        reserved.retainAll(RESERVED_VARIABLES);
        if (!reserved.isEmpty()) {
            throw LambdaApiException.invalidParameter("Lambda was unable to configure your environment variables"
                    + " because the environment variables you have provided contains reserved keys that are"
                    + " currently not supported for modification. Reserved keys used in this request: "
                    + String.join(",", reserved));
        }
        int bytes = 0;
        for (Map.Entry<String, String> e : variables.entrySet()) {
            if (!VARIABLE_NAME.matcher(e.getKey()).matches()) {
                throw LambdaApiException.invalidParameter("The environment variable name " + e.getKey()
                        + " is not valid: start with a letter, then at least one letter, digit or underscore.");
            }
            bytes += e.getKey().getBytes(StandardCharsets.UTF_8).length
                    + (e.getValue() == null ? 0 : e.getValue().getBytes(StandardCharsets.UTF_8).length);
        }
        if (bytes > MAX_ENVIRONMENT_BYTES) {
            throw LambdaApiException.invalidParameter("Lambda was unable to configure your environment variables"
                    + " because the environment variables you have provided exceeded the 4KB limit. String"
                    + " measured: " + bytes + " bytes");
        }
        return variables;
    }

    static void noLayers(List<String> layers) {
        if (layers != null && !layers.isEmpty()) {
            throw LambdaApiException.invalidParameter("Sluice's local Lambda host does not support layers: put the"
                    + " layer's jars into the deployment package's lib/ folder.");
        }
    }

    /** The ZIP of {@code ZipFile}; code in S3 or a container image is not something the host can run. */
    static CodePackage zipFile(byte[] zipFile, String s3Bucket, String imageUri) {
        if (imageUri != null) {
            throw LambdaApiException.invalidParameter("Sluice's local Lambda host does not run container images:"
                    + " upload a ZIP or JAR as ZipFile.");
        }
        if (s3Bucket != null && zipFile == null) {
            throw LambdaApiException.invalidParameter("Sluice's local Lambda host takes code as ZipFile only, not"
                    + " from S3: upload the ZIP or JAR with --zip-file fileb://...");
        }
        return CodePackage.of(zipFile);
    }
}
