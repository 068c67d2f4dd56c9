package dev.sluice.runtime.mskconnect.connector;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The CPU time a connector's tasks have used so far: the sum over its Kafka Connect task threads
 * ({@code task-thread-<connector>-<task>}), which run in this JVM. Thread CPU time is enough to compare a
 * connector's use with its capacity, which is what MSK Connect's autoscaling policies are written against.
 */
final class TaskCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private TaskCpu() {
    }

    static long cpuNanos(String connectorName) {
        String prefix = "task-thread-" + connectorName + "-";
        long total = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            String name = thread.getName();
            if (name.startsWith(prefix) && name.substring(prefix.length()).chars().allMatch(Character::isDigit)) {
                long nanos = THREADS.getThreadCpuTime(thread.getId());
                if (nanos > 0) {
                    total += nanos;
                }
            }
        }
        return total;
    }
}
