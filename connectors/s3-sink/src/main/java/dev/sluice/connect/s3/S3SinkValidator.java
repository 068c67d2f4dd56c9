package dev.sluice.connect.s3;

import static dev.sluice.connect.s3.S3SinkConfig.*;

import dev.sluice.connect.s3.format.Compression;
import dev.sluice.connect.s3.format.FormatSettings;
import dev.sluice.connect.s3.partition.PartitionerKind;
import dev.sluice.connect.s3.partition.TimestampSource;
import dev.sluice.connect.s3.writer.NullValueBehavior;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.common.config.types.Password;

/**
 * Validates a config key by key ({@link S3SinkConfig#CONFIG_DEF}) and then across keys, adding each problem to
 * the {@link ConfigValue} of a key the user should change, so that one call reports everything. A cross-field
 * check runs only when the keys it reads are valid on their own.
 */
final class S3SinkValidator {

    private final Map<String, ConfigValue> values;

    private S3SinkValidator(List<ConfigValue> values) {
        this.values = values.stream().collect(Collectors.toMap(ConfigValue::name, Function.identity()));
    }

    static List<ConfigValue> validate(Map<String, String> props) {
        List<ConfigValue> values = CONFIG_DEF.validate(props);
        var validator = new S3SinkValidator(values);
        validator.partitioner();
        validator.timestamps();
        validator.tombstones();
        validator.compression();
        validator.storedViews();
        validator.credentials();
        return values;
    }

    private void partitioner() {
        String kind = valid(PARTITIONER_CLASS);
        if (kind == null) {
            return;
        }
        switch (PartitionerKind.parse(kind)) {
            case FIELD -> {
                List<?> fields = valid(PARTITION_FIELD_NAME);
                if (fields != null && fields.isEmpty()) {
                    error(PARTITION_FIELD_NAME, "The field partitioner needs " + PARTITION_FIELD_NAME
                            + ": the value fields to partition by");
                }
            }
            case TIME -> {
                String pathFormat = valid(PATH_FORMAT);
                if (pathFormat != null && pathFormat.isBlank()) {
                    error(PATH_FORMAT, "The time partitioner needs " + PATH_FORMAT
                            + ", such as 'year'=YYYY/'month'=MM/'day'=dd/'hour'=HH");
                }
                Long duration = valid(PARTITION_DURATION_MS);
                if (duration != null && duration <= 0) {
                    error(PARTITION_DURATION_MS, "The time partitioner needs a positive " + PARTITION_DURATION_MS
                            + ", such as 3600000 for hourly folders");
                }
            }
            case DEFAULT, HOURLY, DAILY -> {
            }
        }
    }

    private void timestamps() {
        String kind = valid(PARTITIONER_CLASS);
        String source = valid(TIMESTAMP_EXTRACTOR);
        Long rotateInterval = valid(ROTATE_INTERVAL_MS);
        if (kind == null || source == null || rotateInterval == null) {
            return;
        }
        boolean needsTime = PartitionerKind.parse(kind).timeBased() || rotateInterval > 0;
        TimestampSource extractor = TimestampSource.parse(source);
        String field = valid(TIMESTAMP_FIELD);
        if (needsTime && extractor == TimestampSource.RECORD_FIELD && field != null && field.isBlank()) {
            error(TIMESTAMP_FIELD, "The RecordField timestamp extractor needs " + TIMESTAMP_FIELD
                    + ": the value field that holds the record's time");
        }
        if (rotateInterval > 0 && extractor == TimestampSource.WALLCLOCK) {
            String message = ROTATE_INTERVAL_MS + " measures record time, which the Wallclock extractor does not "
                    + "give; set " + TIMESTAMP_EXTRACTOR + " to Record or RecordField, or rotate on the wall clock "
                    + "with " + ROTATE_SCHEDULE_INTERVAL_MS;
            error(ROTATE_INTERVAL_MS, message);
            error(TIMESTAMP_EXTRACTOR, message);
        }
    }

