package dev.sluice.lambdahost;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The Lambda Runtime API of one instance, on a port of its own on loopback: the runtime in the instance's JVM asks
 * for the next invocation ({@code GET /2018-06-01/runtime/invocation/next}, which waits until there is one) and posts
 * its response or error, or the error that stopped it from starting.
 */
final class RuntimeApiServer implements AutoCloseable {

    private static final String PREFIX = "/2018-06-01/runtime/";
    private static final Duration ANSWER_GRACE = Duration.ofSeconds(1);
    private static final byte[] ACCEPTED = "{\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8);

    private final Clock clock;
    private final Consumer<PendingInvocation> onPickup;
    private final BlockingQueue<PendingInvocation> queue = new LinkedBlockingQueue<>();
    private final ExecutorService executor;
    /** Ends answered invocations after their grace (a timer thread; CompletableFuture's would start one a call). */
    private final ScheduledExecutorService graceTimer;
    private final HttpServer server;
    private volatile PendingInvocation current;
    /** Answered by the runtime, and ended when it asks for the next invocation (so its log is whole). */
    private volatile Answered answered;
    private volatile String rejectedResponseId;
    private volatile boolean closed;

    /**
     * @param onPickup called when the runtime takes an invocation, before it gets it
     */
    RuntimeApiServer(String instanceId, Clock clock, Consumer<PendingInvocation> onPickup) {
        this.clock = clock;
        this.onPickup = onPickup;
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "lambda-runtime-api-" + instanceId);
            t.setDaemon(true);
            return t;
        });
        this.graceTimer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lambda-runtime-grace-" + instanceId);
            t.setDaemon(true);
            return t;
        });
        try {
            server = HttpExchanges.loopbackServer(0);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open a port for the Runtime API", e);
        }
        server.setExecutor(executor);
        server.createContext(PREFIX, this::handle);
        server.start();
    }

    /** {@code host:port}, as {@code AWS_LAMBDA_RUNTIME_API} names it. */
    String address() {
        return server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    void submit(PendingInvocation invocation) {
        queue.add(invocation);
    }

    private record Answered(PendingInvocation invocation, RuntimeOutcome outcome) {
        void end() {
            invocation.complete(outcome);
        }
    }

    /**
     * Ends the invocation being run, and any waiting, with the outcome given (the runtime is gone); one the runtime
     * had answered ends with its answer.
     */
    void failAll(RuntimeOutcome outcome) {
        endAnswered();
        PendingInvocation running = current;
        if (running != null) {
            running.complete(outcome);
        }
        for (PendingInvocation waiting = queue.poll(); waiting != null; waiting = queue.poll()) {
            waiting.complete(outcome);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
            String method = exchange.getRequestMethod();
            if (method.equals("GET") && path.equals("invocation/next")) {
                next(exchange);
            } else if (method.equals("POST") && path.equals("init/error")) {
                byte[] error = HttpExchanges.read(exchange, RuntimeOutcome.MAX_RESPONSE).bytes();
                failAll(new RuntimeOutcome.InitError(error));
                HttpExchanges.send(exchange, 202, ACCEPTED, Map.of());
            } else if (method.equals("POST") && path.startsWith("invocation/") && path.endsWith("/response")) {
                response(exchange, path.substring("invocation/".length(), path.length() - "/response".length()));
            } else if (method.equals("POST") && path.startsWith("invocation/") && path.endsWith("/error")) {
                error(exchange, path.substring("invocation/".length(), path.length() - "/error".length()));
            } else {
                sendError(exchange, 404, "InvalidRequest", "No Runtime API at " + method + " " + path);
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        endAnswered();
        PendingInvocation invocation = null;
        try {
            while (invocation == null && !closed) {
                invocation = queue.poll(1, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (invocation == null || invocation.outcome().isDone()) {
            sendError(exchange, 500, "ServiceUnavailable", "The instance is stopping");
            return;
        }
        current = invocation;
        onPickup.accept(invocation);
        long deadline = clock.millis() + invocation.timeout().toMillis();
        invocation.pickedUp().complete(System.nanoTime());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
        headers.put("Lambda-Runtime-Deadline-Ms", Long.toString(deadline));
        headers.put("Lambda-Runtime-Invoked-Function-Arn", invocation.functionArn());
        headers.put("Lambda-Runtime-Trace-Id", invocation.traceId());
        if (invocation.clientContext() != null) {
            headers.put("Lambda-Runtime-Client-Context", invocation.clientContext());
        }
        // AWS's runtime client reads Content-Type unconditionally: without it, it crashes
        HttpExchanges.send(exchange, 200, invocation.payload(), headers);
    }

    private void response(HttpExchange exchange, String requestId) throws IOException {
        HttpExchanges.Body body = HttpExchanges.read(exchange, RuntimeOutcome.MAX_RESPONSE);
        PendingInvocation invocation = running(exchange, requestId);
        if (invocation == null) {
            return;
        }
        if (body.larger(RuntimeOutcome.MAX_RESPONSE)) {
            // the runtime client answers a refused response by posting an error for the same request: let it
            rejectedResponseId = requestId;
            finish(invocation, new RuntimeOutcome.ResponseTooLarge(body.size()));
            sendError(exchange, 413, "RequestEntityTooLarge",
                    "Exceeded maximum allowed payload size (" + RuntimeOutcome.MAX_RESPONSE + " bytes).");
            return;
        }
        finish(invocation, new RuntimeOutcome.Success(body.bytes()));
        HttpExchanges.send(exchange, 202, ACCEPTED, Map.of());
    }

    private void error(HttpExchange exchange, String requestId) throws IOException {
        byte[] error = HttpExchanges.read(exchange, RuntimeOutcome.MAX_RESPONSE).bytes();
        if (requestId.equals(rejectedResponseId)) {
            rejectedResponseId = null;
            HttpExchanges.send(exchange, 202, ACCEPTED, Map.of());
            return;
        }
        PendingInvocation invocation = running(exchange, requestId);
        if (invocation != null) {
            finish(invocation, new RuntimeOutcome.FunctionError(error));
            HttpExchanges.send(exchange, 202, ACCEPTED, Map.of());
        }
    }

    private PendingInvocation running(HttpExchange exchange, String requestId) throws IOException {
        PendingInvocation invocation = current;
        if (invocation == null || !invocation.requestId().equals(requestId)) {
            sendError(exchange, 400, "InvalidRequestID", "Invalid request ID: " + requestId);
            return null;
        }
        return invocation;
    }

    /**
     * The runtime has answered: the invocation ends when it asks for the next one, as in Lambda, so that what it
     * logs after answering (a handler's error, for one) is in the invocation's log; or after a second at most.
     */
    private void finish(PendingInvocation invocation, RuntimeOutcome outcome) {
        current = null;
        Answered now = new Answered(invocation, outcome);
        answered = now;
        try {
            graceTimer.schedule(now::end, ANSWER_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            now.end(); // closing
        }
    }

    /** Ends the invocation the runtime has answered, if any, without waiting for it to ask for the next. */
    void endAnswered() {
        Answered last = answered;
        if (last != null) {
            answered = null;
            last.end();
        }
    }

    private static void sendError(HttpExchange exchange, int status, String type, String message) throws IOException {
        byte[] body = ("{\"errorMessage\":\"" + message.replace("\"", "'") + "\",\"errorType\":\"" + type + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        HttpExchanges.send(exchange, status, body, Map.of());
    }

    @Override
    public void close() {
        closed = true;
        server.stop(0);
        executor.shutdownNow();
        graceTimer.shutdownNow();
        endAnswered();
    }
}
