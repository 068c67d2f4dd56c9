package dev.sluice.lambdahost;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

/**
 * The request and response bodies of the Lambda API operations the host serves, as records whose components are
 * the model's member names in lower camel case ({@link #json()} maps them to the wire's upper camel case:
 * {@code functionName} is {@code FunctionName}). Members the host does not act on are left out; unknown members of a
 * request are ignored, as a newer client may send them.
 */
final class LambdaApiModel {

    private LambdaApiModel() {
    }

    /** The JSON mapper of the Lambda API: upper camel case members, nulls left out, unknown members ignored. */
    static ObjectMapper json() {
        return JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    record Environment(Map<String, String> variables) {
    }

    /** {@code FunctionCode}: the host takes {@code ZipFile} (base64 on the wire) only. */
    record FunctionCode(byte[] zipFile, String s3Bucket, String s3Key, String imageUri) {
    }

    record CreateFunctionRequest(String functionName, String runtime, String role, String handler, FunctionCode code,
                                 String description, Integer timeout, Integer memorySize, String packageType,
                                 Environment environment, Map<String, String> tags, List<String> layers,
                                 List<String> architectures) {
    }

    record UpdateFunctionCodeRequest(byte[] zipFile, String s3Bucket, String s3Key, String imageUri, Boolean dryRun,
                                     String revisionId) {
    }

    record UpdateFunctionConfigurationRequest(String role, String handler, String description, Integer timeout,
                                              Integer memorySize, Environment environment, String runtime,
                                              String revisionId, List<String> layers) {
    }

    record PutFunctionConcurrencyRequest(Integer reservedConcurrentExecutions) {
    }

    /** {@code Concurrency}, also the body of GetFunctionConcurrency (which leaves it empty when none is reserved). */
    record Concurrency(Integer reservedConcurrentExecutions) {
    }

    record TracingConfig(String mode) {
    }

    record EphemeralStorage(Integer size) {
    }

    record LoggingConfig(String logFormat, String logGroup) {
    }

    record SnapStart(String applyOn, String optimizationStatus) {
    }

    record FunctionConfiguration(String functionName, String functionArn, String runtime, String role, String handler,
                                 Long codeSize, String description, Integer timeout, Integer memorySize,
                                 String lastModified, String codeSha256, String version, Environment environment,
                                 TracingConfig tracingConfig, String revisionId, String state,
                                 String lastUpdateStatus, String packageType, List<String> architectures,
                                 EphemeralStorage ephemeralStorage, SnapStart snapStart, LoggingConfig loggingConfig) {
    }

    record FunctionCodeLocation(String repositoryType, String location) {
    }

    record GetFunctionResponse(FunctionConfiguration configuration, FunctionCodeLocation code,
                               Map<String, String> tags, Concurrency concurrency) {
    }

    record ListFunctionsResponse(String nextMarker, List<FunctionConfiguration> functions) {
    }
}