    private void tombstones() {
        String behavior = valid(BEHAVIOR_ON_NULL_VALUES);
        Boolean storeKeys = valid(STORE_KAFKA_KEYS);
        if (behavior != null && storeKeys != null && NullValueBehavior.parse(behavior) == NullValueBehavior.WRITE
                && !storeKeys) {
            String message = "Writing tombstones (" + BEHAVIOR_ON_NULL_VALUES + "=write) needs "
                    + STORE_KAFKA_KEYS + "=true: as in Confluent, a tombstone is written as its key alone";
            error(BEHAVIOR_ON_NULL_VALUES, message);
            error(STORE_KAFKA_KEYS, message);
        }
    }

    private void compression() {
        String type = valid(COMPRESSION_TYPE);
        Integer level = valid(COMPRESSION_LEVEL);
        if (type == null || level == null) {
            return;
        }
        Compression compression = Compression.parse(type);
        try {
            FormatSettings.defaults(FormatSettings.Kind.JSON).withCompression(compression, level);
        } catch (IllegalArgumentException e) {
            error(COMPRESSION_LEVEL, e.getMessage());
        }
        if (compression == Compression.NONE) {
            return;
        }
        // As in Confluent, the compression applies to the keys and headers objects too, so they must take it.
        compressible(FORMAT_CLASS, "value");
        if (Boolean.TRUE.equals(valid(STORE_KAFKA_KEYS))) {
            compressible(KEYS_FORMAT_CLASS, "keys");
        }
        if (Boolean.TRUE.equals(valid(STORE_KAFKA_HEADERS))) {
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
            error(COMPRESSION_TYPE, message);
            error(formatKey, message);
        }
    }

    private void storedViews() {
        boolean headers = Boolean.TRUE.equals(valid(STORE_KAFKA_HEADERS));
        if (headers && kind(HEADERS_FORMAT_CLASS) == FormatSettings.Kind.BYTES) {
            error(HEADERS_FORMAT_CLASS, "Headers cannot be written as bytearray (nor can they in Confluent); use "
                    + "json, avro or parquet");
        }
        FormatSettings.Kind valueKind = kind(FORMAT_CLASS);
        if (Boolean.TRUE.equals(valid(JSON_ENVELOPE)) && valueKind != null && valueKind != FormatSettings.Kind.JSON) {
            error(JSON_ENVELOPE, JSON_ENVELOPE + " applies to " + FORMAT_CLASS + "=json only; to keep keys and "
                    + "headers with other formats, use " + STORE_KAFKA_KEYS + " and " + STORE_KAFKA_HEADERS);
        }
    }

    /** The format a valid format key names, or null. */
    private FormatSettings.Kind kind(String formatKey) {
        String value = valid(formatKey);
        return value == null ? null : FormatSettings.Kind.parse(value);
    }

    private void credentials() {
        Password keyId = valid(AWS_ACCESS_KEY_ID);
        Password secret = valid(AWS_SECRET_ACCESS_KEY);
        if (keyId == null || secret == null) {
            return;
        }
        boolean hasId = keyId.value() != null && !keyId.value().isBlank();
        boolean hasSecret = secret.value() != null && !secret.value().isBlank();
        if (hasId && !hasSecret) {
            error(AWS_SECRET_ACCESS_KEY, "Set " + AWS_SECRET_ACCESS_KEY + " together with " + AWS_ACCESS_KEY_ID
                    + ", or neither to use the default AWS credentials chain");
        } else if (hasSecret && !hasId) {
            error(AWS_ACCESS_KEY_ID, "Set " + AWS_ACCESS_KEY_ID + " together with " + AWS_SECRET_ACCESS_KEY
                    + ", or neither to use the default AWS credentials chain");
        }
    }

    /** The parsed value of a key that is valid on its own, or null. */
    @SuppressWarnings("unchecked")
    private <T> T valid(String name) {
        ConfigValue value = values.get(name);
        return value == null || !value.errorMessages().isEmpty() ? null : (T) value.value();
    }

    private void error(String name, String message) {
        values.get(name).addErrorMessage(message);
    }
}
