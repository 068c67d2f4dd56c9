package dev.sluice.lambdahost;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The log file of each function, {@code <dataDir>/logs/<function>.log}: every invocation's log (its {@code START},
 * what the function wrote, {@code END} and {@code REPORT}) in one block, as the invocations end, across instances.
 * Lambda keeps one CloudWatch log stream per instance; here a function's instances share one file.
 */
final class FunctionLogs {

    private static final Logger log = LoggerFactory.getLogger(FunctionLogs.class);

    private final Path dir;

    FunctionLogs(Path dir) {
        this.dir = dir;
    }

    Path file(String functionName) {
        return dir.resolve(functionName + ".log");
    }

    /** Appends the invocation's log; a log that cannot be written is reported, and the invocation stands. */
    synchronized void append(String functionName, InvocationLog invocationLog) {
        Path file = file(functionName);
        try {
            Files.createDirectories(dir);
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                invocationLog.writeTo(out);
            }
        } catch (IOException e) {
            log.warn("Could not write the log of function {} to {}: {}", functionName, file, e.toString());
        }
    }
}
