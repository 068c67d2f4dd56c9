package dev.sluice.connect.s3.format;

import com.github.luben.zstd.Zstd;
import io.airlift.compress.lz4.Lz4Compressor;
import io.airlift.compress.lz4.Lz4Decompressor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Parquet page compression without Hadoop. parquet-hadoop's own {@code CodecFactory} instantiates every codec,
 * even its snappy and zstd ones, as a Hadoop {@code CompressionCodec} through Hadoop's {@code ReflectionUtils}, so
 * it needs hadoop-common (and its dependencies, tens of MB) on the plugin's classpath. These codecs call snappy-java,
 * zstd-jni, aircompressor and java.util.zip directly and write the same bytes the Parquet spec prescribes: raw
 * snappy blocks, zstd frames, gzip members (RFC 1952) and raw LZ4 blocks.
 */
final class ParquetCodecs implements CompressionCodecFactory {

    static final ParquetCodecs INSTANCE = new ParquetCodecs();

    private ParquetCodecs() {
    }

    static CompressionCodecName parquetName(FormatSettings.ParquetCodec codec) {
        return switch (codec) {
            case NONE -> CompressionCodecName.UNCOMPRESSED;
            case SNAPPY -> CompressionCodecName.SNAPPY;
            case GZIP -> CompressionCodecName.GZIP;
            case ZSTD -> CompressionCodecName.ZSTD;
            case LZ4_RAW -> CompressionCodecName.LZ4_RAW;
        };
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        requireSupported(codec);
        return new BytesInputCompressor() {
            @Override
            public BytesInput compress(BytesInput bytes) throws IOException {
                return codec == CompressionCodecName.UNCOMPRESSED
                        ? bytes
                        : BytesInput.from(ParquetCodecs.compress(codec, bytes.toByteArray()));
            }

            @Override
            public CompressionCodecName getCodecName() {
                return codec;
            }

            @Override
            public void release() {
            }
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        requireSupported(codec);
        return new BytesInputDecompressor() {
            @Override
            public BytesInput decompress(BytesInput bytes, int decompressedSize) throws IOException {
                return codec == CompressionCodecName.UNCOMPRESSED
                        ? bytes
                        : BytesInput.from(uncompress(codec, bytes.toByteArray(), decompressedSize));
            }

            @Override
            public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int decompressedSize)
                    throws IOException {
                byte[] compressed = new byte[compressedSize];
                input.get(compressed);
                output.put(codec == CompressionCodecName.UNCOMPRESSED
                        ? compressed
                        : uncompress(codec, compressed, decompressedSize));
            }

            @Override
            public void release() {
            }
        };
    }

    @Override
    public void release() {
    }

    private static void requireSupported(CompressionCodecName codec) {
        switch (codec) {
            case UNCOMPRESSED, SNAPPY, GZIP, ZSTD, LZ4_RAW -> { }
            default -> throw new IllegalArgumentException("Parquet codec " + codec + " is not supported; use none, "
                    + "snappy, gzip, zstd or lz4_raw");
        }
    }

    private static byte[] compress(CompressionCodecName codec, byte[] in) throws IOException {
        return switch (codec) {
            case SNAPPY -> Snappy.compress(in);
            case ZSTD -> Zstd.compress(in, Zstd.defaultCompressionLevel());
            case GZIP -> {
                var out = new ByteArrayOutputStream(in.length / 2 + 64);
                try (var gzip = new GZIPOutputStream(out)) {
                    gzip.write(in);
                }
                yield out.toByteArray();
            }
            case LZ4_RAW -> {
                var lz4 = new Lz4Compressor();
                byte[] out = new byte[lz4.maxCompressedLength(in.length)];
                int length = lz4.compress(in, 0, in.length, out, 0, out.length);
                yield Arrays.copyOf(out, length);
            }
            default -> throw new IllegalStateException("unreachable: " + codec);
        };
    }

    private static byte[] uncompress(CompressionCodecName codec, byte[] in, int size) throws IOException {
        byte[] out = switch (codec) {
            case SNAPPY -> Snappy.uncompress(in);
            case ZSTD -> Zstd.decompress(in, size);
            case GZIP -> {
                try (var gzip = new GZIPInputStream(new ByteArrayInputStream(in))) {
                    yield gzip.readNBytes(size);
                }
            }
            case LZ4_RAW -> {
                byte[] buffer = new byte[size];
                int length = new Lz4Decompressor().decompress(in, 0, in.length, buffer, 0, size);
                yield length == size ? buffer : Arrays.copyOf(buffer, length);
            }
            default -> throw new IllegalStateException("unreachable: " + codec);
        };
        if (out.length != size) {
            throw new IOException("Corrupt " + codec + " page: " + out.length + " bytes where " + size
                    + " were expected");
        }
        return out;
    }
}
