package dev.sluice.connect.dynamodb.mapping;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Turns a record's key or value into DynamoDB attributes: strings (S), numbers (N, decimals exactly), booleans
 * (BOOL), bytes (B), structs and maps (M), arrays (L, or SS/NS/BS with {@code arrays.as.sets}) and nulls (NULL).
 * A string that holds a JSON object is read as JSON. Connect's Date, Time and Timestamp become epoch milliseconds.
 *
 * @throws DataException from every method, for a value DynamoDB cannot hold; the record is then a bad record
 */
public final class ItemMapper {

    /** The attribute that holds a value which is not a struct, map or JSON object. */
    public static final String VALUE_ATTRIBUTE = "value";

    private final boolean arraysAsSets;

    public ItemMapper(boolean arraysAsSets) {
        this.arraysAsSets = arraysAsSets;
    }

    /** A record's key or value as one attribute; null for null. */
    public AttributeValue toAttribute(Object value, Schema schema) {
        if (value instanceof String text && (schema == null || schema.type() == Schema.Type.STRING)
                && text.stripLeading().startsWith("{")) {
            return JsonAttributes.parse(text, arraysAsSets);
        }
        return value == null ? null : convert(value, schema, "");
    }

    /** The attributes of an item whose value is {@code value}: a map's entries, or one {@value #VALUE_ATTRIBUTE}. */
    public static Map<String, AttributeValue> attributes(AttributeValue value) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        if (value.type() == AttributeValue.Type.M) {
            item.putAll(value.m());
        } else {
            item.put(VALUE_ATTRIBUTE, value);
        }
        return item;
    }

    private AttributeValue convert(Object value, Schema schema, String path) {
        if (value == null) {
            return AttributeValue.fromNul(true);
        }
        if (value instanceof Struct struct) {
            Map<String, AttributeValue> fields = new LinkedHashMap<>();
            for (Field field : struct.schema().fields()) {
                fields.put(field.name(), convert(struct.get(field), field.schema(), child(path, field.name())));
            }
            return AttributeValue.fromM(fields);
        }
        if (value instanceof Map<?, ?> map) {
            Schema valueSchema = schema == null ? null : schema.valueSchema();
            Map<String, AttributeValue> entries = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                String name = mapKey(k, path);
                entries.put(name, convert(v, valueSchema, child(path, name)));
            });
            return AttributeValue.fromM(entries);
        }
        if (value instanceof Collection<?> collection) {
            Schema elementSchema = schema == null ? null : schema.valueSchema();
            List<AttributeValue> elements = new ArrayList<>(collection.size());
            int i = 0;
            for (Object element : collection) {
                elements.add(convert(element, elementSchema, path + "[" + i++ + "]"));
            }
            return list(elements, arraysAsSets);
        }
        return scalar(value, path);
    }

    private static AttributeValue scalar(Object value, String path) {
        if (value instanceof String s) {
            return AttributeValue.fromS(s);
        }
        if (value instanceof Boolean b) {
            return AttributeValue.fromBool(b);
        }
        if (value instanceof byte[] bytes) {
            return AttributeValue.fromB(SdkBytes.fromByteArray(bytes));
        }
        if (value instanceof ByteBuffer buffer) {
            return AttributeValue.fromB(SdkBytes.fromByteBuffer(buffer.duplicate()));
        }
        if (value instanceof BigDecimal decimal) {
            return Numbers.of(decimal, path);
        }
        if (value instanceof BigInteger integer) {
            return Numbers.of(new BigDecimal(integer), path);
        }
        if (value instanceof Double d) {
            return Numbers.of(d.doubleValue(), path);
        }
        if (value instanceof Float f) {
            return Numbers.of(f.floatValue(), path);
        }
        if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
            return AttributeValue.fromN(value.toString());
        }
        if (value instanceof java.util.Date date) {
            // Connect's Date, Time and Timestamp: epoch milliseconds, as Connect's JSON converter writes them.
            return AttributeValue.fromN(Long.toString(date.getTime()));
        }
        throw new DataException(Numbers.where(path) + "cannot write a " + value.getClass().getName()
                + " to DynamoDB");
    }

    private static String mapKey(Object key, String path) {
        if (key instanceof String s) {
            return s;
        }
        if (key instanceof Number || key instanceof Boolean) {
            return key.toString();
        }
        throw new DataException(Numbers.where(path) + "a map key must be a string, number or boolean to become an "
                + "attribute name, not " + (key == null ? "null" : key.getClass().getName()));
    }

    /**
     * A list, or with {@code asSets} a set when every element is a string, every one a number or every one bytes.
     * Sets hold distinct elements (numbers compared by value), and DynamoDB has no empty sets.
     */
    static AttributeValue list(List<AttributeValue> elements, boolean asSets) {
        if (!asSets || elements.isEmpty()) {
            return AttributeValue.fromL(elements);
        }
        AttributeValue.Type type = elements.get(0).type();
        if (elements.stream().anyMatch(e -> e.type() != type)) {
            return AttributeValue.fromL(elements);
        }
        return switch (type) {
            case S -> AttributeValue.fromSs(elements.stream().map(AttributeValue::s).distinct().toList());
            case B -> AttributeValue.fromBs(elements.stream().map(AttributeValue::b).distinct().toList());
            case N -> {
                Map<BigDecimal, String> distinct = new TreeMap<>();
                elements.forEach(e -> distinct.putIfAbsent(new BigDecimal(e.n()), e.n()));
                yield AttributeValue.fromNs(List.copyOf(distinct.values()));
            }
            default -> AttributeValue.fromL(elements);
        };
    }

    private static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
