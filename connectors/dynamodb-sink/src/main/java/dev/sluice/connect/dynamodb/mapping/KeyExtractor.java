package dev.sluice.connect.dynamodb.mapping;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Reads an item's key attributes from a record: its Kafka partition or offset, its key, or its value, as
 * {@code aws.dynamodb.pk.hash} and {@code aws.dynamodb.pk.sort} say.
 *
 * @throws DataException from every method, when a key attribute is missing or of the wrong type: a bad record
 */
public final class KeyExtractor {

    private final KeyRef hash;
    private final Optional<KeyRef> sort;

    public KeyExtractor(KeyRef hash, Optional<KeyRef> sort) {
        this.hash = hash;
        this.sort = sort;
    }

    /**
     * @param key   the record key as an attribute, converted on demand (null when the record has none)
     * @param value the record value as an attribute, or null for a tombstone
     */
    public Map<String, AttributeValue> key(SinkRecord record, Supplier<AttributeValue> key, AttributeValue value) {
        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        attributes.put(hash.attribute(), extract(hash, record, key, value));
        sort.ifPresent(ref -> attributes.put(ref.attribute(), extract(ref, record, key, value)));
        return attributes;
    }

    /** Checks the key attributes' types against the table's key schema. */
    public void checkTypes(Map<String, AttributeValue> key, TableKeySchema schema) {
        checkType(key, schema.hash(), "hash", schema.table());
        schema.sort().ifPresent(sortKey -> checkType(key, sortKey, "sort", schema.table()));
    }

    private static void checkType(Map<String, AttributeValue> key, TableKeySchema.KeyAttribute expected,
            String role, String table) {
        AttributeValue actual = key.get(expected.name());
        if (actual == null) {
            throw new DataException("The record gives no value for " + table + "'s " + role + " key "
                    + expected.name());
        }
        String actualType = actual.type().name();
        if (expected.type() != null && !expected.type().toString().equals(actualType)) {
            throw new DataException("The key attribute " + expected.name() + " is " + typeName(actualType)
                    + " but " + table + "'s " + role + " key is " + typeName(expected.type().toString()));
        }
    }

    private static AttributeValue extract(KeyRef ref, SinkRecord record, Supplier<AttributeValue> key,
            AttributeValue value) {
        AttributeValue attribute = switch (ref.source()) {
            case PARTITION -> {
                if (record.kafkaPartition() == null) {
                    throw new DataException("The record has no Kafka partition for " + ref);
                }
                yield AttributeValue.fromN(record.kafkaPartition().toString());
            }
            case OFFSET -> AttributeValue.fromN(Long.toString(record.kafkaOffset()));
            case KEY -> navigate(ref, "key", key.get());
            case VALUE -> navigate(ref, "value", value);
        };
        return checkScalar(ref, attribute);
    }

    private static AttributeValue navigate(KeyRef ref, String what, AttributeValue root) {
        if (root == null || root.type() == AttributeValue.Type.NUL) {
            throw new DataException("The record has no " + what + " to read the key attribute " + ref.attribute()
                    + " from (" + ref + ")");
        }
        AttributeValue current = root;
        StringBuilder path = new StringBuilder(what);
        for (String field : ref.path()) {
            if (current.type() != AttributeValue.Type.M) {
                throw new DataException("The record's " + path + " is " + typeName(current.type().name())
                        + ", not a struct or map with the field " + field + " (" + ref + ")");
            }
            current = current.m().get(field);
            path.append('.').append(field);
            if (current == null || current.type() == AttributeValue.Type.NUL) {
                throw new DataException("The record's " + path + " is missing or null; it is the key attribute "
                        + ref.attribute());
            }
        }
        return current;
    }

    private static AttributeValue checkScalar(KeyRef ref, AttributeValue attribute) {
        switch (attribute.type()) {
            case S -> {
                if (attribute.s().isEmpty()) {
                    throw new DataException("The key attribute " + ref.attribute() + " is an empty string ("
                            + ref + "); DynamoDB keys cannot be empty");
                }
            }
            case B -> {
                if (attribute.b().asByteArrayUnsafe().length == 0) {
                    throw new DataException("The key attribute " + ref.attribute() + " is empty binary (" + ref
                            + "); DynamoDB keys cannot be empty");
                }
            }
            case N -> {
            }
            default -> throw new DataException("The key attribute " + ref.attribute() + " is "
                    + typeName(attribute.type().name()) + " (" + ref + "); a key must be a string, number or binary");
        }
        return attribute;
    }

    static String typeName(String type) {
        return switch (type) {
            case "S" -> "a string (S)";
            case "N" -> "a number (N)";
            case "B" -> "binary (B)";
            case "BOOL" -> "a boolean (BOOL)";
            case "M" -> "a struct or map (M)";
            case "L" -> "an array (L)";
            case "SS", "NS", "BS" -> "a set (" + type + ")";
            default -> type;
        };
    }

    /** The scalar type that an attribute's value has, for creating a table from a record's key. */
    public static ScalarAttributeType scalarType(AttributeValue value) {
        return ScalarAttributeType.fromValue(value.type().name());
    }
}
