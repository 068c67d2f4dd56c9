package dev.sluice.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A process's resident memory and OS thread count as Linux reports them in {@code /proc/<pid>/status}: the total
 * resident set ({@code VmRSS}) and its parts, anonymous memory (heap, stacks, JIT code, malloc), file-backed pages
 * (mapped jars, Kafka's memory-mapped index files) and shared memory. Sizes in KiB.
 */
public record ProcStatus(long rssKib, long rssAnonKib, long rssFileKib, long rssShmemKib, int threads) {

    private static final Pattern KIB = Pattern.compile("(?m)^(VmRSS|RssAnon|RssFile|RssShmem):\\s+(\\d+) kB$");
    private static final Pattern THREADS = Pattern.compile("(?m)^Threads:\\s+(\\d+)$");

    /** Reads {@code /proc/<pid>/status}; empty where there is no such file (not Linux, or the process is gone). */
    public static Optional<ProcStatus> of(long pid) {
        Path file = Path.of("/proc", Long.toString(pid), "status");
        try {
            return Optional.of(parse(Files.readString(file)));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** @throws IllegalArgumentException if {@code status} has no {@code VmRSS} line */
    public static ProcStatus parse(String status) {
        long rss = -1;
        long anon = 0;
        long file = 0;
        long shmem = 0;
        Matcher m = KIB.matcher(status);
        while (m.find()) {
            long kib = Long.parseLong(m.group(2));
            switch (m.group(1)) {
                case "VmRSS" -> rss = kib;
                case "RssAnon" -> anon = kib;
                case "RssFile" -> file = kib;
                default -> shmem = kib;
            }
        }
        if (rss < 0) {
            throw new IllegalArgumentException("no VmRSS line");
        }
        Matcher t = THREADS.matcher(status);
        return new ProcStatus(rss, anon, file, shmem, t.find() ? Integer.parseInt(t.group(1)) : 0);
    }

    public double rssMib() {
        return rssKib / 1024.0;
    }
}
