package dev.sluice.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The memory of this JVM, which hosts the worker node and the Kafka broker, after a forced GC; and, separately, of
 * the S3 stand-in, a child process whose memory is not in this process's RSS.
 *
 * @param process     this process's {@code /proc/self/status}
 * @param heapUsed    bytes of Java heap in use after the GC
 * @param heapCommitted bytes of Java heap the JVM holds
 * @param nonHeapUsed bytes of metaspace, code cache and the like in use
 * @param jvmThreads  live Java threads
 * @param threadKinds live Java threads by {@link ThreadNames#kind}
 * @param s3Mock      the S3 stand-in's {@code /proc/<pid>/status}, if it was found
 */
public record MemorySnapshot(ProcStatus process, long heapUsed, long heapCommitted, long nonHeapUsed,
                             int jvmThreads, Map<String, Integer> threadKinds, Optional<ProcStatus> s3Mock) {

    private static final int GC_ROUNDS = 3;

    /** Runs a few full GCs, then reads everything. */
    public static MemorySnapshot afterGc() throws InterruptedException {
        for (int i = 0; i < GC_ROUNDS; i++) {
            System.gc();
            Thread.sleep(200);
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        var threads = ManagementFactory.getThreadMXBean();
        var names = Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds()))
                .filter(Objects::nonNull).map(info -> info.getThreadName()).toList();
        ProcStatus self = ProcStatus.of(ProcessHandle.current().pid())
                .orElseThrow(() -> new IllegalStateException("no /proc/self/status: the benchmark needs Linux"));
        return new MemorySnapshot(self, memory.getHeapMemoryUsage().getUsed(),
                memory.getHeapMemoryUsage().getCommitted(), memory.getNonHeapMemoryUsage().getUsed(),
                threads.getThreadCount(), ThreadNames.histogram(names), s3MockStatus());
    }

    /** The S3 stand-in: the child process whose command line names S3Mock's jar. */
    private static Optional<ProcStatus> s3MockStatus() {
        return ProcessHandle.current().children()
                .filter(p -> p.info().commandLine().map(c -> c.toLowerCase().contains("s3mock")).orElse(false))
                .findFirst()
                .flatMap(p -> ProcStatus.of(p.pid()));
    }

    public static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
