package dev.sluice.connect.dynamodb.mapping;

import java.util.Map;
import org.apache.kafka.connect.errors.DataException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An item's size as DynamoDB counts it against its 400 KB limit: each attribute's name (UTF-8) plus its value —
 * strings in UTF-8, binaries raw, numbers one byte per two significant digits plus one, booleans and nulls one
 * byte, lists and maps three bytes plus one per element (and the names of a map's entries).
 */
public final class ItemSize {

    public static final long MAX_ITEM_BYTES = 400 * 1024;

    private ItemSize() {
    }

    public static long of(Map<String, AttributeValue> item) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            size += utf8(attribute.getKey()) + of(attribute.getValue());
        }
        return size;
    }

    /** @throws DataException naming the size and the limit, when the item is too large for DynamoDB */
    public static long check(Map<String, AttributeValue> item) {
        long size = of(item);
        if (size > MAX_ITEM_BYTES) {
            throw new DataException("The item is " + size + " bytes as DynamoDB counts them; an item may have at "
                    + "most " + MAX_ITEM_BYTES + " (400 KB)");
        }
        return size;
    }

    static long of(AttributeValue value) {
        return switch (value.type()) {
            case S -> utf8(value.s());
            case N -> Numbers.size(value.n());
            case B -> value.b().asByteArrayUnsafe().length;
            case BOOL, NUL -> 1;
            case SS -> value.ss().stream().mapToLong(ItemSize::utf8).sum();
            case NS -> value.ns().stream().mapToLong(Numbers::size).sum();
            case BS -> value.bs().stream().mapToLong(ItemSize::bytes).sum();
            case L -> 3 + value.l().stream().mapToLong(e -> 1 + of(e)).sum();
            case M -> 3 + value.m().entrySet().stream().mapToLong(e -> utf8(e.getKey()) + 1 + of(e.getValue()))
                    .sum();
            case UNKNOWN_TO_SDK_VERSION -> 0;
        };
    }

    /** The length of {@code text} in UTF-8, counted without encoding it (items hold long strings). */
    static long utf8(String text) {
        long bytes = text.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    bytes += 1;
                } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    bytes += 2; // four bytes for the two chars of a pair
                    i++;
                } else {
                    bytes += 2; // three bytes (a lone surrogate is encoded as '?' by Java, but DynamoDB refuses it)
                }
            }
        }
        return bytes;
    }

    private static long bytes(SdkBytes bytes) {
        return bytes.asByteArrayUnsafe().length;
    }
}
