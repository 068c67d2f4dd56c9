package dev.sluice.connect.s3.format;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.kafka.connect.json.DecimalFormat;

/**
 * The output-format settings of one S3 sink connector, parsed once from its config and handed to
 * {@link RecordFormats#create(FormatSettings)}.
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
 * @param storeKafkaKeys JSON only: write each line as an envelope that includes the record key
 *     ({@code store.kafka.keys}; see {@link JsonLinesFormat} for how Sluice differs from Confluent here)
 * @param storeKafkaHeaders JSON only: write each line as an envelope that includes the record headers
 *     ({@code store.kafka.headers})
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
        boolean storeKafkaKeys,
        boolean storeKafkaHeaders,
        DecimalFormat jsonDecimalFormat,
        String byteArraySeparator) {

    /** {@code s3.compression.level} when unset: the codec's own default. */
    public static final int DEFAULT_COMPRESSION_LEVEL = -1;

    public FormatSettings {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(compression, "compression");
        Objects.requireNonNull(avroCodec, "avroCodec");
        Objects.requireNonNull(parquetCodec, "parquetCodec");
        Objects.requireNonNull(jsonDecimalFormat, "jsonDecimalFormat");
        Objects.requireNonNull(byteArraySeparator, "byteArraySeparator");
        compression.checkLevel(compressionLevel);
    }

    /** The defaults Confluent's S3 sink uses, except that the bytes separator is {@code "\n"} on every platform. */
    public static FormatSettings defaults(Kind kind) {
        return new FormatSettings(kind, Compression.NONE, DEFAULT_COMPRESSION_LEVEL, AvroCodec.NULL,
                ParquetCodec.SNAPPY, false, false, DecimalFormat.BASE64, "\n");
    }

    public FormatSettings withCompression(Compression compression, int level) {
        return new FormatSettings(kind, compression, level, avroCodec, parquetCodec, storeKafkaKeys,
                storeKafkaHeaders, jsonDecimalFormat, byteArraySeparator);
    }

    public FormatSettings withAvroCodec(AvroCodec codec) {
        return new FormatSettings(kind, compression, compressionLevel, codec, parquetCodec, storeKafkaKeys,
                storeKafkaHeaders, jsonDecimalFormat, byteArraySeparator);
    }

    public FormatSettings withParquetCodec(ParquetCodec codec) {
        return new FormatSettings(kind, compression, compressionLevel, avroCodec, codec, storeKafkaKeys,
                storeKafkaHeaders, jsonDecimalFormat, byteArraySeparator);
    }

    public FormatSettings withStoreKafka(boolean keys, boolean headers) {
        return new FormatSettings(kind, compression, compressionLevel, avroCodec, parquetCodec, keys, headers,
                jsonDecimalFormat, byteArraySeparator);
    }

    public FormatSettings withJsonDecimalFormat(DecimalFormat decimalFormat) {
        return new FormatSettings(kind, compression, compressionLevel, avroCodec, parquetCodec, storeKafkaKeys,
                storeKafkaHeaders, decimalFormat, byteArraySeparator);
    }

    public FormatSettings withByteArraySeparator(String separator) {
        return new FormatSettings(kind, compression, compressionLevel, avroCodec, parquetCodec, storeKafkaKeys,
                storeKafkaHeaders, jsonDecimalFormat, separator);
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
