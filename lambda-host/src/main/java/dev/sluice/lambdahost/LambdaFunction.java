package dev.sluice.lambdahost;

import com.fasterxml.jackson.annotation.JsonIgnore;

import dev.sluice.lambdahost.LambdaApiModel.EphemeralStorage;
import dev.sluice.lambdahost.LambdaApiModel.FunctionConfiguration;
import dev.sluice.lambdahost.LambdaApiModel.LoggingConfig;
import dev.sluice.lambdahost.LambdaApiModel.SnapStart;
import dev.sluice.lambdahost.LambdaApiModel.TracingConfig;

import java.util.List;
import java.util.Map;

/**
 * A function as the host keeps it: its configuration, its code's identity, and the revision that changes with every
 * update (instances started for an older revision are not reused).
 *
 * @param codeId              names the folder the code is unpacked to; changes with each code update
 * @param reservedConcurrency the function's reserved concurrency, or null when none is set
 */
record LambdaFunction(String name, String arn, String runtime, String role, String handler, String description,
                      int timeout, int memorySize, Map<String, String> environment, Map<String, String> tags,
                      Integer reservedConcurrency, String codeSha256, long codeSize, String codeId,
                      String lastModified, String revisionId) {

    LambdaFunction {
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    LambdaFunction withCode(CodePackage code, String codeId, String lastModified, String revisionId) {
        return new LambdaFunction(name, arn, runtime, role, handler, description, timeout, memorySize, environment,
                tags, reservedConcurrency, code.sha256(), code.size(), codeId, lastModified, revisionId);
    }

    LambdaFunction withConfiguration(String runtime, String role, String handler, String description, int timeout,
                                     int memorySize, Map<String, String> environment, String lastModified,
                                     String revisionId) {
        return new LambdaFunction(name, arn, runtime, role, handler, description, timeout, memorySize, environment,
                tags, reservedConcurrency, codeSha256, codeSize, codeId, lastModified, revisionId);
    }

    LambdaFunction withReservedConcurrency(Integer reservedConcurrency) {
        return new LambdaFunction(name, arn, runtime, role, handler, description, timeout, memorySize, environment,
                tags, reservedConcurrency, codeSha256, codeSize, codeId, lastModified, revisionId);
    }

    /** The {@code FunctionConfiguration} of the API, with the fixed settings of a local {@code $LATEST}. */
    @JsonIgnore
    FunctionConfiguration configuration() {
        return new FunctionConfiguration(name, arn, runtime, role, handler, codeSize, description, timeout,
                memorySize, lastModified, codeSha256, FunctionRef.LATEST,
                environment.isEmpty() ? null : new LambdaApiModel.Environment(environment),
                new TracingConfig("PassThrough"), revisionId, "Active", "Successful", "Zip", List.of("x86_64"),
                new EphemeralStorage(512), new SnapStart("None", "Off"),
                new LoggingConfig("Text", "/aws/lambda/" + name));
    }
}
