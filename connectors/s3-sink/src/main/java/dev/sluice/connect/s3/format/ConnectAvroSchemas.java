package dev.sluice.connect.s3.format;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * Connect schemas to Avro schemas, in the shape Confluent's {@code AvroData} gives them, so that files written by
 * Sluice read like files written by Confluent's S3 sink:
 * <ul>
 *   <li>a Struct is a record named after the Connect schema's name (its last dot splits namespace from name), or
 *       {@code io.confluent.connect.avro.ConnectDefault} when unnamed (then {@code ConnectDefault2}, ... for the
 *       further unnamed ones, since Avro names must be unique within a schema);</li>
 *   <li>an optional schema is the union {@code [null, T]}, and an optional field defaults to null (other Connect
 *       defaults are not carried over: readers of these files never need them);</li>
 *   <li>int8 and int16 are Avro ints marked {@code "connect.type": "int8"/"int16"};</li>
 *   <li>a map with required string keys is an Avro map; any other map is an array of
 *       {@code io.confluent.connect.avro.MapEntry} records with fields {@code key} and {@code value};</li>
 *   <li>Decimal is bytes with the decimal logical type, its precision taken from the
 *       {@code connect.decimal.precision} parameter when present, else {@value #DEFAULT_DECIMAL_PRECISION} (the
 *       precision {@code AvroData} assumes too); Date, Time and Timestamp are {@code date}, {@code time-millis} and
 *       {@code timestamp-millis}.</li>
 * </ul>
 */
public final class ConnectAvroSchemas {

    /** The precision of a Decimal whose schema does not name one; big enough for any Connect decimal in practice. */
    public static final int DEFAULT_DECIMAL_PRECISION = 64;

    static final String NAMESPACE = "io.confluent.connect.avro";
    static final String DEFAULT_RECORD_NAME = "ConnectDefault";
    static final String MAP_ENTRY_NAME = "MapEntry";
    static final String DECIMAL_PRECISION_PARAM = "connect.decimal.precision";
    static final String CONNECT_TYPE_PROP = "connect.type";
    static final String CONNECT_NAME_PROP = "connect.name";
    static final String CONNECT_VERSION_PROP = "connect.version";

    // One conversion's state: the same Connect schema object maps to the same Avro schema (Avro then writes a
    // reference), and each record name is defined once.
    private final Map<Schema, org.apache.avro.Schema> converted = new IdentityHashMap<>();
    private final Map<String, Schema> recordNames = new HashMap<>();
    private final Map<String, org.apache.avro.Schema> records = new HashMap<>();
    private int unnamedRecords;

    private ConnectAvroSchemas() {
    }

    /**
     * The Avro schema for values of {@code schema}.
     *
     * @throws DataException if Avro cannot represent it, for instance a field name Avro does not allow, or two
     *     different Structs sharing one name
     */
    public static org.apache.avro.Schema toAvro(Schema schema) {
        if (schema == null) {
            throw new DataException("Avro needs a schema; use JsonConverter with schemas.enable=true or a schema "
                    + "registry converter");
        }
        try {
            return new ConnectAvroSchemas().convert(schema);
        } catch (AvroRuntimeException e) {
            throw new DataException("Cannot express the Connect schema " + describe(schema) + " in Avro: "
                    + e.getMessage(), e);
        }
    }

    private org.apache.avro.Schema convert(Schema schema) {
        org.apache.avro.Schema required = converted.get(schema);
        if (required == null) {
            required = convertRequired(schema);
            converted.put(schema, required);
        }
        return schema.isOptional() ? optional(required) : required;
    }

    private org.apache.avro.Schema convertRequired(Schema schema) {
        String logical = schema.name();
        return switch (schema.type()) {
            case INT8, INT16 -> withProp(primitive(org.apache.avro.Schema.Type.INT), CONNECT_TYPE_PROP,
                    schema.type().getName());
            case INT32 -> Date.LOGICAL_NAME.equals(logical)
                    ? logical(LogicalTypes.date(), org.apache.avro.Schema.Type.INT, logical)
                    : Time.LOGICAL_NAME.equals(logical)
                            ? logical(LogicalTypes.timeMillis(), org.apache.avro.Schema.Type.INT, logical)
                            : primitive(org.apache.avro.Schema.Type.INT);
            case INT64 -> Timestamp.LOGICAL_NAME.equals(logical)
                    ? logical(LogicalTypes.timestampMillis(), org.apache.avro.Schema.Type.LONG, logical)
                    : primitive(org.apache.avro.Schema.Type.LONG);
            case FLOAT32 -> primitive(org.apache.avro.Schema.Type.FLOAT);
            case FLOAT64 -> primitive(org.apache.avro.Schema.Type.DOUBLE);
            case BOOLEAN -> primitive(org.apache.avro.Schema.Type.BOOLEAN);
            case STRING -> primitive(org.apache.avro.Schema.Type.STRING);
            case BYTES -> Decimal.LOGICAL_NAME.equals(logical)
                    ? decimal(schema)
                    : primitive(org.apache.avro.Schema.Type.BYTES);
            case ARRAY -> org.apache.avro.Schema.createArray(convert(schema.valueSchema()));
            case MAP -> isAvroMap(schema)
                    ? org.apache.avro.Schema.createMap(convert(schema.valueSchema()))
                    : org.apache.avro.Schema.createArray(mapEntry(schema));
            case STRUCT -> record(schema);
        };
    }

