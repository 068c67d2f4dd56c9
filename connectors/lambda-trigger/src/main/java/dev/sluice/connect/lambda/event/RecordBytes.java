package dev.sluice.connect.lambda.event;

import java.util.List;

/**
 * A record's key, value and header values as the bytes the event carries; null for a null key or value.
 *
 * @param headers in the record's order; a header may repeat, as in Kafka
 */
public record RecordBytes(byte[] key, byte[] value, List<Header> headers) {

    /** @param value null for a header without a value */
    public record Header(String key, byte[] value) {
    }

    /** What a record holds in memory once encoded, roughly. */
    public long size() {
        long total = (key == null ? 0 : key.length) + (value == null ? 0 : value.length);
        for (Header header : headers) {
            total += header.key().length() + (header.value() == null ? 0 : header.value().length);
        }
        return total;
    }
}
