package dev.sluice.lambdahost;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.sluice.lambdahost.LambdaApiModel.Concurrency;
import dev.sluice.lambdahost.LambdaApiModel.CreateFunctionRequest;
import dev.sluice.lambdahost.LambdaApiModel.FunctionCodeLocation;
import dev.sluice.lambdahost.LambdaApiModel.GetFunctionResponse;
import dev.sluice.lambdahost.LambdaApiModel.ListFunctionsResponse;
import dev.sluice.lambdahost.LambdaApiModel.PutFunctionConcurrencyRequest;
import dev.sluice.lambdahost.LambdaApiModel.UpdateFunctionCodeRequest;
import dev.sluice.lambdahost.LambdaApiModel.UpdateFunctionConfigurationRequest;
import dev.sluice.lambdahost.LambdaApiRouter.ApiRequest;
import dev.sluice.lambdahost.LambdaApiRouter.ApiResponse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The operations on functions: create, read, list, update (code, configuration, concurrency) and delete, with
 * Lambda's checks, status codes and bodies.
 */
final class FunctionOperations {

    private static final DateTimeFormatter LAST_MODIFIED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
            .withZone(ZoneOffset.UTC);

    private final ObjectMapper json;
    private final FunctionStore store;
    private final InstancePool pool;
    private final LambdaHostSettings settings;
    private final Clock clock;
    private final Supplier<String> endpoint;
    private final RequestBodies bodies;

    FunctionOperations(ObjectMapper json, FunctionStore store, InstancePool pool, LambdaHostSettings settings,
                       Clock clock, Supplier<String> endpoint) {
        this.json = json;
        this.store = store;
        this.pool = pool;
        this.settings = settings;
        this.clock = clock;
        this.endpoint = endpoint;
        this.bodies = new RequestBodies(json);
    }

    ApiResponse create(ApiRequest request) throws IOException {
        CreateFunctionRequest body = bodies.parse(request, CreateFunctionRequest.class);
        FunctionRef ref = FunctionRef.parse(body.functionName());
        if ("Image".equals(body.packageType())) {
            throw LambdaApiException.invalidParameter("Sluice's local Lambda host does not run container images:"
                    + " use PackageType Zip.");
        }
        FunctionValidation.requireRuntimeAndHandler(body.runtime(), body.handler());
        FunctionValidation.noLayers(body.layers());
        if (body.code() == null) {
            throw LambdaApiException.invalidParameter("Code is required: the deployment package as ZipFile.");
        }
        CodePackage code = FunctionValidation.zipFile(body.code().zipFile(), body.code().s3Bucket(),
                body.code().imageUri());
        if (store.find(ref.name()).isPresent()) {
            throw LambdaApiException.conflict("Function already exist: " + ref.name());
        }
        String codeId = newId();
        LambdaFunction function = new LambdaFunction(ref.name(), settings.functionArn(ref.name()),
                FunctionValidation.runtime(body.runtime()), body.role(), FunctionValidation.handler(body.handler()),
                body.description() == null ? "" : body.description(),
                FunctionValidation.timeout(body.timeout(), FunctionValidation.DEFAULT_TIMEOUT),
                FunctionValidation.memorySize(body.memorySize(), FunctionValidation.DEFAULT_MEMORY_SIZE),
                FunctionValidation.environment(body.environment() == null ? null : body.environment().variables()),
                body.tags(), null, code.sha256(), code.size(), codeId, now(), newId());
        unpack(function, code);
        try {
            store.create(function);
        } catch (LambdaApiException e) {
            Folders.deleteQuietly(store.codeDir(function));
            Files.deleteIfExists(store.codeZip(function));
            throw e;
        }
        return ApiResponse.json(json, 201, function.configuration());
    }

    ApiResponse get(ApiRequest request) {
        LambdaFunction function = store.get(ref(request));
        FunctionCodeLocation code = new FunctionCodeLocation("S3", endpoint.get() + "/sluice/functions/"
                + function.name() + "/" + store.codeZip(function).getFileName());
        return ApiResponse.json(json, 200, new GetFunctionResponse(function.configuration(), code,
                function.tags().isEmpty() ? null : function.tags(),
                function.reservedConcurrency() == null ? null : new Concurrency(function.reservedConcurrency())));
    }

    ApiResponse getConfiguration(ApiRequest request) {
        return ApiResponse.json(json, 200, store.get(ref(request)).configuration());
    }

    /** The deployment package, where GetFunction's {@code Code.Location} points (Lambda: a presigned S3 URL). */
    ApiResponse downloadCode(ApiRequest request) throws IOException {
        LambdaFunction function = store.get(ref(request));
        Path zip = store.codeZip(function);
        if (!zip.getFileName().toString().equals(request.path().get("Package")) || !Files.isRegularFile(zip)) {
            throw LambdaApiException.notFound("No such code package: " + request.path().get("Package"));
        }
        return new ApiResponse(200, Files.readAllBytes(zip), Map.of("Content-Type", "application/zip"));
    }

