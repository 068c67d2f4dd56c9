package dev.sluice.lambdahost;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local stand-in for AWS Lambda: the Lambda API on loopback, for the AWS SDK's {@code LambdaClient} and
 * {@code aws lambda ... --endpoint-url}, running Java functions (runtimes java17 and java21) each in JVMs of its own
 * with AWS's runtime interface client, as Lambda's Java runtimes do.
 *
 * <p>Functions are kept under {@code dataDir} (their configuration and code), so a host started again on the same
 * folder has them back; each function's log is {@code <dataDir>/logs/<function>.log}. A host that is closed can be
 * started again: it serves on the same port as before (the one chosen, when that was 0), as an outage of Lambda
 * would look to its clients. See docs/lambda-host.md.
 */
public final class LocalLambdaHost implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalLambdaHost.class);

    /** The largest CreateFunction and UpdateFunctionCode request Lambda takes. */
    private static final long CODE_REQUEST_LIMIT = 69_905_067L;
    private static final long SMALL_REQUEST_LIMIT = 1024 * 1024;

    /** The port asked for, until the server is bound; then the one bound, which a restart binds again. */
    private int port;
    private final Path dataDir;
    private final LambdaHostSettings settings;
    private final Clock clock;
    private final FunctionLogs logs;
    private HttpServer server;
    private ExecutorService executor;
    private InstancePool pool;
    private AsyncInvocations async;

    /** A host on {@code port} of 127.0.0.1 (0 for any free port), with its state under {@code dataDir}. */
    public LocalLambdaHost(int port, Path dataDir) {
        this(port, dataDir, LambdaHostSettings.defaults());
    }

    public LocalLambdaHost(int port, Path dataDir, LambdaHostSettings settings) {
        this(port, dataDir, settings, Clock.systemUTC());
    }

    LocalLambdaHost(int port, Path dataDir, LambdaHostSettings settings, Clock clock) {
        this.port = port;
        this.dataDir = dataDir.toAbsolutePath();
        this.settings = settings;
        this.clock = clock;
        this.logs = new FunctionLogs(this.dataDir.resolve("logs"));
    }

    /**
     * Loads the functions kept under the data folder and starts serving; after {@link #close}, on the same port again.
     *
     * @throws UncheckedIOException when the port is taken or the folder cannot be written
     * @throws IllegalStateException when AWS's runtime interface client is not on the classpath, or cannot run here
     */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            Folders.deleteQuietly(dataDir.resolve("instances"));
            RuntimeClasspath runtime = RuntimeClasspath.locate(LocalLambdaHost.class.getClassLoader(),
                    dataDir.resolve("runtime"));
            ObjectMapper json = LambdaApiModel.json();
            FunctionStore store = new FunctionStore(dataDir.resolve("functions"), settings, json);
            store.load();
            pool = new InstancePool(dataDir.resolve("instances"), new ChildJvm(ChildJvm.currentJava(), runtime,
                    settings), logs, clock, settings, store::codeDir);
            Invoker invoker = new Invoker(pool);
            async = new AsyncInvocations(store, invoker, settings);
            FunctionOperations functions = new FunctionOperations(json, store, pool, settings, clock, this::endpoint);
            InvokeOperation invoke = new InvokeOperation(store, invoker, async, new RequestBodies(json));
            LambdaApiRouter router = routes(new LambdaApiRouter(json), functions, invoke);

            server = HttpExchanges.loopbackServer(port);
            port = server.getAddress().getPort();
            executor = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "lambda-api");
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(executor);
            server.createContext("/", router);
            server.start();
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("Could not start the local Lambda host on port " + port, e);
        }
        log.info("Local Lambda host listening on {}, functions under {}", endpoint(), dataDir);
    }

    private static LambdaApiRouter routes(LambdaApiRouter router, FunctionOperations functions,
                                          InvokeOperation invoke) {
        String function = "/2015-03-31/functions/{FunctionName}";
        return router
                .route("POST", "/2015-03-31/functions", CODE_REQUEST_LIMIT, "CreateFunction", functions::create)
                .route("GET", "/2015-03-31/functions", SMALL_REQUEST_LIMIT, "ListFunctions", functions::list)
                .route("GET", function, SMALL_REQUEST_LIMIT, "GetFunction", functions::get)
                .route("DELETE", function, SMALL_REQUEST_LIMIT, "DeleteFunction", functions::delete)
                .route("GET", function + "/configuration", SMALL_REQUEST_LIMIT, "GetFunctionConfiguration",
                        functions::getConfiguration)
                .route("PUT", function + "/configuration", SMALL_REQUEST_LIMIT, "UpdateFunctionConfiguration",
                        functions::updateConfiguration)
                .route("PUT", function + "/code", CODE_REQUEST_LIMIT, "UpdateFunctionCode", functions::updateCode)
                .route("POST", function + "/invocations", LambdaApiException.MAX_SYNC_PAYLOAD, "InvokeFunction",
                        invoke::invoke)
                .route("PUT", "/2017-10-31/functions/{FunctionName}/concurrency", SMALL_REQUEST_LIMIT,
                        "PutFunctionConcurrency", functions::putConcurrency)
                .route("DELETE", "/2017-10-31/functions/{FunctionName}/concurrency", SMALL_REQUEST_LIMIT,
                        "DeleteFunctionConcurrency", functions::deleteConcurrency)
                .route("GET", "/2019-09-30/functions/{FunctionName}/concurrency", SMALL_REQUEST_LIMIT,
                        "GetFunctionConcurrency", functions::getConcurrency)
                .route("GET", "/sluice/functions/{FunctionName}/{Package}", SMALL_REQUEST_LIMIT, "GetCode",
                        functions::downloadCode);
    }

    /** {@code http://127.0.0.1:<port>}, the endpoint to give AWS clients. */
    public String endpoint() {
        return "http://127.0.0.1:" + port();
    }

    /** The port served on: the one asked for, or the one chosen when that was 0 (once started). */
    public synchronized int port() {
        return port;
    }

    /** The log file of a function: every invocation's START, output, END and REPORT lines. */
    public Path logFile(String functionName) {
        return logs.file(functionName);
    }

    /**
     * Stops serving and stops every function instance; invocations under way end with their connections closed.
     * Functions stay under the data folder, and {@link #start} serves them again.
     */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
        if (async != null) {
            async.close();
            async = null;
        }
        if (pool != null) {
            pool.close();
            pool = null;
        }
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }
}
