package dev.sluice.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CPU time of this JVM's threads by kind (Kafka Connect's task threads, the broker, garbage collection, the JIT
 * compilers, ...), as Linux counts it: {@code /proc/self/task/<tid>/schedstat} (nanoseconds on a CPU) under the
 * thread's {@code comm} (the first 15 characters of its name). The JVM's own threads (GC, compilers) are there too,
 * which {@code ThreadMXBean} does not see. A thread that ends between two snapshots is left out of their difference.
 */
public final class ThreadCpu {

    public static final String OTHER = "other";

    private static final Path TASKS = Path.of("/proc/self/task");

    /** A kind and the {@code comm} prefixes of its threads, in the order a report lists them. */
    private record Kind(String name, List<String> prefixes) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("Connect task threads", List.of("task-thread-")),
            new Kind("connector invokers", List.of("lambda-trigger-")),
            new Kind("raw invokers", List.of("bench-raw-")),
            new Kind("broker requests", List.of("data-plane-kafk")),
            new Kind("Lambda host", List.of("lambda-api", "lambda-runtime", "HTTP-Dispatcher", "lambda-event")),
            new Kind("JIT compilers", List.of("C1 CompilerThre", "C2 CompilerThre")),
            new Kind("garbage collection", List.of("GC Thread#", "G1 "))
    );

    private final Map<Long, Sample> threads;

    private record Sample(String kind, long nanos) {
    }

    private ThreadCpu(Map<Long, Sample> threads) {
        this.threads = threads;
    }

    /** The kinds a report lists, in order; {@link #OTHER} last. */
    public static List<String> kinds() {
        List<String> names = new ArrayList<>(KINDS.stream().map(Kind::name).toList());
        names.add(OTHER);
        return names;
    }

    /** The kind of a thread whose {@code comm} (its name, cut to 15 characters) is {@code comm}. */
    public static String kind(String comm) {
        for (Kind kind : KINDS) {
            for (String prefix : kind.prefixes()) {
                if (comm.startsWith(prefix)) {
                    return kind.name();
                }
            }
        }
        return OTHER;
    }

    /** Every live thread's CPU time so far. */
    public static ThreadCpu now() {
        Map<Long, Sample> threads = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                try {
                    String comm = Files.readString(task.resolve("comm")).strip();
                    String schedstat = Files.readString(task.resolve("schedstat"));
                    long nanos = Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')));
                    threads.put(Long.parseLong(task.getFileName().toString()), new Sample(kind(comm), nanos));
                } catch (NoSuchFileException e) {
                    // The thread ended while we looked.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ThreadCpu(threads);
    }

    /** The CPU time each kind used from {@code earlier} to this snapshot; threads started since count from zero. */
    public Map<String, Long> since(ThreadCpu earlier) {
        Map<String, Long> byKind = new LinkedHashMap<>();
        kinds().forEach(kind -> byKind.put(kind, 0L));
        threads.forEach((tid, sample) -> {
            Sample before = earlier.threads.get(tid);
            long from = before != null && before.kind().equals(sample.kind()) ? before.nanos() : 0;
            byKind.merge(sample.kind(), sample.nanos() - from, Long::sum);
        });
        return byKind;
    }
}
