package dev.sluice.lambdahost;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One execution environment of a function: a JVM of its own running AWS's runtime interface client, with its own
 * Runtime API, started on its first invocation and reused for later ones, one at a time. Its output goes to a file
 * of its own, from which each invocation's log takes what was written while it ran.
 */
final class FunctionInstance {

    private static final Logger log = LoggerFactory.getLogger(FunctionInstance.class);

    /** What an invocation came to, and the last 4 KB of its log (base64). */
    record Result(RuntimeOutcome outcome, String logTail) {
    }

    private final String id;
    private final LambdaFunction function;
    private final Path codeDir;
    private final Path dir;
    private final Path outputFile;
    private final ChildJvm jvm;
    private final FunctionLogs logs;
    private final Clock clock;
    private final Duration initTimeout;
    private RuntimeApiServer runtimeApi;
    private volatile Process process;
    private long startNanos;
    private long outputOffset;
    private volatile long idleSinceNanos = System.nanoTime();

    FunctionInstance(String id, LambdaFunction function, Path codeDir, Path dir, ChildJvm jvm, FunctionLogs logs,
                     Clock clock, Duration initTimeout) {
        this.id = id;
        this.function = function;
        this.codeDir = codeDir;
        this.dir = dir;
        this.outputFile = dir.resolve("output.log");
        this.jvm = jvm;
        this.logs = logs;
        this.clock = clock;
        this.initTimeout = initTimeout;
    }

    String id() {
        return id;
    }

    LambdaFunction function() {
        return function;
    }

    Path codeDir() {
        return codeDir;
    }

    /** Whether its JVM has not been started yet, or is still running. */
    boolean usable() {
        Process p = process;
        return p == null || p.isAlive();
    }

    long idleSinceNanos() {
        return idleSinceNanos;
    }

