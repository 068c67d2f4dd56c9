package dev.sluice.connect.s3;

import static dev.sluice.connect.s3.S3SinkConfig.*;

import dev.sluice.connect.common.aws.AwsCredentialsConfig;
import dev.sluice.connect.common.config.ConfigValues;
import dev.sluice.connect.s3.format.Compression;
import dev.sluice.connect.s3.format.FormatSettings;
import dev.sluice.connect.s3.partition.PartitionerKind;
import dev.sluice.connect.s3.partition.TimestampSource;
import dev.sluice.connect.s3.writer.NullValueBehavior;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.ConfigValue;

/**
 * Validates a config key by key ({@link S3SinkConfig#CONFIG_DEF}) and then across keys, adding each problem to
 * the {@link ConfigValue} of a key the user should change, so that one call reports everything. A cross-field
 * check runs only when the keys it reads are valid on their own.
 */
final class S3SinkValidator {

    private final ConfigValues values;

    private S3SinkValidator(List<ConfigValue> values) {
        this.values = new ConfigValues(values);
    }

    static List<ConfigValue> validate(Map<String, String> props) {
        List<ConfigValue> values = CONFIG_DEF.validate(props);
        var validator = new S3SinkValidator(values);
        validator.partitioner();
        validator.timestamps();
        validator.tombstones();
        validator.compression();
        validator.storedViews();
        AwsCredentialsConfig.validate(validator.values);
        return values;
    }

    private void partitioner() {
        String kind = values.valid(PARTITIONER_CLASS);
        if (kind == null) {
            return;
        }
        switch (PartitionerKind.parse(kind)) {
            case FIELD -> {
                List<?> fields = values.valid(PARTITION_FIELD_NAME);
                if (fields != null && fields.isEmpty()) {
                    values.error(PARTITION_FIELD_NAME, "The field partitioner needs " + PARTITION_FIELD_NAME
                            + ": the value fields to partition by");
                }
            }
            case TIME -> {
                String pathFormat = values.valid(PATH_FORMAT);
                if (pathFormat != null && pathFormat.isBlank()) {
                    values.error(PATH_FORMAT, "The time partitioner needs " + PATH_FORMAT
                            + ", such as 'year'=YYYY/'month'=MM/'day'=dd/'hour'=HH");
                }
                Long duration = values.valid(PARTITION_DURATION_MS);
                if (duration != null && duration <= 0) {
                    values.error(PARTITION_DURATION_MS, "The time partitioner needs a positive " + PARTITION_DURATION_MS
                            + ", such as 3600000 for hourly folders");
                }
            }
            case DEFAULT, HOURLY, DAILY -> {
            }
        }
    }

    private void timestamps() {
        String kind = values.valid(PARTITIONER_CLASS);
        String source = values.valid(TIMESTAMP_EXTRACTOR);
        Long rotateInterval = values.valid(ROTATE_INTERVAL_MS);
        if (kind == null || source == null || rotateInterval == null) {
            return;
        }
        boolean needsTime = PartitionerKind.parse(kind).timeBased() || rotateInterval > 0;
        TimestampSource extractor = TimestampSource.parse(source);
        String field = values.valid(TIMESTAMP_FIELD);
        if (needsTime && extractor == TimestampSource.RECORD_FIELD && field != null && field.isBlank()) {
            values.error(TIMESTAMP_FIELD, "The RecordField timestamp extractor needs " + TIMESTAMP_FIELD
                    + ": the value field that holds the record's time");
        }
        if (rotateInterval > 0 && extractor == TimestampSource.WALLCLOCK) {
            String message = ROTATE_INTERVAL_MS + " measures record time, which the Wallclock extractor does not "
                    + "give; set " + TIMESTAMP_EXTRACTOR + " to Record or RecordField, or rotate on the wall clock "
                    + "with " + ROTATE_SCHEDULE_INTERVAL_MS;
            values.error(ROTATE_INTERVAL_MS, message);
            values.error(TIMESTAMP_EXTRACTOR, message);
        }
    }

    private void tombstones() {
        String behavior = values.valid(BEHAVIOR_ON_NULL_VALUES);
        Boolean storeKeys = values.valid(STORE_KAFKA_KEYS);
        if (behavior != null && storeKeys != null && NullValueBehavior.parse(behavior) == NullValueBehavior.WRITE
                && !storeKeys) {
            String message = "Writing tombstones (" + BEHAVIOR_ON_NULL_VALUES + "=write) needs "
                    + STORE_KAFKA_KEYS + "=true: as in Confluent, a tombstone is written as its key alone";
            values.error(BEHAVIOR_ON_NULL_VALUES, message);
            values.error(STORE_KAFKA_KEYS, message);
        }
    }

    private void compression() {
        String type = values.valid(COMPRESSION_TYPE);
        Integer level = values.valid(COMPRESSION_LEVEL);
        if (type == null || level == null) {
            return;
        }
        Compression compression = Compression.parse(type);
        try {
            FormatSettings.defaults(FormatSettings.Kind.JSON).withCompression(compression, level);
        } catch (IllegalArgumentException e) {
            values.error(COMPRESSION_LEVEL, e.getMessage());
        }
        if (compression == Compression.NONE) {
            return;
        }
        // As in Confluent, the compression applies to the keys and headers objects too, so they must take it.
        compressible(FORMAT_CLASS, "value");
        if (Boolean.TRUE.equals(values.valid(STORE_KAFKA_KEYS))) {
            compressible(KEYS_FORMAT_CLASS, "keys");
        }
        if (Boolean.TRUE.equals(values.valid(STORE_KAFKA_HEADERS))) {
            compressible(HEADERS_FORMAT_CLASS, "headers");
        }
    }

    private void compressible(String formatKey, String objects) {
        FormatSettings.Kind kind = kind(formatKey);
        if (kind == FormatSettings.Kind.AVRO || kind == FormatSettings.Kind.PARQUET) {
            String message = COMPRESSION_TYPE + " applies to json and bytearray objects only, but the " + objects
                    + " objects are " + kind.name().toLowerCase(Locale.ROOT) + " (" + formatKey + "), whose files "
                    + "compress inside: set " + (kind == FormatSettings.Kind.AVRO ? AVRO_CODEC : PARQUET_CODEC)
                    + " instead";
            values.error(COMPRESSION_TYPE, message);
            values.error(formatKey, message);
        }
    }

    private void storedViews() {
        boolean headers = Boolean.TRUE.equals(values.valid(STORE_KAFKA_HEADERS));
        if (headers && kind(HEADERS_FORMAT_CLASS) == FormatSettings.Kind.BYTES) {
            values.error(HEADERS_FORMAT_CLASS, "Headers cannot be written as bytearray (nor can they in Confluent); "
                    + "use json, avro or parquet");
        }
        FormatSettings.Kind valueKind = kind(FORMAT_CLASS);
        if (Boolean.TRUE.equals(values.valid(JSON_ENVELOPE)) && valueKind != null
                && valueKind != FormatSettings.Kind.JSON) {
            values.error(JSON_ENVELOPE, JSON_ENVELOPE + " applies to " + FORMAT_CLASS + "=json only; to keep keys and "
                    + "headers with other formats, use " + STORE_KAFKA_KEYS + " and " + STORE_KAFKA_HEADERS);
        }
    }

    /** The format a valid format key names, or null. */
    private FormatSettings.Kind kind(String formatKey) {
        String value = values.valid(formatKey);
        return value == null ? null : FormatSettings.Kind.parse(value);
    }
}
