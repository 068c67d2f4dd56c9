package dev.sluice.bench.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The {@code lambda-trigger} benchmark's function: nothing but a count. It reads the Kafka event (one partition's
 * records, as both the connector and the raw invokes send them) and appends a line {@code <partition> <last offset>
 * <records>} to the file named by {@value #COUNT_FILE_VARIABLE}, so that the benchmark knows how far each partition
 * has reached the function and how many records were sent more than once. An event without records (the
 * benchmark's warm-up calls) appends nothing.
 */
public class CountingHandler implements RequestStreamHandler {

    public static final String COUNT_FILE_VARIABLE = "SLUICE_BENCH_COUNT_FILE";
    private static final byte[] OFFSET = "\"offset\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PARTITION = "\"partition\":".getBytes(StandardCharsets.US_ASCII);

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        byte[] event = input.readAllBytes();
        String line = line(event);
        if (line != null) {
            // Appends of a short line are atomic on a local file system, so instances may share the file.
            Files.writeString(Path.of(System.getenv(COUNT_FILE_VARIABLE)), line,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        output.write('{');
        output.write('}');
    }

    /** {@code <partition> <last offset> <records>\n} for an event of one partition's records; null without records. */
    static String line(byte[] event) {
        int records = 0;
        int lastOffset = -1;
        for (int at = find(event, OFFSET, 0); at >= 0; at = find(event, OFFSET, at + OFFSET.length)) {
            records++;
            lastOffset = at + OFFSET.length;
        }
        if (records == 0) {
            return null;
        }
        int partition = find(event, PARTITION, 0) + PARTITION.length;
        return number(event, partition) + " " + number(event, lastOffset) + " " + records + "\n";
    }

    private static int find(byte[] event, byte[] mark, int from) {
        outer:
        for (int i = from; i <= event.length - mark.length; i++) {
            for (int j = 0; j < mark.length; j++) {
                if (event[i + j] != mark[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static long number(byte[] event, int at) {
        long value = 0;
        for (int i = at; i < event.length && event[i] >= '0' && event[i] <= '9'; i++) {
            value = value * 10 + (event[i] - '0');
        }
        return value;
    }
}
