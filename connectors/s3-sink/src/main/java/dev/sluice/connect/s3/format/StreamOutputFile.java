package dev.sluice.connect.s3.format;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * A Parquet {@link OutputFile} over a stream the caller owns, so that Parquet writes straight into the object
 * upload instead of a local file. Parquet needs the position only to record offsets in the footer, so counting the
 * bytes written is enough. Closing the Parquet writer closes this file's stream, which flushes but leaves the
 * caller's stream open.
 */
final class StreamOutputFile implements OutputFile {

    private final OutputStream out;
    private CountingStream stream;

    StreamOutputFile(OutputStream out) {
        this.out = out;
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) {
        if (stream != null) {
            // Each S3 object is written once, front to back; a second stream would interleave two files.
            throw new IllegalStateException("A stream-backed Parquet file can be created once");
        }
        stream = new CountingStream(out);
        return stream;
    }

    /** The bytes Parquet has written to the stream so far. */
    long position() {
        return stream == null ? 0 : stream.getPos();
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) {
        return create(blockSizeHint);
    }

    @Override
    public boolean supportsBlockSize() {
        return false;
    }

    @Override
    public long defaultBlockSize() {
        return 0;
    }

    private static final class CountingStream extends PositionOutputStream {
        private final OutputStream out;
        private long position;

        CountingStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public long getPos() {
            return position;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            position++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            position += len;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
