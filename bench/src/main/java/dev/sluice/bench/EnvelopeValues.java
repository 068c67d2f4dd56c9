package dev.sluice.bench;

import java.nio.charset.StandardCharsets;

/**
 * Record values that both the JSON lines and the Parquet format can write: Kafka Connect's schema'd JSON (what
 * {@code JsonConverter} with {@code schemas.enable=true} reads), a Struct {@code {id int64, payload string}}, padded
 * to an exact size with a random ASCII payload.
 *
 * <p>Every value's payload is different ({@link RandomAscii}), so that neither gzip's window nor Parquet's
 * dictionaries find repeats that real data would not have.
 */
public final class EnvelopeValues {

    /** The Connect schema of every value; the struct's name becomes the Avro record's name in Parquet files. */
    static final String SCHEMA = "{\"type\":\"struct\",\"name\":\"bench.Record\",\"optional\":false,\"fields\":["
            + "{\"field\":\"id\",\"type\":\"int64\",\"optional\":false},"
            + "{\"field\":\"payload\",\"type\":\"string\",\"optional\":false}]}";
    private static final byte[] PREFIX = ("{\"schema\":" + SCHEMA + ",\"payload\":{\"id\":")
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MIDDLE = ",\"payload\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SUFFIX = "\"}}".getBytes(StandardCharsets.US_ASCII);
    /** Room for the longest id, so that every value fits. */
    private static final int MAX_ID_DIGITS = 19;

    private final int valueBytes;

    /** @param valueBytes the exact size of every value */
    public EnvelopeValues(int valueBytes) {
        if (valueBytes <= PREFIX.length + MAX_ID_DIGITS + MIDDLE.length + SUFFIX.length) {
            throw new IllegalArgumentException("a " + valueBytes + "-byte value cannot hold the schema'd JSON");
        }
        this.valueBytes = valueBytes;
    }

    /** The value of the record with this id (ids are not negative): {@code valueBytes} bytes of JSON. */
    public byte[] value(long id) {
        byte[] digits = Long.toString(id).getBytes(StandardCharsets.US_ASCII);
        byte[] value = new byte[valueBytes];
        int at = put(value, 0, PREFIX);
        at = put(value, at, digits);
        at = put(value, at, MIDDLE);
        int payloadEnd = valueBytes - SUFFIX.length;
        RandomAscii.fill(value, at, payloadEnd, id);
        put(value, payloadEnd, SUFFIX);
        return value;
    }

    private static int put(byte[] target, int at, byte[] bytes) {
        System.arraycopy(bytes, 0, target, at, bytes.length);
        return at + bytes.length;
    }
}
