package dev.sluice.bench;

/**
 * One measured run of a benchmark: its rate, and the CPU time that this JVM and the stand-in (a child process, or a
 * server's tree of processes) used for its records.
 */
record MeasuredRun(Throughput rate, CpuUse cpu, long records) {

    double jvmMicrosPerRecord() {
        return cpu.jvmNanos() / 1e3 / records;
    }

    double standInMicrosPerRecord() {
        return cpu.standInNanos() / 1e3 / records;
    }
}
