package dev.sluice.lambdahost;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The instances of every function: started on demand, reused while warm (one invocation at a time each), at most as
 * many busy at once as the function's concurrency allows (its reserved concurrency, or the host's default), stopped
 * after {@link LambdaHostSettings#idleTimeout()} idle, and replaced when the function's code or configuration
 * changes. Code folders that no instance runs any more are deleted here.
 */
final class InstancePool implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InstancePool.class);

    private static final class Instances {
        /** Most recently used first, so that the extra ones of a burst are the ones left to go idle. */
        final Deque<FunctionInstance> idle = new ArrayDeque<>();
        final Set<FunctionInstance> busy = new HashSet<>();
    }

    private final Path instancesDir;
    private final ChildJvm jvm;
    private final FunctionLogs logs;
    private final Clock clock;
    private final LambdaHostSettings settings;
    private final Function<LambdaFunction, Path> codeDirs;
    private final Map<String, Instances> instances = new HashMap<>();
    /** The function as it is now, by name; instances of other revisions are not reused. */
    private final Map<String, LambdaFunction> current = new HashMap<>();
    private final ScheduledExecutorService reaper;
    private final ExecutorService stopper;

    InstancePool(Path instancesDir, ChildJvm jvm, FunctionLogs logs, Clock clock, LambdaHostSettings settings,
                 Function<LambdaFunction, Path> codeDirs) {
        this.instancesDir = instancesDir;
        this.jvm = jvm;
        this.logs = logs;
        this.clock = clock;
        this.settings = settings;
        this.codeDirs = codeDirs;
        this.reaper = Executors.newSingleThreadScheduledExecutor(daemon("lambda-instance-reaper"));
        this.stopper = Executors.newCachedThreadPool(daemon("lambda-instance-stop"));
        long period = Math.max(1000, Math.min(30_000, settings.idleTimeout().toMillis() / 4));
        reaper.scheduleWithFixedDelay(this::stopIdle, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * An instance for one invocation of the function as it is now: a warm one of the same revision, or a new one.
     *
     * @throws LambdaApiException TooManyRequestsException when the function's concurrency is all in use
     */
    synchronized FunctionInstance acquire(LambdaFunction function) {
        current.put(function.name(), function);
        Instances of = instances.computeIfAbsent(function.name(), name -> new Instances());
        boolean reserved = function.reservedConcurrency() != null;
        int limit = reserved ? function.reservedConcurrency() : settings.defaultConcurrency();
        if (of.busy.size() >= limit) {
            throw LambdaApiException.throttled(reserved);
        }
        for (FunctionInstance warm = of.idle.pollFirst(); warm != null; warm = of.idle.pollFirst()) {
            if (warm.usable() && warm.function().revisionId().equals(function.revisionId())) {
                of.busy.add(warm);
                return warm;
            }
            stopLater(warm);
        }
        String id = UUID.randomUUID().toString().replace("-", "");
        FunctionInstance created = new FunctionInstance(id, function, codeDirs.apply(function),
                instancesDir.resolve(id), jvm, logs, clock, settings.initTimeout());
        of.busy.add(created);
        return created;
    }

    /** The invocation has ended: the instance goes back to the idle ones, or is stopped if it may not be reused. */
    void release(FunctionInstance instance, boolean reusable) {
        synchronized (this) {
            Instances of = instances.get(instance.function().name());
            if (of != null && of.busy.remove(instance) && reusable && instance.usable() && isCurrent(instance)) {
                of.idle.addFirst(instance);
                return;
            }
        }
        stopLater(instance);
    }

    /**
     * The function was updated (or deleted, {@code updated} null): its idle instances of the old revision stop now,
     * busy ones when their invocation ends, and the old code's folder goes when no instance runs it.
     */
    void changed(LambdaFunction old, LambdaFunction updated) {
        List<FunctionInstance> stale = new ArrayList<>();
        synchronized (this) {
            if (updated == null) {
                current.remove(old.name());
            } else {
                current.put(updated.name(), updated);
            }
            Instances of = instances.get(old.name());
            if (of != null) {
                stale.addAll(of.idle.stream().filter(i -> !isCurrent(i)).toList());
                of.idle.removeAll(stale);
            }
        }
        stale.forEach(this::stopLater);
        deleteCodeIfUnused(codeDirs.apply(old));
    }

    private boolean isCurrent(FunctionInstance instance) {
        LambdaFunction now = current.get(instance.function().name());
        return now != null && now.revisionId().equals(instance.function().revisionId());
    }

    private void stopIdle() {
        long now = System.nanoTime();
        long idleNanos = settings.idleTimeout().toNanos();
        List<FunctionInstance> expired = new ArrayList<>();
        synchronized (this) {
            for (Instances of : instances.values()) {
                List<FunctionInstance> old = of.idle.stream()
                        .filter(i -> now - i.idleSinceNanos() > idleNanos || !i.usable()).toList();
                of.idle.removeAll(old);
                expired.addAll(old);
            }
        }
        expired.forEach(this::stopLater);
    }

    private void stopLater(FunctionInstance instance) {
        Runnable stop = () -> {
            instance.stop();
            deleteCodeIfUnused(instance.codeDir());
        };
        try {
            stopper.execute(stop);
        } catch (RejectedExecutionException e) {
            stop.run(); // the pool is closing
        }
    }

    /** Deletes a code folder (and its package) that no instance runs and that is not a function's current code. */
    private void deleteCodeIfUnused(Path codeDir) {
        synchronized (this) {
            boolean inUse = current.values().stream().anyMatch(f -> codeDirs.apply(f).equals(codeDir))
                    || instances.values().stream().anyMatch(of -> runs(of.idle, codeDir) || runs(of.busy, codeDir));
            if (inUse) {
                return;
            }
        }
        Folders.deleteQuietly(codeDir);
        try {
            Files.deleteIfExists(codeDir.resolveSibling(codeDir.getFileName() + ".zip"));
        } catch (IOException e) {
            log.debug("Could not delete the package of {}: {}", codeDir, e.toString());
        }
    }

    private static boolean runs(Iterable<FunctionInstance> of, Path codeDir) {
        for (FunctionInstance instance : of) {
            if (instance.codeDir().equals(codeDir)) {
                return true;
            }
        }
        return false;
    }

    /** Stops every instance, busy ones too (their invocations end as exited), and waits for them a little. */
    @Override
    public void close() {
        List<FunctionInstance> all = new ArrayList<>();
        synchronized (this) {
            for (Instances of : instances.values()) {
                all.addAll(of.idle);
                all.addAll(of.busy);
            }
            instances.clear();
        }
        reaper.shutdownNow();
        all.forEach(instance -> stopper.execute(instance::stop));
        stopper.shutdown();
        try {
            if (!stopper.awaitTermination(Duration.ofSeconds(15).toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Some Lambda instances had not stopped after 15 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