    ApiResponse list(ApiRequest request) {
        String maxItems = request.query().get("MaxItems");
        int max;
        try {
            max = maxItems == null ? 50 : Integer.parseInt(maxItems);
        } catch (NumberFormatException e) {
            max = 0;
        }
        if (max < 1 || max > 10_000) {
            throw LambdaApiException.invalidParameter("MaxItems must be between 1 and 10000: " + maxItems);
        }
        FunctionStore.Page page = store.list(request.query().get("Marker"), max);
        return ApiResponse.json(json, 200, new ListFunctionsResponse(page.nextMarker(),
                page.functions().stream().map(LambdaFunction::configuration).toList()));
    }

    ApiResponse updateCode(ApiRequest request) throws IOException {
        FunctionRef ref = ref(request);
        UpdateFunctionCodeRequest body = bodies.parse(request, UpdateFunctionCodeRequest.class);
        LambdaFunction old = requireRevision(store.get(ref), body.revisionId());
        CodePackage code = FunctionValidation.zipFile(body.zipFile(), body.s3Bucket(), body.imageUri());
        if (Boolean.TRUE.equals(body.dryRun())) {
            return ApiResponse.json(json, 200, old.withCode(code, old.codeId(), old.lastModified(),
                    old.revisionId()).configuration());
        }
        LambdaFunction staged = old.withCode(code, newId(), now(), newId());
        unpack(staged, code);
        LambdaFunction updated = store.update(ref, current -> current.withCode(code, staged.codeId(),
                staged.lastModified(), staged.revisionId()));
        pool.changed(old, updated);
        return ApiResponse.json(json, 200, updated.configuration());
    }

    ApiResponse updateConfiguration(ApiRequest request) throws IOException {
        FunctionRef ref = ref(request);
        UpdateFunctionConfigurationRequest body = bodies.parse(request, UpdateFunctionConfigurationRequest.class);
        LambdaFunction old = requireRevision(store.get(ref), body.revisionId());
        FunctionValidation.noLayers(body.layers());
        String runtime = FunctionValidation.runtime(body.runtime() == null ? old.runtime() : body.runtime());
        String handler = FunctionValidation.handler(body.handler() == null ? old.handler() : body.handler());
        int timeout = FunctionValidation.timeout(body.timeout(), old.timeout());
        int memorySize = FunctionValidation.memorySize(body.memorySize(), old.memorySize());
        Map<String, String> environment = body.environment() == null ? old.environment()
                : FunctionValidation.environment(body.environment().variables());
        String lastModified = now();
        String revisionId = newId();
        LambdaFunction updated = store.update(ref, current -> current.withConfiguration(runtime,
                body.role() == null ? current.role() : body.role(), handler,
                body.description() == null ? current.description() : body.description(), timeout, memorySize,
                environment, lastModified, revisionId));
        pool.changed(old, updated);
        return ApiResponse.json(json, 200, updated.configuration());
    }

    ApiResponse delete(ApiRequest request) {
        FunctionRef ref = ref(request);
        if (!ref.isLatest() || request.query().get("Qualifier") != null) {
            throw LambdaApiException.invalidParameter("Sluice's local Lambda host has $LATEST only: delete the"
                    + " function without a qualifier.");
        }
        LambdaFunction removed = store.remove(ref);
        pool.changed(removed, null);
        return new ApiResponse(204, null, Map.of());
    }

    ApiResponse putConcurrency(ApiRequest request) throws IOException {
        FunctionRef ref = ref(request);
        PutFunctionConcurrencyRequest body = bodies.parse(request, PutFunctionConcurrencyRequest.class);
        Integer reserved = body.reservedConcurrentExecutions();
        if (reserved == null || reserved < 0) {
            throw LambdaApiException.invalidParameter("ReservedConcurrentExecutions must be 0 or more: " + reserved);
        }
        store.update(ref, current -> current.withReservedConcurrency(reserved));
        return ApiResponse.json(json, 200, new Concurrency(reserved));
    }

    ApiResponse deleteConcurrency(ApiRequest request) {
        store.update(ref(request), current -> current.withReservedConcurrency(null));
        return new ApiResponse(204, null, Map.of());
    }

    ApiResponse getConcurrency(ApiRequest request) {
        return ApiResponse.json(json, 200, new Concurrency(store.get(ref(request)).reservedConcurrency()));
    }

    private static FunctionRef ref(ApiRequest request) {
        FunctionRef ref = FunctionRef.parse(request.path().get("FunctionName"));
        String qualifier = request.query().get("Qualifier");
        return qualifier == null ? ref : new FunctionRef(ref.name(), qualifier);
    }

    private static LambdaFunction requireRevision(LambdaFunction function, String revisionId) {
        if (revisionId != null && !revisionId.equals(function.revisionId())) {
            throw LambdaApiException.preconditionFailed("The Revision Id provided does not match the latest Revision"
                    + " Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id");
        }
        return function;
    }

    private void unpack(LambdaFunction function, CodePackage code) throws IOException {
        Path dir = store.codeDir(function);
        try {
            code.unpackTo(dir);
            Files.write(store.codeZip(function), code.zip());
        } catch (IOException | RuntimeException e) {
            Folders.deleteQuietly(dir);
            throw e;
        }
    }

    private String now() {
        return LAST_MODIFIED.format(clock.instant());
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
