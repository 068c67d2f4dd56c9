package dev.sluice.connect.s3.format;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.xerial.snappy.SnappyFramedOutputStream;

/**
 * Whole-object compression of JSON lines and bytes objects ({@code s3.compression.type}).
 *
 * <p>Snappy is the framed format (what {@code snappy-java}'s {@code SnappyFramedInputStream}, {@code python-snappy}'s
 * {@code stream_decompress} and most tools read), not raw blocks, which no streaming reader can split.
 */
public enum Compression {
    NONE(""),
    GZIP(".gz"),
    ZSTD(".zst"),
    SNAPPY(".snappy");

    private static final int GZIP_BUFFER = 8 * 1024;
    private static final int WRITE_CHUNK = 16 * 1024;
    // zstd's own maximum; a constant so that checking a config does not load the native library.
    private static final int ZSTD_MAX_LEVEL = 22;

    private final String extension;

    Compression(String extension) {
        this.extension = extension;
    }

    /** What the object key gets after the format's own extension: {@code .gz}, or nothing. */
    public String extension() {
        return extension;
    }

    /** Accepts {@code none}, {@code gzip}, {@code zstd}, {@code snappy}. */
    public static Compression parse(String value) {
        return FormatSettings.parseEnum(Compression.class, value, "s3.compression.type");
    }

    /** Rejects a level this codec does not have; -1 (the codec's default) is always fine. */
    void checkLevel(int level) {
        boolean ok = switch (this) {
            case GZIP -> level == -1 || (level >= Deflater.NO_COMPRESSION && level <= Deflater.BEST_COMPRESSION);
            case ZSTD -> level == -1 || (level >= 1 && level <= ZSTD_MAX_LEVEL);
            // Confluent ignores the level when the codec has none; so does Sluice.
            case NONE, SNAPPY -> true;
        };
        if (!ok) {
            throw new IllegalArgumentException("s3.compression.level " + level + " is not a "
                    + name().toLowerCase(Locale.ROOT) + " level; use -1 for the default, 0..9 for gzip or 1.."
                    + ZSTD_MAX_LEVEL + " for zstd");
        }
    }

    /**
     * Wraps {@code out} so that what is written to the result is compressed. Closing the result writes the
     * compression trailer and flushes, but leaves {@code out} open: the caller owns it.
     */
    OutputStream wrap(OutputStream out, int level) throws IOException {
        OutputStream shielded = new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
        OutputStream compressing = switch (this) {
            case NONE -> shielded;
            case GZIP -> new LeveledGzipOutputStream(shielded, level);
            case ZSTD -> new ZstdOutputStreamNoFinalizer(
                    shielded, level == -1 ? Zstd.defaultCompressionLevel() : level);
            case SNAPPY -> new SnappyFramedOutputStream(shielded);
        };
        // Records arrive as a line and a one-byte separator: the codecs (zstd's JNI calls above all) and the
        // object's buffer are cheaper fed in chunks.
        return new BufferedOutputStream(compressing, WRITE_CHUNK);
    }

    /** {@link GZIPOutputStream} offers no level in its constructors; its deflater is reachable from a subclass. */
    private static final class LeveledGzipOutputStream extends GZIPOutputStream {
        LeveledGzipOutputStream(OutputStream out, int level) throws IOException {
            super(out, GZIP_BUFFER);
            def.setLevel(level);
        }
    }
}
