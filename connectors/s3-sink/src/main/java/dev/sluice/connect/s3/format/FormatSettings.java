package dev.sluice.connect.s3.format;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.kafka.connect.json.DecimalFormat;

/**
 * The output-format settings of one S3 sink connector, parsed once from its config and handed to
 * {@link RecordFormats}.
 *
 * <p>Names in brackets are the Confluent S3 sink keys each field mirrors. The enums' {@code parse} methods accept
 * the values those keys take (case-insensitively) and throw {@link IllegalArgumentException} naming the accepted
 * values, so a ConfigDef validator can wrap them.
 *
 * @param kind which format writes the objects ({@code format.class})
 * @param compression whole-object compression of JSON and bytes objects; ignored by Avro and Parquet, which
 *     compress inside the file ({@code s3.compression.type}: none, gzip; zstd and snappy are Sluice additions)
 * @param compressionLevel the gzip level 0..9 or the zstd level 1..22; -1 for the codec's default
 *     ({@code s3.compression.level}; Confluent applies it to gzip only)
 * @param avroCodec the codec inside Avro container files ({@code avro.codec})
 * @param parquetCodec the codec of Parquet column chunks ({@code parquet.codec})
 * @param parquetRowGroupBytes the Parquet row group size, which bounds the heap each open Parquet object holds
 *     ({@code parquet.row.group.size.bytes}, Sluice's; Confluent always uses Parquet's 128 MiB)
 * @param keysFormat the format of the keys objects written beside the values, or empty for none
 *     ({@code store.kafka.keys} and {@code keys.format.class}; see {@link RecordView})
 * @param headersFormat the format of the headers objects, or empty for none ({@code store.kafka.headers} and
 *     {@code headers.format.class})
 * @param jsonEnvelope JSON values only: write each line as an envelope of key, value, headers and coordinates
 *     ({@code json.envelope.enabled}, Sluice's; see {@link JsonLinesFormat})
 * @param jsonDecimalFormat how JSON renders Connect decimals: BASE64 (the unscaled bytes) or NUMERIC
 *     ({@code json.decimal.format})
 * @param byteArraySeparator bytes format only: what follows each value ({@code format.bytearray.separator});
 *     may be empty
 */
