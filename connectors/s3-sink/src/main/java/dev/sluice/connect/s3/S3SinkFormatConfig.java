package dev.sluice.connect.s3;

import static dev.sluice.connect.s3.S3SinkConfig.*;

import dev.sluice.connect.common.config.ParsedBy;
import dev.sluice.connect.s3.format.Compression;
import dev.sluice.connect.s3.format.FormatSettings;
import dev.sluice.connect.s3.format.SchemaChanges;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/** The keys of {@link S3SinkConfig}'s Format and Keys-and-headers groups: how records become object bytes. */
final class S3SinkFormatConfig {

    static final String FORMAT_NAMES = "json, bytearray (or bytes), avro, parquet, or a Confluent format class name "
            + "(io.confluent.connect.s3.format.json.JsonFormat, ...)";
    static final long MIN_PARQUET_ROW_GROUP_BYTES = 1024 * 1024;

    private S3SinkFormatConfig() {
    }

    static void define(ConfigDef def) {
        defineFormat(def);
        defineKeysAndHeaders(def);
    }

    private static void defineFormat(ConfigDef def) {
        int order = 0;
        def.define(FORMAT_CLASS, Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
                ParsedBy.parser(FORMAT_NAMES, FormatSettings.Kind::parse),
                Importance.HIGH, "The format of the objects.", FORMAT_GROUP, ++order, Width.LONG, "Format class");
        def.define(COMPRESSION_TYPE, Type.STRING, "none",
                ParsedBy.parser("none, gzip, zstd, snappy", Compression::parse), Importance.LOW,
                "Whole-object compression of JSON and bytes objects, keys and headers objects included (Avro and "
                + "Parquet compress inside the file: see " + AVRO_CODEC + " and " + PARQUET_CODEC + ").",
                FORMAT_GROUP, ++order, Width.SHORT, "Compression type");
        def.define(COMPRESSION_LEVEL, Type.INT, -1, Range.between(-1, 22), Importance.LOW,
                "The compression level: 0..9 for gzip, 1..22 for zstd, -1 for the codec's default.",
                FORMAT_GROUP, ++order, Width.SHORT, "Compression level");
        def.define(AVRO_CODEC, Type.STRING, "null", ParsedBy.parser("null, deflate, snappy, bzip2, xz, zstandard",
                FormatSettings.AvroCodec::parse), Importance.LOW, "The codec inside Avro files.",
                FORMAT_GROUP, ++order, Width.SHORT, "Avro codec");
        def.define(PARQUET_CODEC, Type.STRING, "snappy", ParsedBy.parser("none (or uncompressed), snappy, gzip, "
                + "zstd, lz4_raw", FormatSettings.ParquetCodec::parse), Importance.LOW,
                "The codec of Parquet column chunks.", FORMAT_GROUP, ++order, Width.SHORT, "Parquet codec");
        def.define(PARQUET_ROW_GROUP_BYTES, Type.LONG, FormatSettings.DEFAULT_PARQUET_ROW_GROUP_BYTES,
                Range.atLeast(MIN_PARQUET_ROW_GROUP_BYTES), Importance.LOW,
                "The size of Parquet row groups, in bytes (Sluice's; Confluent always uses Parquet's 128 MiB). "
                + "Parquet keeps the row group it is filling in heap, uncompressed but for finished pages, and "
                + "cannot spill it, so each open Parquet object (keys and headers objects included) holds up to "
                + "about this much heap on top of " + MEMORY_BUDGET_BYTES + ". Larger row groups compress and scan "
                + "a little better; objects smaller than this have one row group.",
                FORMAT_GROUP, ++order, Width.MEDIUM, "Parquet row group size (bytes)");
        def.define(JSON_DECIMAL_FORMAT, Type.STRING, "BASE64", ParsedBy.parser("BASE64, NUMERIC",
                FormatSettings::parseJsonDecimalFormat), Importance.LOW,
                "How JSON writes Connect decimals: BASE64 (the unscaled bytes) or NUMERIC (a number).",
                FORMAT_GROUP, ++order, Width.SHORT, "JSON decimal format");
        def.define(JSON_ENVELOPE, Type.BOOLEAN, false, Importance.LOW,
                "Sluice's, for format.class=json only: write each value line as an envelope "
                + "{\"key\", \"value\", \"headers\", \"topic\", \"partition\", \"offset\", \"timestamp\"} instead "
                + "of the bare value, so that one object carries whole records. Readers of Confluent's JSON "
                + "objects cannot read these lines. Independent of " + STORE_KAFKA_KEYS + " and "
                + STORE_KAFKA_HEADERS + ".", FORMAT_GROUP, ++order, Width.SHORT, "JSON envelope");
        def.define(BYTEARRAY_SEPARATOR, Type.STRING, null, Importance.LOW,
                "What follows each value in bytes objects; a line feed when unset. Leading and trailing spaces "
                + "are kept.", FORMAT_GROUP, ++order, Width.SHORT, "Byte array separator");
        def.define(SCHEMA_COMPATIBILITY, Type.STRING, "NONE", ParsedBy.parser("NONE, BACKWARD, FORWARD, FULL",
                SchemaChanges.Compatibility::parse), Importance.LOW,
                "How records with a different value schema than their open object's are handled. NONE: any "
                + "change finishes the open objects. BACKWARD, FORWARD, FULL: records whose schema the open "
                + "object's can represent are projected to it; others finish the open objects.",
                FORMAT_GROUP, ++order, Width.SHORT, "Schema compatibility");
    }

