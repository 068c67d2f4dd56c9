package dev.sluice.connect.s3.format;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericData;
import org.apache.kafka.connect.data.ConnectSchema;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * Connect values to the Avro generic values ({@link GenericData.Record}, {@link Map}, {@link List},
 * {@link ByteBuffer}, ...) that Avro's and parquet-avro's writers take, for an Avro schema made by
 * {@link ConnectAvroSchemas} from the same Connect schema.
 */
public final class ConnectAvroValues {

    private ConnectAvroValues() {
    }

    /**
     * Converts {@code value} of Connect schema {@code schema} into a datum of {@code avroSchema}.
     *
     * @throws DataException if the value does not match the schema; nothing is half-converted then
     */
    public static Object toAvro(Schema schema, org.apache.avro.Schema avroSchema, Object value) {
        // Checks the whole value up front, with Connect's own messages, so that the walk below can cast freely.
        ConnectSchema.validateValue(schema, value);
        try {
            return convert(schema, avroSchema, value);
        } catch (ClassCastException | ArithmeticException e) {
            throw new DataException("Cannot convert a value of " + ConnectAvroSchemas.describe(schema)
                    + " to Avro: " + e.getMessage(), e);
        }
    }

    private static Object convert(Schema schema, org.apache.avro.Schema avroSchema, Object value) {
        if (value == null) {
            // validateValue let it through: the schema is optional, or has a default standing in for null.
            Object fallback = schema.defaultValue();
            return fallback == null ? null : convert(schema, avroSchema, fallback);
        }
        org.apache.avro.Schema target = avroSchema.getType() == org.apache.avro.Schema.Type.UNION
                ? avroSchema.getTypes().get(1)
                : avroSchema;
        String logical = schema.name();
        return switch (schema.type()) {
            case INT8, INT16 -> ((Number) value).intValue();
            case INT32 -> Date.LOGICAL_NAME.equals(logical)
                    ? Date.fromLogical(schema, (java.util.Date) value)
                    : Time.LOGICAL_NAME.equals(logical) ? Time.fromLogical(schema, (java.util.Date) value) : value;
            case INT64 -> Timestamp.LOGICAL_NAME.equals(logical)
                    ? Timestamp.fromLogical(schema, (java.util.Date) value)
                    : value;
            case FLOAT32, FLOAT64, BOOLEAN, STRING -> value;
            case BYTES -> bytes(schema, value);
            case ARRAY -> array(schema.valueSchema(), target.getElementType(), (Collection<?>) value);
            case MAP -> ConnectAvroSchemas.isAvroMap(schema)
                    ? map(schema.valueSchema(), target.getValueType(), (Map<?, ?>) value)
                    : mapEntries(schema, target.getElementType(), (Map<?, ?>) value);
            case STRUCT -> record(target, (Struct) value);
        };
    }

    private static ByteBuffer bytes(Schema schema, Object value) {
        if (Decimal.LOGICAL_NAME.equals(schema.name())) {
            // Checks the scale against the schema's, and gives the big-endian unscaled bytes Avro's decimal wants.
            return ByteBuffer.wrap(Decimal.fromLogical(schema, (BigDecimal) value));
        }
        // A duplicate, so that writing it does not move the record's own buffer.
        return value instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : ((ByteBuffer) value).duplicate();
    }

    private static List<Object> array(Schema elementSchema, org.apache.avro.Schema avroElement, Collection<?> items) {
        List<Object> result = new ArrayList<>(items.size());
        for (Object item : items) {
            result.add(convert(elementSchema, avroElement, item));
        }
        return result;
    }

    private static Map<String, Object> map(Schema valueSchema, org.apache.avro.Schema avroValue, Map<?, ?> entries) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (var entry : entries.entrySet()) {
            result.put((String) entry.getKey(), convert(valueSchema, avroValue, entry.getValue()));
        }
        return result;
    }

    private static List<Object> mapEntries(Schema mapSchema, org.apache.avro.Schema avroEntry, Map<?, ?> entries) {
        org.apache.avro.Schema keySchema = avroEntry.getField("key").schema();
        org.apache.avro.Schema valueSchema = avroEntry.getField("value").schema();
        List<Object> result = new ArrayList<>(entries.size());
        for (var entry : entries.entrySet()) {
            var record = new GenericData.Record(avroEntry);
            record.put(0, convert(mapSchema.keySchema(), keySchema, entry.getKey()));
            record.put(1, convert(mapSchema.valueSchema(), valueSchema, entry.getValue()));
            result.add(record);
        }
        return result;
    }

    private static GenericData.Record record(org.apache.avro.Schema avroRecord, Struct struct) {
        var record = new GenericData.Record(avroRecord);
        List<org.apache.avro.Schema.Field> avroFields = avroRecord.getFields();
        List<Field> fields = struct.schema().fields();
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            // getWithoutDefault: convert() applies the default itself, for nested values too.
            record.put(i, convert(field.schema(), avroFields.get(i).schema(), struct.getWithoutDefault(field.name())));
        }
        return record;
    }
}
