package dev.sluice.connect.s3;

import static dev.sluice.connect.s3.S3SinkConfig.*;

import dev.sluice.connect.common.aws.AwsCredentialsConfig;
import dev.sluice.connect.common.aws.Endpoints;
import dev.sluice.connect.common.config.ConfigValues;
import dev.sluice.connect.s3.format.Compression;
import dev.sluice.connect.s3.format.FormatSettings;
import dev.sluice.connect.s3.format.SchemaChanges;
import dev.sluice.connect.s3.partition.PartitionerKind;
import dev.sluice.connect.s3.partition.PartitionerSettings;
import dev.sluice.connect.s3.partition.TimestampSource;
import dev.sluice.connect.s3.rotation.RotationPolicy;
import dev.sluice.connect.s3.writer.NullValueBehavior;
import dev.sluice.connect.s3.writer.ObjectKeys;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Parses a connector or task config into {@link S3SinkSettings}, after checking every key at once. */
public final class S3SinkSettingsParser {

    private S3SinkSettingsParser() {
    }

    /** @throws ConfigException listing every problem that {@link S3SinkValidator} finds */
    public static S3SinkSettings parse(Map<String, String> props) {
        ConfigValues.throwIfInvalid("S3 sink", S3SinkValidator.validate(props));
        var config = new AbstractConfig(CONFIG_DEF, props, false);
        return new S3SinkSettings(connection(config), keys(config), buffering(config), partitioner(config),
                rotation(config), format(config, props), SchemaChanges.Compatibility.parse(config.getString(SCHEMA_COMPATIBILITY)),
                NullValueBehavior.parse(config.getString(BEHAVIOR_ON_NULL_VALUES)),
                config.getString(TOMBSTONE_PARTITION));
    }

    /** Only the keys that say how to reach the bucket, which must be valid; the others are not looked at. */
    static S3SinkSettings.S3Connection connection(Map<String, String> props) {
        var def = new ConfigDef();
        CONFIG_DEF.configKeys().values().stream().filter(key -> S3_CONNECTION_KEYS.contains(key.name))
                .forEach(def::define);
        return connection(new AbstractConfig(def, props, false));
    }

    private static S3SinkSettings.S3Connection connection(AbstractConfig config) {
        String endpoint = config.getString(S3_ENDPOINT).isBlank() ? config.getString(STORE_URL)
                : config.getString(S3_ENDPOINT);
        return new S3SinkSettings.S3Connection(config.getString(S3_BUCKET), config.getString(S3_REGION),
                Endpoints.parse(endpoint), config.getBoolean(S3_PATH_STYLE), AwsCredentialsConfig.parse(config),
                config.getInt(S3_PART_RETRIES),
                config.getLong(S3_RETRY_BACKOFF_MS));
    }

    private static ObjectKeys keys(AbstractConfig config) {
        return new ObjectKeys(config.getString(TOPICS_DIR), config.getString(DIRECTORY_DELIM),
                config.getString(FILE_DELIM), config.getInt(OFFSET_PAD_WIDTH));
    }

    private static S3SinkSettings.Buffering buffering(AbstractConfig config) {
        String dir = config.getString(SPILL_DIR);
        return new S3SinkSettings.Buffering(config.getInt(S3_PART_SIZE), config.getLong(MEMORY_BUDGET_BYTES),
                dir.isBlank() ? defaultSpillDir() : Path.of(dir));
    }

    static PartitionerSettings partitioner(AbstractConfig config) {
        return new PartitionerSettings(PartitionerKind.parse(config.getString(PARTITIONER_CLASS)),
                config.getList(PARTITION_FIELD_NAME), config.getString(PATH_FORMAT),
                config.getLong(PARTITION_DURATION_MS), locale(config.getString(LOCALE)), zone(config),
                TimestampSource.parse(config.getString(TIMESTAMP_EXTRACTOR)), config.getString(TIMESTAMP_FIELD),
                config.getString(DIRECTORY_DELIM));
    }

    private static RotationPolicy rotation(AbstractConfig config) {
        return new RotationPolicy(config.getInt(FLUSH_SIZE), config.getLong(ROTATE_INTERVAL_MS),
                config.getLong(ROTATE_SCHEDULE_INTERVAL_MS), zone(config));
    }

    static FormatSettings format(AbstractConfig config, Map<String, String> props) {
        // ConfigDef trims strings; a separator may be all white space, so it is read as given.
        String separator = props.get(BYTEARRAY_SEPARATOR);
        return FormatSettings.defaults(FormatSettings.Kind.parse(config.getString(FORMAT_CLASS)))
                .withCompression(Compression.parse(config.getString(COMPRESSION_TYPE)),
                        config.getInt(COMPRESSION_LEVEL))
                .withAvroCodec(FormatSettings.AvroCodec.parse(config.getString(AVRO_CODEC)))
                .withParquetCodec(FormatSettings.ParquetCodec.parse(config.getString(PARQUET_CODEC)))
                .withParquetRowGroupBytes(config.getLong(PARQUET_ROW_GROUP_BYTES))
                .withStoredViews(stored(config, STORE_KAFKA_KEYS, KEYS_FORMAT_CLASS),
                        stored(config, STORE_KAFKA_HEADERS, HEADERS_FORMAT_CLASS))
                .withJsonEnvelope(config.getBoolean(JSON_ENVELOPE))
                .withJsonDecimalFormat(FormatSettings.parseJsonDecimalFormat(config.getString(JSON_DECIMAL_FORMAT)))
                .withByteArraySeparator(separator == null ? "\n" : separator);
    }

    /** The format of the keys or headers objects if they are stored. */
    private static Optional<FormatSettings.Kind> stored(AbstractConfig config, String storeKey, String formatKey) {
        return config.getBoolean(storeKey)
                ? Optional.of(FormatSettings.Kind.parse(config.getString(formatKey)))
                : Optional.empty();
    }

    private static ZoneId zone(AbstractConfig config) {
        String zone = config.getString(TIMEZONE);
        return zone.isBlank() ? ZoneOffset.UTC : ZoneId.of(zone);
    }

    /** Accepts {@code en-US} and Java's {@code en_US}; empty is the root locale. */
    static Locale locale(String value) {
        if (value.isBlank()) {
            return Locale.ROOT;
        }
        try {
            return new Locale.Builder().setLanguageTag(value.trim().replace('_', '-')).build();
        } catch (IllformedLocaleException e) {
            throw new IllegalArgumentException("'" + value + "' is not a locale such as en-US", e);
        }
    }
}