    /** Runs one invocation, starting the JVM first if this is the instance's first. */
    Result invoke(String requestId, byte[] payload, String clientContext) {
        long submittedNanos = System.nanoTime();
        InvocationLog invocationLog = new InvocationLog(requestId);
        boolean cold = process == null;
        PendingInvocation invocation = new PendingInvocation(requestId, payload, function.arn(), traceId(),
                clientContext, Duration.ofSeconds(function.timeout()), invocationLog);
        if (cold) {
            start(invocationLog, invocation);
        }
        if (!invocation.outcome().isDone()) {
            runtimeApi.submit(invocation);
            if (!process.isAlive()) {
                runtimeApi.failAll(new RuntimeOutcome.Exited(exitStatus(process.exitValue())));
            }
        }
        RuntimeOutcome outcome;
        Long pickedUp = null;
        try {
            pickedUp = invocation.awaitPickup(initTimeout);
            outcome = pickedUp == null ? invocation.outcome().join() : awaitOutcome(invocation, pickedUp);
        } catch (TimeoutException e) {
            outcome = timeOut(invocation, System.nanoTime() - submittedNanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = timeOut(invocation, System.nanoTime() - submittedNanos);
        }
        long endNanos = System.nanoTime();
        Double initMillis = cold && pickedUp != null ? (pickedUp - startNanos) / 1e6 : null;
        finishLog(invocationLog, outcome, requestId, pickedUp, endNanos, initMillis);
        idleSinceNanos = endNanos;
        return new Result(outcome, invocationLog.tail(InvocationLog.TAIL_BYTES));
    }

    private RuntimeOutcome awaitOutcome(PendingInvocation invocation, long pickedUp) throws InterruptedException {
        long timeoutNanos = invocation.timeout().toNanos();
        try {
            return invocation.awaitOutcome(Duration.ofNanos(pickedUp + timeoutNanos - System.nanoTime()));
        } catch (TimeoutException e) {
            return timeOut(invocation, System.nanoTime() - pickedUp);
        }
    }

    /** Stops the JVM of an invocation that ran too long; unless the runtime answered just in time. */
    private RuntimeOutcome timeOut(PendingInvocation invocation, long elapsedNanos) {
        RuntimeOutcome timedOut = new RuntimeOutcome.TimedOut(elapsedNanos / 1e9);
        if (runtimeApi != null) {
            runtimeApi.endAnswered();
        }
        if (!invocation.complete(timedOut)) {
            return invocation.outcome().join();
        }
        Process p = process;
        if (p != null) {
            p.destroyForcibly();
            waitForExit(p, Duration.ofSeconds(5));
        }
        return timedOut;
    }

    private void start(InvocationLog invocationLog, PendingInvocation invocation) {
        invocationLog.line("INIT_START Runtime Version: " + function.runtime() + " (Sluice local Lambda host, JVM "
                + Runtime.version() + ")");
        runtimeApi = new RuntimeApiServer(id, clock, this::pickedUp);
        try {
            Path tmp = Files.createDirectories(dir.resolve("tmp"));
            List<String> command = jvm.command(function, tmp);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(codeDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(outputFile.toFile()));
            builder.environment().clear();
            builder.environment().putAll(jvm.environment(function, codeDir, runtimeApi.address(), id,
                    LocalDate.now(clock.withZone(ZoneOffset.UTC)), System.getenv("PATH")));
            startNanos = System.nanoTime();
            Process started = builder.start();
            process = started;
            log.debug("Started instance {} of function {} (pid {})", id, function.name(), started.pid());
            started.onExit().thenAccept(p -> runtimeApi.failAll(new RuntimeOutcome.Exited(exitStatus(p.exitValue()))));
        } catch (IOException e) {
            log.warn("Could not start an instance of function {}: {}", function.name(), e.toString());
            invocation.complete(new RuntimeOutcome.Exited("could not start the JVM: " + e.getMessage()));
        }
    }

    /** The runtime has taken the invocation: what was written before it belongs before its START line. */
    private synchronized void pickedUp(PendingInvocation invocation) {
        captureOutput(invocation.log());
        invocation.log().start();
    }

    private synchronized void captureOutput(InvocationLog invocationLog) {
        try {
            long size = Files.exists(outputFile) ? Files.size(outputFile) : 0;
            invocationLog.output(outputFile, outputOffset, size);
            outputOffset = size;
        } catch (IOException e) {
            log.warn("Could not read the output of instance {}: {}", id, e.toString());
        }
    }

    private void finishLog(InvocationLog invocationLog, RuntimeOutcome outcome, String requestId, Long pickedUp,
                           long endNanos, Double initMillis) {
        captureOutput(invocationLog);
        if (pickedUp == null) {
            invocationLog.start();
        }
        String status = null;
        if (outcome instanceof RuntimeOutcome.TimedOut timedOut) {
            invocationLog.line(Instant.now(clock) + " " + requestId + " " + timedOut.message());
            status = "timeout";
        } else if (outcome instanceof RuntimeOutcome.Exited exited) {
            invocationLog.line("RequestId: " + requestId + " Error: " + exited.message());
            invocationLog.line("Runtime.ExitError");
            status = "error";
        } else if (outcome instanceof RuntimeOutcome.InitError) {
            status = "error";
        }
        double durationMillis = pickedUp == null ? 0 : (endNanos - pickedUp) / 1e6;
        invocationLog.end(durationMillis, function.memorySize(), peakMemoryMegabytes(), initMillis, status);
        logs.append(function.name(), invocationLog);
    }

    /** The JVM's peak resident memory, as Lambda's "Max Memory Used" reports it; 0 where /proc cannot tell. */
    private long peakMemoryMegabytes() {
        Process p = process;
        if (p == null) {
            return 0;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(p.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process has gone, or this is not Linux: no figure
        }
        return 0;
    }

    /** Stops the JVM and the Runtime API, and deletes the instance's folder. */
    void stop() {
        Process p = process;
        if (p != null && p.isAlive()) {
            p.destroy();
            if (!waitForExit(p, Duration.ofSeconds(2))) {
                p.destroyForcibly();
                waitForExit(p, Duration.ofSeconds(5));
            }
        }
        if (runtimeApi != null) {
            runtimeApi.close();
        }
        Folders.deleteQuietly(dir);
        log.debug("Stopped instance {} of function {}", id, function.name());
    }

    private static boolean waitForExit(Process p, Duration limit) {
        try {
            return p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** How Lambda words a runtime's end: "exit status 1", or "signal: killed" for a JVM killed by SIGKILL. */
    static String exitStatus(int exitValue) {
        return switch (exitValue) {
            case 137 -> "signal: killed";
            case 143 -> "signal: terminated";
            default -> "exit status " + exitValue;
        };
    }

    private String traceId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format("Root=1-%08x-%012x%012x;Parent=%016x;Sampled=0", clock.instant().getEpochSecond(),
                random.nextLong(1L << 48), random.nextLong(1L << 48), random.nextLong(Long.MAX_VALUE));
    }
}
