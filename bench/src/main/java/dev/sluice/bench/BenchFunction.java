package dev.sluice.bench;

import dev.sluice.bench.lambda.CountingHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.kafka.common.utils.Time;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * The {@code lambda-trigger} benchmark's function on the local Lambda host: {@link CountingHandler}, deployed as a
 * ZIP of its class file (the host's Java runtime provides {@code aws-lambda-java-core}), and the records it has
 * received so far, from the file it appends its counts to.
 */
final class BenchFunction {

    static final String NAME = "sluice-bench-count";
    private static final String HANDLER = CountingHandler.class.getName() + "::handleRequest";
    private static final int MEMORY_MB = 512;
    private static final int TIMEOUT_SECONDS = 60;

    private final LambdaEndpoint endpoint;
    private final Path countFile;

    BenchFunction(LambdaEndpoint endpoint, Path countFile) {
        this.endpoint = endpoint;
        this.countFile = countFile;
    }

    /** Creates the function, then starts {@code instances} instances of it, so that no run pays for a cold start. */
    void deploy(int instances, Time time) throws InterruptedException {
        try (LambdaClient client = endpoint.client(1)) {
            client.createFunction(r -> r.functionName(NAME).runtime(Runtime.JAVA17).handler(HANDLER)
                    .role("arn:aws:iam::000000000000:role/sluice-bench")
                    .memorySize(MEMORY_MB).timeout(TIMEOUT_SECONDS)
                    .environment(e -> e.variables(Map.of(CountingHandler.COUNT_FILE_VARIABLE, countFile.toString())))
                    .code(c -> c.zipFile(SdkBytes.fromByteArray(zip()))));
        }
        // Calls that overlap while the first instances start each get an instance of their own.
        new TimedWorkers(time).run("bench-lambda-warm-up", instances, instances, () -> endpoint.client(1),
                (client, i) -> client.invoke(r -> r.functionName(NAME).payload(SdkBytes.fromUtf8String("{}"))));
    }

    /** Where the function's count file ends now: a run's progress is read from there. */
    long mark() {
        try {
            return Files.size(countFile);
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What has reached the function since {@code mark}, over all its instances: how far each partition is covered
     * (every offset up to the last one received, as a run reads the topic from its start and a partition's batches
     * go out in order) and how many records arrived. Each {@link ProgressReader#read} parses only the lines added
     * since the one before, so that polling it during a run costs the measured JVM next to nothing.
     */
    ProgressReader progressSince(long mark) {
        return new ProgressReader(mark);
    }

    final class ProgressReader {

        private final Map<Integer, Long> next = new HashMap<>();
        private long position;
        private long received;
        private long invocations;

        private ProgressReader(long mark) {
            this.position = mark;
        }

        Progress read() {
            try (var file = FileChannel.open(countFile)) {
                var buffer = ByteBuffer.allocate((int) Math.max(0, file.size() - position));
                file.read(buffer, position);
                int start = 0;
                byte[] bytes = buffer.array();
                for (int end = 0; end < buffer.position(); end++) {
                    if (bytes[end] == '\n') {
                        add(new String(bytes, start, end - start, StandardCharsets.US_ASCII));
                        start = end + 1;
                    }
                }
                position += start; // a line still being written is read whole next time
            } catch (NoSuchFileException e) {
                return new Progress(Map.of(), 0, 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Progress(Map.copyOf(next), received, invocations);
        }

        private void add(String line) {
            String[] fields = line.split(" ");
            next.merge(Integer.parseInt(fields[0]), Long.parseLong(fields[1]) + 1, Math::max);
            received += Long.parseLong(fields[2]);
            invocations++;
        }
    }

    /**
     * @param next     for each partition, the offset after the last one received
     * @param received    records received, repeats included
     * @param invocations the function's invocations (one line each)
     */
    record Progress(Map<Integer, Long> next, long received, long invocations) {

        /** Records covered: every offset of each partition up to its next. */
        long covered() {
            return next.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Records that arrived more than once. */
        long repeats() {
            return received - covered();
        }
    }

    private static byte[] zip() {
        String entry = CountingHandler.class.getName().replace('.', '/') + ".class";
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes);
             InputStream classFile = CountingHandler.class.getClassLoader().getResourceAsStream(entry)) {
            if (classFile == null) {
                throw new IllegalStateException("no " + entry + " on the benchmark's classpath");
            }
            zip.putNextEntry(new ZipEntry(entry));
            classFile.transferTo(zip);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