    /** Avro maps have string keys that cannot be null; other Connect maps become arrays of key/value records. */
    static boolean isAvroMap(Schema mapSchema) {
        Schema keys = mapSchema.keySchema();
        return keys.type() == Schema.Type.STRING && !keys.isOptional() && keys.name() == null;
    }

    private org.apache.avro.Schema record(Schema struct) {
        String name = struct.name();
        if (name == null) {
            unnamedRecords++;
            name = NAMESPACE + "." + DEFAULT_RECORD_NAME + (unnamedRecords == 1 ? "" : unnamedRecords);
        }
        Schema earlier = recordNames.putIfAbsent(name, struct);
        if (earlier != null) {
            if (!sameRecord(earlier, struct)) {
                throw new DataException("Two different Connect structs are both named " + name
                        + "; an Avro schema can define a name only once");
            }
            return records.get(name);
        }
        var record = org.apache.avro.Schema.createRecord(name, struct.doc(), null, false);
        records.put(name, record);
        if (struct.version() != null) {
            record.addProp(CONNECT_VERSION_PROP, struct.version());
        }
        // Registered before the fields, so that a struct met again further down refers to this record.
        converted.put(struct, record);
        List<org.apache.avro.Schema.Field> fields = new ArrayList<>();
        for (Field field : struct.fields()) {
            Schema fieldSchema = field.schema();
            Object defaultValue = fieldSchema.isOptional() ? JsonProperties.NULL_VALUE : null;
            fields.add(new org.apache.avro.Schema.Field(field.name(), convert(fieldSchema), fieldSchema.doc(),
                    defaultValue));
        }
        record.setFields(fields);
        return record;
    }

    private org.apache.avro.Schema mapEntry(Schema map) {
        String name = NAMESPACE + "." + MAP_ENTRY_NAME;
        // Confluent reuses MapEntry for every such map; Avro allows that only if the entries are alike, so later
        // ones with other key/value types get numbered names.
        int suffix = 1;
        while (recordNames.containsKey(name) && !isSameEntry(recordNames.get(name), map)) {
            suffix++;
            name = NAMESPACE + "." + MAP_ENTRY_NAME + suffix;
        }
        if (recordNames.containsKey(name)) {
            return records.get(name);
        }
        recordNames.put(name, map);
        var entry = org.apache.avro.Schema.createRecord(name, null, null, false);
        records.put(name, entry);
        entry.setFields(List.of(
                new org.apache.avro.Schema.Field("key", convert(map.keySchema()), null,
                        map.keySchema().isOptional() ? JsonProperties.NULL_VALUE : null),
                new org.apache.avro.Schema.Field("value", convert(map.valueSchema()), null,
                        map.valueSchema().isOptional() ? JsonProperties.NULL_VALUE : null)));
        return entry;
    }

    /** Whether two structs make the same Avro record; being optional or not is the using field's business. */
    private static boolean sameRecord(Schema a, Schema b) {
        return a.type() == Schema.Type.STRUCT && a.fields().equals(b.fields())
                && Objects.equals(a.version(), b.version()) && Objects.equals(a.doc(), b.doc());
    }

    private static boolean isSameEntry(Schema earlierMap, Schema map) {
        return earlierMap.type() == Schema.Type.MAP
                && earlierMap.keySchema().equals(map.keySchema())
                && earlierMap.valueSchema().equals(map.valueSchema());
    }

    private static org.apache.avro.Schema decimal(Schema schema) {
        Map<String, String> params = schema.parameters() == null ? Map.of() : schema.parameters();
        int scale = Integer.parseInt(params.getOrDefault(Decimal.SCALE_FIELD, "0"));
        int precision = params.containsKey(DECIMAL_PRECISION_PARAM)
                ? Integer.parseInt(params.get(DECIMAL_PRECISION_PARAM))
                : Math.max(DEFAULT_DECIMAL_PRECISION, scale);
        return logical(LogicalTypes.decimal(precision, scale), org.apache.avro.Schema.Type.BYTES, schema.name());
    }

    private static org.apache.avro.Schema logical(
            org.apache.avro.LogicalType type, org.apache.avro.Schema.Type base, String connectName) {
        var schema = type.addToSchema(primitive(base));
        // Lets Confluent's AvroConverter, reading these files back into Connect, restore the logical type.
        return withProp(schema, CONNECT_NAME_PROP, connectName);
    }

    private static org.apache.avro.Schema primitive(org.apache.avro.Schema.Type type) {
        // A fresh schema each time: shared primitive schemas must not collect another field's properties.
        return org.apache.avro.Schema.create(type);
    }

    private static org.apache.avro.Schema withProp(org.apache.avro.Schema schema, String key, String value) {
        schema.addProp(key, value);
        return schema;
    }

    private static org.apache.avro.Schema optional(org.apache.avro.Schema schema) {
        return org.apache.avro.Schema.createUnion(
                org.apache.avro.Schema.create(org.apache.avro.Schema.Type.NULL), schema);
    }

    static String describe(Schema schema) {
        return schema.name() != null ? schema.name() : schema.type().getName();
    }
}