    private static void defineKeysAndHeaders(ConfigDef def) {
        int order = 0;
        def.define(STORE_KAFKA_KEYS, Type.BOOLEAN, false, Importance.LOW,
                "Write the records' keys to an object beside each value object, as Confluent does: "
                + "<topic>+<partition>+<start offset>.keys<extension of " + KEYS_FORMAT_CLASS + ">, with one key "
                + "per record of the value object, in the same order, uploaded before the offsets are committed. "
                + "A record whose key is null is a bad record (as in Confluent). Parquet wraps each key in a "
                + "RecordKey struct with one field, key. Needed by " + BEHAVIOR_ON_NULL_VALUES + "=write.",
                KEYS_HEADERS_GROUP, ++order, Width.SHORT, "Store Kafka keys");
        def.define(STORE_KAFKA_HEADERS, Type.BOOLEAN, false, Importance.LOW,
                "Write the records' headers to an object beside each value object, as Confluent does: "
                + "<topic>+<partition>+<start offset>.headers<extension of " + HEADERS_FORMAT_CLASS + ">, with "
                + "one entry per record: the array of its headers as {key, value} structs, each value converted "
                + "to a string. Parquet wraps the array in a RecordHeaders struct with one field, headers. A "
                + "record with no headers, or with a null header value, is a bad record (as in Confluent).",
                KEYS_HEADERS_GROUP, ++order, Width.SHORT, "Store Kafka headers");
        def.define(KEYS_FORMAT_CLASS, Type.STRING, "avro", ParsedBy.parser(FORMAT_NAMES,
                FormatSettings.Kind::parse), Importance.LOW,
                "The format of the keys objects; avro by default, as in Confluent. " + COMPRESSION_TYPE
                + " applies to them too, so with a compression type other than none this must be json or "
                + "bytearray.",
                KEYS_HEADERS_GROUP, ++order, Width.LONG, "Keys format class");
        def.define(HEADERS_FORMAT_CLASS, Type.STRING, "avro", ParsedBy.parser(FORMAT_NAMES,
                FormatSettings.Kind::parse), Importance.LOW,
                "The format of the headers objects: json, avro or parquet (Confluent does not write headers as "
                + "bytearray either); avro by default, as in Confluent. " + COMPRESSION_TYPE + " applies to them "
                + "too, so with a compression type other than none this must be json.", KEYS_HEADERS_GROUP, ++order,
                Width.LONG, "Headers format class");
    }
}