public record FormatSettings(
        Kind kind,
        Compression compression,
        int compressionLevel,
        AvroCodec avroCodec,
        ParquetCodec parquetCodec,
        long parquetRowGroupBytes,
        Optional<Kind> keysFormat,
        Optional<Kind> headersFormat,
        boolean jsonEnvelope,
        DecimalFormat jsonDecimalFormat,
        String byteArraySeparator) {

    /** {@code s3.compression.level} when unset: the codec's own default. */
    public static final int DEFAULT_COMPRESSION_LEVEL = -1;

    /** {@code parquet.row.group.size.bytes} when unset. */
    public static final long DEFAULT_PARQUET_ROW_GROUP_BYTES = 8L * 1024 * 1024;

    public FormatSettings {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(compression, "compression");
        Objects.requireNonNull(avroCodec, "avroCodec");
        Objects.requireNonNull(parquetCodec, "parquetCodec");
        Objects.requireNonNull(keysFormat, "keysFormat");
        Objects.requireNonNull(headersFormat, "headersFormat");
        Objects.requireNonNull(jsonDecimalFormat, "jsonDecimalFormat");
        Objects.requireNonNull(byteArraySeparator, "byteArraySeparator");
        compression.checkLevel(compressionLevel);
        if (parquetRowGroupBytes <= 0) {
            throw new IllegalArgumentException("A Parquet row group size must be positive, not "
                    + parquetRowGroupBytes);
        }
    }

    /**
     * The defaults Confluent's S3 sink uses, except that the bytes separator is {@code "\n"} on every platform and
     * Parquet row groups are {@value #DEFAULT_PARQUET_ROW_GROUP_BYTES} bytes.
     */
    public static FormatSettings defaults(Kind kind) {
        return new FormatSettings(kind, Compression.NONE, DEFAULT_COMPRESSION_LEVEL, AvroCodec.NULL,
                ParquetCodec.SNAPPY, DEFAULT_PARQUET_ROW_GROUP_BYTES, Optional.empty(), Optional.empty(), false,
                DecimalFormat.BASE64, "\n");
    }

    /**
     * The settings of the keys or headers objects: these settings with another kind, and neither envelope nor
     * objects beside them. Compression and codecs apply to them as to the values, as in Confluent.
     */
    public FormatSettings forView(Kind viewKind) {
        return new FormatSettings(viewKind, compression, compressionLevel, avroCodec, parquetCodec,
                parquetRowGroupBytes, Optional.empty(), Optional.empty(), false, jsonDecimalFormat,
                byteArraySeparator);
    }

    public FormatSettings withCompression(Compression compression, int level) {
        return new FormatSettings(kind, compression, level, avroCodec, parquetCodec, parquetRowGroupBytes,
                keysFormat, headersFormat, jsonEnvelope, jsonDecimalFormat, byteArraySeparator);
    }

    public FormatSettings withAvroCodec(AvroCodec codec) {
        return new FormatSettings(kind, compression, compressionLevel, codec, parquetCodec, parquetRowGroupBytes,
                keysFormat, headersFormat, jsonEnvelope, jsonDecimalFormat, byteArraySeparator);
    }

    public FormatSettings withParquetCodec(ParquetCodec codec) {
        return new FormatSettings(kind, compression, compressionLevel, avroCodec, codec, parquetRowGroupBytes,
                keysFormat, headersFormat, jsonEnvelope, jsonDecimalFormat, byteArraySeparator);
    }

    public FormatSettings withParquetRowGroupBytes(long bytes) {
        return new FormatSettings(kind, compression, compressionLevel, avroCodec, parquetCodec, bytes,
                keysFormat, headersFormat, jsonEnvelope, jsonDecimalFormat, byteArraySeparator);
    }

    /** Keys and headers objects beside the values, each in its format; empty writes none. */
    public FormatSettings withStoredViews(Optional<Kind> keys, Optional<Kind> headers) {
        return new FormatSettings(kind, compression, compressionLevel, avroCodec, parquetCodec,
                parquetRowGroupBytes, keys, headers, jsonEnvelope, jsonDecimalFormat, byteArraySeparator);
    }

    public FormatSettings withJsonEnvelope(boolean envelope) {
        return new FormatSettings(kind, compression, compressionLevel, avroCodec, parquetCodec,
                parquetRowGroupBytes, keysFormat, headersFormat, envelope, jsonDecimalFormat, byteArraySeparator);
    }

    public FormatSettings withJsonDecimalFormat(DecimalFormat decimalFormat) {
        return new FormatSettings(kind, compression, compressionLevel, avroCodec, parquetCodec,
                parquetRowGroupBytes, keysFormat, headersFormat, jsonEnvelope, decimalFormat, byteArraySeparator);
    }

    public FormatSettings withByteArraySeparator(String separator) {
        return new FormatSettings(kind, compression, compressionLevel, avroCodec, parquetCodec,
                parquetRowGroupBytes, keysFormat, headersFormat, jsonEnvelope, jsonDecimalFormat, separator);
    }

    /** The object formats. */
    public enum Kind {
        JSON("io.confluent.connect.s3.format.json.JsonFormat"),
        BYTES("io.confluent.connect.s3.format.bytearray.ByteArrayFormat"),
        AVRO("io.confluent.connect.s3.format.avro.AvroFormat"),
        PARQUET("io.confluent.connect.s3.format.parquet.ParquetFormat");

        private final String confluentClass;

        Kind(String confluentClass) {
            this.confluentClass = confluentClass;
        }

        /**
         * Accepts {@code json}, {@code bytearray} (or {@code bytes}), {@code avro}, {@code parquet}, or the
         * Confluent format class name, so that Confluent configs carry over unchanged.
         */
        public static Kind parse(String value) {
            for (Kind kind : values()) {
                if (kind.confluentClass.equals(value)) {
                    return kind;
                }
            }
            String name = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
            return switch (name) {
                case "json" -> JSON;
                case "bytearray", "bytes" -> BYTES;
                case "avro" -> AVRO;
                case "parquet" -> PARQUET;
                default -> throw new IllegalArgumentException("Unknown format '" + value
                        + "'; use json, bytearray, avro, parquet or a Confluent S3 format class name");
            };
        }
    }

    /** Codecs of Avro container files, named as Avro (and {@code avro.codec}) names them. */
    public enum AvroCodec {
        NULL, DEFLATE, SNAPPY, BZIP2, XZ, ZSTANDARD;

        /** Avro's own name for the codec, as {@code avro.codec} spells it. */
        public String configName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static AvroCodec parse(String value) {
            return parseEnum(AvroCodec.class, value, "avro.codec");
        }
    }

    /**
     * Codecs of Parquet column chunks. Confluent's {@code brotli}, {@code lz4} and {@code lzo} need Hadoop's
     * native codecs, which a plugin cannot count on, so they are not offered; {@code lz4_raw} is the portable LZ4.
     */
    public enum ParquetCodec {
        NONE, SNAPPY, GZIP, ZSTD, LZ4_RAW;

        public static ParquetCodec parse(String value) {
            if ("uncompressed".equalsIgnoreCase(value)) {
                return NONE;
            }
            return parseEnum(ParquetCodec.class, value, "parquet.codec");
        }
    }

    /** Accepts {@code BASE64} or {@code NUMERIC}, as Kafka's JsonConverter does. */
    public static DecimalFormat parseJsonDecimalFormat(String value) {
        return parseEnum(DecimalFormat.class, value, "json.decimal.format");
    }

    static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String key) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return constant;
            }
        }
        String accepted = Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        throw new IllegalArgumentException("Unknown " + key + " '" + value + "'; use one of " + accepted);
    }
}
