package dev.sluice.connect.s3.buffer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The bytes of one S3 object while it is written: in heap chunks while the task's {@link MemoryBudget} allows,
 * otherwise in a temporary file in the spill directory. Once {@link #finish() finished} the bytes are read back
 * in ranges, as often as uploads need, and {@link #release()} gives back the budget and deletes the file.
 *
 * <p>A spilled buffer keeps one small staging chunk, appended to its file each time it fills; the file is opened
 * only for that append, so a thousand spilled buffers do not hold a thousand file descriptors. When even the
 * staging chunk is refused, writes go straight to the file: slow, but heap stays within the budget.
 *
 * <p>{@link #close()} does nothing: record formats may close the stream they are given, and that must not lose
 * the object.
 */
public final class SpillingBuffer extends OutputStream {

    static final int FIRST_CHUNK = 8 * 1024;
    static final int MAX_CHUNK = 1024 * 1024;

    private final MemoryBudget budget;
    private final Path spillDir;
    private final List<byte[]> chunks = new ArrayList<>();
    private int lastUsed;
    private long reserved;
    private long size;
    private Path file;
    private boolean finished;
    private boolean released;

    public SpillingBuffer(MemoryBudget budget, Path spillDir) {
        this.budget = budget;
        this.spillDir = spillDir;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (finished || released) {
            throw new IOException("The object's buffer is already " + (released ? "released" : "finished"));
        }
        while (len > 0) {
            if (chunks.isEmpty() || lastUsed == chunks.get(chunks.size() - 1).length) {
                makeRoom();
            }
            if (chunks.isEmpty()) {
                append(b, off, len);
                size += len;
                return;
            }
            byte[] last = chunks.get(chunks.size() - 1);
            int n = Math.min(len, last.length - lastUsed);
            System.arraycopy(b, off, last, lastUsed, n);
            lastUsed += n;
            size += n;
            off += n;
            len -= n;
        }
    }

    /** Called when there is no chunk or the last one is full: adds a chunk, or spills, or leaves none. */
    private void makeRoom() throws IOException {
        if (file != null) {
            if (!chunks.isEmpty()) {
                append(chunks.get(0), 0, lastUsed);
                lastUsed = 0;
            } else if (budget.tryReserve(FIRST_CHUNK)) {
                addChunk(FIRST_CHUNK);
            }
            return;
        }
        int next = chunks.isEmpty() ? FIRST_CHUNK : Math.min(MAX_CHUNK, chunks.get(chunks.size() - 1).length * 2);
        if (budget.tryReserve(next)) {
            addChunk(next);
            return;
        }
        spill();
    }

    private void addChunk(int length) {
        chunks.add(new byte[length]);
        reserved += length;
        lastUsed = 0;
    }

    /** Moves every byte to a new file and keeps, if the budget allows, one small staging chunk. */
    private void spill() throws IOException {
        file = Files.createTempFile(spillDir, "s3-object-", ".spill");
        for (int i = 0; i < chunks.size(); i++) {
            byte[] chunk = chunks.get(i);
            append(chunk, 0, i == chunks.size() - 1 ? lastUsed : chunk.length);
        }
        freeChunks();
        if (budget.tryReserve(FIRST_CHUNK)) {
            addChunk(FIRST_CHUNK);
        }
    }

    private void append(byte[] b, int off, int len) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
    }

    private void freeChunks() {
        chunks.clear();
        budget.release(reserved);
        reserved = 0;
        lastUsed = 0;
    }

    /** Ends writing: a spilled buffer moves its staged bytes to its file and gives back its heap. */
    public void finish() throws IOException {
        if (finished) {
            return;
        }
        if (file != null && !chunks.isEmpty()) {
            append(chunks.get(0), 0, lastUsed);
            freeChunks();
        }
        finished = true;
    }

    /** Does nothing; see the class comment. */
    @Override
    public void close() {
    }

    /** Gives back the budget and deletes the spill file; the bytes are gone. Safe to call more than once. */
    public void release() throws IOException {
        if (released) {
            return;
        }
        released = true;
        freeChunks();
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }

    public long size() {
        return size;
    }

    public boolean spilled() {
        return file != null;
    }

    /** The heap bytes this buffer holds against the budget. */
    public long reservedBytes() {
        return reserved;
    }

    /** A stream over {@code length} bytes from {@code offset} of a finished buffer; each call starts afresh. */
    public InputStream openRange(long offset, long length) throws IOException {
        if (!finished || released) {
            throw new IllegalStateException("Only a finished, unreleased buffer can be read");
        }
        if (offset < 0 || length < 0 || offset + length > size) {
            throw new IndexOutOfBoundsException("Range " + offset + "+" + length + " of a " + size + "-byte buffer");
        }
        if (file != null) {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ).position(offset);
            return new BoundedInputStream(Channels.newInputStream(channel), length);
        }
        return new ChunksInputStream(List.copyOf(chunks), offset, length);
    }

    /** Reads {@code length} bytes of the chunks from {@code offset}. */
    private static final class ChunksInputStream extends InputStream {
        private final List<byte[]> chunks;
        private int chunk;
        private int pos;
        private long remaining;

        ChunksInputStream(List<byte[]> chunks, long offset, long length) {
            this.chunks = chunks;
            this.remaining = length;
            long skip = offset;
            while (chunk < chunks.size() && skip >= chunks.get(chunk).length) {
                skip -= chunks.get(chunk).length;
                chunk++;
            }
            pos = (int) skip;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (remaining == 0) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            while (pos == chunks.get(chunk).length) {
                chunk++;
                pos = 0;
            }
            byte[] current = chunks.get(chunk);
            int n = (int) Math.min(Math.min(len, current.length - pos), remaining);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            remaining -= n;
            return n;
        }
    }

    /** At most {@code remaining} bytes of a stream. */
    private static final class BoundedInputStream extends InputStream {
        private final InputStream in;
        private long remaining;

        BoundedInputStream(InputStream in, long remaining) {
            this.in = in;
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining == 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
