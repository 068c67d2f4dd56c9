package dev.sluice.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The CPU time of this JVM and of a server that runs as a tree of processes, such as PostgreSQL's postmaster with
 * its backends and WAL senders, which come and go. Counted process by process between a mark and now: a process
 * that started since counts from its start, one that ended since is left out (so measure spans in which the
 * processes that do the work live), and none can make the sum go down.
 */
final class ProcessTreeCpu {

    /** The CPU time so far of this JVM and of each process of the tree, by pid. */
    record Mark(long jvmNanos, Map<Long, Long> treeNanos) {
    }

    private final ProcessHandle root;

    ProcessTreeCpu(ProcessHandle root) {
        this.root = root;
    }

    Mark mark() {
        Map<Long, Long> tree = new HashMap<>();
        put(tree, root);
        root.descendants().forEach(p -> put(tree, p));
        return new Mark(nanos(ProcessHandle.current()), tree);
    }

    /** What this JVM ({@link CpuUse#jvmNanos()}) and the tree ({@link CpuUse#standInNanos()}) used since. */
    CpuUse since(Mark earlier) {
        Mark now = mark();
        long tree = 0;
        for (var process : now.treeNanos().entrySet()) {
            tree += process.getValue() - earlier.treeNanos().getOrDefault(process.getKey(), 0L);
        }
        return new CpuUse(now.jvmNanos() - earlier.jvmNanos(), tree);
    }

    private static void put(Map<Long, Long> tree, ProcessHandle process) {
        tree.put(process.pid(), nanos(process));
    }

    /** Zero for a process that ended while being read. */
    private static long nanos(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }
}
