package dev.sluice.bench;

import java.io.PrintStream;
import java.util.List;

/** One benchmark that {@code ./sluice bench NAME} runs; its results go to {@code out}, its logs to stderr. */
public interface Benchmark {

    /** @param args what followed the benchmark's name on the command line */
    void run(List<String> args, PrintStream out) throws Exception;
}
