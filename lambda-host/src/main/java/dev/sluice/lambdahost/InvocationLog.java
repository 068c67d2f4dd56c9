package dev.sluice.lambdahost;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The log of one invocation as Lambda writes it: the {@code START}, {@code END} and {@code REPORT} lines around what
 * the function wrote. The function's output stays in its instance's output file, named here by byte ranges, so that
 * a chatty function costs no memory; {@link #tail} reads back the last bytes for {@code X-Amz-Log-Result}.
 */
final class InvocationLog {

    /** How much of the log Invoke returns with {@code LogType=Tail}. */
    static final int TAIL_BYTES = 4 * 1024;

    private sealed interface Segment permits Text, FileRange {
        long length();

        default int lastByte() {
            byte[] last = new byte[1];
            copyLast(1, last, 0);
            return last[0];
        }

        /** Copies the segment's last {@code n} bytes to {@code into} at {@code offset}. */
        void copyLast(int n, byte[] into, int offset);

        void writeTo(OutputStream out) throws IOException;
    }

    private record Text(byte[] bytes) implements Segment {
        @Override
        public long length() {
            return bytes.length;
        }

        @Override
        public void copyLast(int n, byte[] into, int offset) {
            System.arraycopy(bytes, bytes.length - n, into, offset, n);
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            out.write(bytes);
        }
    }

    private record FileRange(Path file, long from, long to) implements Segment {
        @Override
        public long length() {
            return to - from;
        }

        @Override
        public void copyLast(int n, byte[] into, int offset) {
            try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
                ByteBuffer buffer = ByteBuffer.wrap(into, offset, n);
                long position = to - n;
                while (buffer.hasRemaining()) {
                    if (in.read(buffer, position + buffer.position() - offset) < 0) {
                        break;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read the function's output in " + file, e);
            }
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
                in.transferTo(from, length(), Channels.newChannel(out));
            }
        }
    }

    private final String requestId;
    private final List<Segment> segments = new ArrayList<>();

    InvocationLog(String requestId) {
        this.requestId = requestId;
    }

    /** Adds a line of the platform's; on a line of its own, when the function's output did not end one. */
    synchronized void line(String line) {
        boolean lineOpen = !segments.isEmpty() && segments.get(segments.size() - 1).lastByte() != '\n';
        segments.add(new Text(((lineOpen ? "\n" : "") + line + "\n").getBytes(StandardCharsets.UTF_8)));
    }

    /** What the function wrote to its output file between the two offsets. */
    synchronized void output(Path file, long from, long to) {
        if (to > from) {
            segments.add(new FileRange(file, from, to));
        }
    }

    void start() {
        line("START RequestId: " + requestId + " Version: " + FunctionRef.LATEST);
    }

    /**
     * The {@code END} and {@code REPORT} lines.
     *
     * @param initMillis how long the instance took to start, on a cold start; null otherwise
     * @param failure    the REPORT's {@code Status} ("timeout", "error"), or null when the runtime answered
     */
    void end(double durationMillis, int memorySize, long maxMemoryUsedMb, Double initMillis, String failure) {
        line("END RequestId: " + requestId);
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "REPORT RequestId: %s\tDuration: %.2f ms\tBilled Duration: %d ms\tMemory Size: %d MB\t"
                        + "Max Memory Used: %d MB\t", requestId, durationMillis, (long) Math.ceil(durationMillis),
                memorySize, maxMemoryUsedMb));
        if (initMillis != null) {
            report.append(String.format(Locale.ROOT, "Init Duration: %.2f ms\t", initMillis));
        }
        if (failure != null) {
            report.append("Status: ").append(failure);
        }
        line(report.toString());
    }

    synchronized long length() {
        return segments.stream().mapToLong(Segment::length).sum();
    }

    /** The last {@code max} bytes of the log, base64, as {@code X-Amz-Log-Result} carries them. */
    synchronized String tail(int max) {
        byte[] tail = new byte[(int) Math.min(max, length())];
        int end = tail.length;
        for (int i = segments.size() - 1; i >= 0 && end > 0; i--) {
            Segment segment = segments.get(i);
            int n = (int) Math.min(end, segment.length());
            segment.copyLast(n, tail, end - n);
            end -= n;
        }
        return Base64.getEncoder().encodeToString(tail);
    }

    /** Writes the whole log, as one block, to the function's log file. */
    synchronized void writeTo(OutputStream out) throws IOException {
        for (Segment segment : segments) {
            segment.writeTo(out);
        }
    }
}
