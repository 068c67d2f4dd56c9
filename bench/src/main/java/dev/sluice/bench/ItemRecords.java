package dev.sluice.bench;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The {@code dynamodb-sink} benchmark's records, and the DynamoDB items they become. Record {@code i} has the string
 * key {@code id-<i>} and a schemaless JSON value of exactly {@code valueBytes} bytes,
 * {@code {"seq":<i>,"source":"sluice-bench","payload":"<random text>"}}. The sink, reading both with
 * {@code StringConverter} and keyed by {@code aws.dynamodb.pk.hash=key:id}, writes it as the item
 * {@code {seq N, source S, payload S, id S}}, about 1,000 B as DynamoDB counts; {@link #item} builds that item
 * directly, for the raw writes.
 */
public final class ItemRecords {

    /** The table's hash key: the record key. */
    public static final String HASH_KEY = "id";
    private static final String KEY_PREFIX = "id-";
    private static final byte[] PREFIX = "{\"seq\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MIDDLE = ",\"source\":\"sluice-bench\",\"payload\":\""
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SUFFIX = "\"}".getBytes(StandardCharsets.US_ASCII);
    /** Room for the longest id, so that every value fits. */
    private static final int MAX_ID_DIGITS = 19;

    private final int valueBytes;

    /** @param valueBytes the exact size of every value */
    public ItemRecords(int valueBytes) {
        if (valueBytes <= PREFIX.length + MAX_ID_DIGITS + MIDDLE.length + SUFFIX.length) {
            throw new IllegalArgumentException("a " + valueBytes + "-byte value cannot hold the JSON object");
        }
        this.valueBytes = valueBytes;
    }

    public int valueBytes() {
        return valueBytes;
    }

    /** The key of record {@code i} (not negative), in UTF-8. */
    public byte[] key(long i) {
        return keyText(i).getBytes(StandardCharsets.UTF_8);
    }

    /** The value of record {@code i}: {@code valueBytes} bytes of JSON. */
    public byte[] value(long i) {
        byte[] digits = Long.toString(i).getBytes(StandardCharsets.US_ASCII);
        byte[] value = new byte[valueBytes];
        int at = put(value, 0, PREFIX);
        at = put(value, at, digits);
        at = put(value, at, MIDDLE);
        int payloadEnd = valueBytes - SUFFIX.length;
        RandomAscii.fill(value, at, payloadEnd, i);
        put(value, payloadEnd, SUFFIX);
        return value;
    }

    /** The item the sink writes for record {@code i}, with its attributes in the order the sink puts them. */
    public Map<String, AttributeValue> item(long i) {
        byte[] value = value(i);
        int payloadStart = PREFIX.length + Long.toString(i).length() + MIDDLE.length;
        String payload = new String(value, payloadStart, valueBytes - SUFFIX.length - payloadStart,
                StandardCharsets.US_ASCII);
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("seq", AttributeValue.fromN(Long.toString(i)));
        item.put("source", AttributeValue.fromS("sluice-bench"));
        item.put("payload", AttributeValue.fromS(payload));
        item.put(HASH_KEY, AttributeValue.fromS(keyText(i)));
        return item;
    }

    private static String keyText(long i) {
        return KEY_PREFIX + i;
    }

    private static int put(byte[] target, int at, byte[] bytes) {
        System.arraycopy(bytes, 0, target, at, bytes.length);
        return at + bytes.length;
    }
}
