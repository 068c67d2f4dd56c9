package dev.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {

    @Test
    void kindsComeFromTheCutNames() {
        assertThat(ThreadCpu.kind("task-thread-ben")).isEqualTo("Connect task threads");
        assertThat(ThreadCpu.kind("lambda-trigger-")).isEqualTo("connector invokers");
        assertThat(ThreadCpu.kind("data-plane-kafk")).isEqualTo("broker requests");
        assertThat(ThreadCpu.kind("C2 CompilerThre")).isEqualTo("JIT compilers");
        assertThat(ThreadCpu.kind("GC Thread#1")).isEqualTo("garbage collection");
        assertThat(ThreadCpu.kind("G1 Conc#0")).isEqualTo("garbage collection");
        assertThat(ThreadCpu.kind("HTTP-Dispatcher")).isEqualTo("Lambda host");
        assertThat(ThreadCpu.kind("main")).isEqualTo(ThreadCpu.OTHER);
        assertThat(ThreadCpu.kinds()).endsWith(ThreadCpu.OTHER).contains("raw invokers");
    }

    @Test
    void aThreadsCpuTimeCountsUnderItsKind() throws InterruptedException {
        long spin = TimeUnit.MILLISECONDS.toNanos(50);
        var spun = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        ThreadCpu before = ThreadCpu.now();
        Thread busy = new Thread(() -> {
            var threads = ManagementFactory.getThreadMXBean();
            while (threads.getCurrentThreadCpuTime() < spin) {
                Thread.onSpinWait();
            }
            spun.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bench-raw-spinner");
        busy.start();
        try {
            spun.await();
            var used = ThreadCpu.now().since(before);
            assertThat(used.get("raw invokers")).isGreaterThanOrEqualTo(spin * 8 / 10);
            assertThat(used.keySet()).containsExactlyElementsOf(ThreadCpu.kinds());
        } finally {
            release.countDown();
            busy.join();
        }
    }
}
