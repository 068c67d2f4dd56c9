package dev.sluice.bench;

import java.time.Duration;
import java.util.Optional;

/**
 * The CPU time this JVM and a stand-in child process have used so far, as the OS counts it (user and system), so
 * that a run's CPU can be split between the benchmark's JVM (Kafka, the worker node, the clients) and the stand-in.
 */
public record CpuUse(long jvmNanos, long standInNanos) {

    /** Now, for this JVM and {@code standIn}. */
    public static CpuUse of(ProcessHandle standIn) {
        return new CpuUse(cpuNanos(ProcessHandle.current()), cpuNanos(standIn));
    }

    /**
     * Now, for this JVM and all its child processes whose command line contains {@code name} (each counted from its
     * own start; a child that ended since is left out, so measure spans in which they all live).
     */
    public static CpuUse ofChildren(String name) {
        long children = ProcessHandle.current().children()
                .filter(p -> p.info().commandLine().map(c -> c.contains(name)).orElse(false))
                .mapToLong(CpuUse::cpuNanos).sum();
        return new CpuUse(cpuNanos(ProcessHandle.current()), children);
    }

    /** The child process of this JVM whose command line contains {@code name}. */
    public static Optional<ProcessHandle> child(String name) {
        return ProcessHandle.current().children()
                .filter(p -> p.info().commandLine().map(c -> c.contains(name)).orElse(false))
                .findFirst();
    }

    public CpuUse minus(CpuUse earlier) {
        return new CpuUse(jvmNanos - earlier.jvmNanos, standInNanos - earlier.standInNanos);
    }

    private static long cpuNanos(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos)
                .orElseThrow(() -> new IllegalStateException("no CPU time for process " + process.pid()));
    }
}
