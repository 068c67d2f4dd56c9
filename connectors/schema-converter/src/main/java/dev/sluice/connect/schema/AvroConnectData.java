package dev.sluice.connect.schema;

import org.apache.avro.LogicalTypes;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Converts between Avro's generic data and Kafka Connect's data: records and structs, the primitives, {@code [null,
 * X]} unions as optional values, arrays, maps, enums (as strings), fixed (as bytes), and the logical types decimal,
 * date, time-millis and timestamp-millis. Other unions are refused.
 */
final class AvroConnectData {

    private static final String DEFAULT_RECORD_NAME = "ConnectDefault";

    private final Map<org.apache.avro.Schema, Schema> toConnectSchemas = new ConcurrentHashMap<>();
    private final Map<Schema, org.apache.avro.Schema> toAvroSchemas = new ConcurrentHashMap<>();

    Schema toConnectSchema(org.apache.avro.Schema avro) {
        return toConnectSchemas.computeIfAbsent(avro, schema -> connectSchema(schema, false));
    }

    private static Schema connectSchema(org.apache.avro.Schema avro, boolean optional) {
        if (avro.getType() == org.apache.avro.Schema.Type.UNION) {
            // [null, X]: X, optional
            return connectSchema(nonNullBranch(avro), true);
        }
        SchemaBuilder builder = switch (avro.getType()) {
            case RECORD -> {
                SchemaBuilder struct = SchemaBuilder.struct().name(avro.getFullName());
                for (org.apache.avro.Schema.Field field : avro.getFields()) {
                    struct.field(field.name(), connectSchema(field.schema(), false));
                }
                yield struct;
            }
            case UNION -> throw new IllegalStateException("unions are handled above");
            case ARRAY -> SchemaBuilder.array(connectSchema(avro.getElementType(), false));
            case MAP -> SchemaBuilder.map(Schema.STRING_SCHEMA, connectSchema(avro.getValueType(), false));
            case ENUM, STRING -> SchemaBuilder.string();
            case INT -> logicalInt(avro);
            case LONG -> avro.getLogicalType() instanceof LogicalTypes.TimestampMillis ? Timestamp.builder()
                    : SchemaBuilder.int64();
            case FLOAT -> SchemaBuilder.float32();
            case DOUBLE -> SchemaBuilder.float64();
            case BOOLEAN -> SchemaBuilder.bool();
            case BYTES, FIXED -> avro.getLogicalType() instanceof LogicalTypes.Decimal decimal
                    ? Decimal.builder(decimal.getScale()) : SchemaBuilder.bytes();
            case NULL -> throw new DataException("An Avro null outside a union has no Kafka Connect type");
        };
        return optional ? builder.optional().build() : builder.build();
    }

    private static SchemaBuilder logicalInt(org.apache.avro.Schema avro) {
        if (avro.getLogicalType() instanceof LogicalTypes.Date) {
            return Date.builder();
        }
        if (avro.getLogicalType() instanceof LogicalTypes.TimeMillis) {
            return Time.builder();
        }
        return SchemaBuilder.int32();
    }

    private static org.apache.avro.Schema nonNullBranch(org.apache.avro.Schema union) {
        List<org.apache.avro.Schema> branches = union.getTypes();
        if (branches.size() == 2 && branches.get(0).getType() == org.apache.avro.Schema.Type.NULL) {
            return branches.get(1);
        }
        if (branches.size() == 2 && branches.get(1).getType() == org.apache.avro.Schema.Type.NULL) {
            return branches.get(0);
        }
        throw new DataException("Only [null, X] unions convert to Kafka Connect data, not " + union);
    }

    Object toConnectValue(Schema schema, org.apache.avro.Schema avro, Object value) {
        if (value == null) {
            return null;
        }
        if (avro.getType() == org.apache.avro.Schema.Type.UNION) {
            return toConnectValue(schema, nonNullBranch(avro), value);
        }
        return switch (schema.type()) {
            case STRUCT -> {
                GenericRecord record = (GenericRecord) value;
                Struct struct = new Struct(schema);
                for (Field field : schema.fields()) {
                    struct.put(field, toConnectValue(field.schema(), avro.getField(field.name()).schema(),
                            record.get(field.name())));
                }
                yield struct;
            }
            case ARRAY -> {
                List<Object> out = new ArrayList<>();
                for (Object item : (Iterable<?>) value) {
                    out.add(toConnectValue(schema.valueSchema(), avro.getElementType(), item));
                }
                yield out;
            }
            case MAP -> {
                Map<String, Object> out = new LinkedHashMap<>();
                ((Map<?, ?>) value).forEach((k, v) -> out.put(k.toString(),
                        toConnectValue(schema.valueSchema(), avro.getValueType(), v)));
                yield out;
            }
            case STRING -> value.toString();
            case BYTES -> bytes(schema, avro, value);
            case INT32 -> Date.LOGICAL_NAME.equals(schema.name())
                    ? Date.toLogical(schema, (Integer) value)
                    : Time.LOGICAL_NAME.equals(schema.name()) ? Time.toLogical(schema, (Integer) value) : value;
            case INT64 -> Timestamp.LOGICAL_NAME.equals(schema.name()) ? Timestamp.toLogical(schema, (Long) value)
                    : value;
            default -> value;
        };
    }

    private static Object bytes(Schema schema, org.apache.avro.Schema avro, Object value) {
        byte[] bytes;
        if (value instanceof ByteBuffer buffer) {
            bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
        } else if (value instanceof GenericData.Fixed fixed) {
            bytes = fixed.bytes();
        } else {
            bytes = (byte[]) value;
        }
        if (Decimal.LOGICAL_NAME.equals(schema.name())) {
            return new BigDecimal(new BigInteger(bytes), ((LogicalTypes.Decimal) avro.getLogicalType()).getScale());
        }
        return bytes;
    }

    org.apache.avro.Schema toAvroSchema(Schema schema) {
        return toAvroSchemas.computeIfAbsent(schema, AvroConnectData::avroSchema);
    }

    private static org.apache.avro.Schema avroSchema(Schema schema) {
        org.apache.avro.Schema plain = switch (schema.type()) {
            case STRUCT -> {
                List<org.apache.avro.Schema.Field> fields = new ArrayList<>();
                for (Field field : schema.fields()) {
                    org.apache.avro.Schema fieldSchema = avroSchema(field.schema());
                    fields.add(field.schema().isOptional()
                            ? new org.apache.avro.Schema.Field(field.name(), fieldSchema,
                                    null, org.apache.avro.Schema.Field.NULL_DEFAULT_VALUE)
                            : new org.apache.avro.Schema.Field(field.name(), fieldSchema));
                }
                String name = schema.name() == null ? DEFAULT_RECORD_NAME : schema.name();
                yield org.apache.avro.Schema.createRecord(name, schema.doc(), null, false, fields);
            }
            case ARRAY -> org.apache.avro.Schema.createArray(avroSchema(schema.valueSchema()));
            case MAP -> {
                if (schema.keySchema().type() != Schema.Type.STRING) {
                    throw new DataException("Avro maps have string keys; this map's keys are "
                            + schema.keySchema().type());
                }
                yield org.apache.avro.Schema.createMap(avroSchema(schema.valueSchema()));
            }
            case STRING -> org.apache.avro.Schema.create(org.apache.avro.Schema.Type.STRING);
            case INT8, INT16, INT32 -> logical(schema, org.apache.avro.Schema.Type.INT);
            case INT64 -> logical(schema, org.apache.avro.Schema.Type.LONG);
            case FLOAT32 -> org.apache.avro.Schema.create(org.apache.avro.Schema.Type.FLOAT);
            case FLOAT64 -> org.apache.avro.Schema.create(org.apache.avro.Schema.Type.DOUBLE);
            case BOOLEAN -> org.apache.avro.Schema.create(org.apache.avro.Schema.Type.BOOLEAN);
            case BYTES -> logical(schema, org.apache.avro.Schema.Type.BYTES);
        };
        if (!schema.isOptional()) {
            return plain;
        }
        return org.apache.avro.Schema.createUnion(org.apache.avro.Schema.create(org.apache.avro.Schema.Type.NULL),
                plain);
    }

    private static org.apache.avro.Schema logical(Schema schema, org.apache.avro.Schema.Type type) {
        org.apache.avro.Schema avro = org.apache.avro.Schema.create(type);
        if (schema.name() == null) {
            return avro;
        }
        return switch (schema.name()) {
            case Date.LOGICAL_NAME -> LogicalTypes.date().addToSchema(avro);
            case Time.LOGICAL_NAME -> LogicalTypes.timeMillis().addToSchema(avro);
            case Timestamp.LOGICAL_NAME -> LogicalTypes.timestampMillis().addToSchema(avro);
            case Decimal.LOGICAL_NAME -> LogicalTypes.decimal(64,
                    Integer.parseInt(schema.parameters().get(Decimal.SCALE_FIELD))).addToSchema(avro);
            default -> avro;
        };
    }

    Object toAvroValue(Schema schema, org.apache.avro.Schema avro, Object value) {
        if (value == null) {
            if (!schema.isOptional()) {
                throw new DataException("A null value for the required " + schema.type() + " " + schema.name());
            }
            return null;
        }
        org.apache.avro.Schema plain = avro.getType() == org.apache.avro.Schema.Type.UNION ? nonNullBranch(avro)
                : avro;
        return switch (schema.type()) {
            case STRUCT -> {
                Struct struct = (Struct) value;
                GenericRecord record = new GenericData.Record(plain);
                for (Field field : schema.fields()) {
                    record.put(field.name(), toAvroValue(field.schema(), plain.getField(field.name()).schema(),
                            struct.get(field)));
                }
                yield record;
            }
            case ARRAY -> {
                List<Object> out = new ArrayList<>();
                for (Object item : (List<?>) value) {
                    out.add(toAvroValue(schema.valueSchema(), plain.getElementType(), item));
                }
                yield out;
            }
            case MAP -> {
                Map<String, Object> out = new LinkedHashMap<>();
                ((Map<?, ?>) value).forEach((k, v) -> out.put(k.toString(),
                        toAvroValue(schema.valueSchema(), plain.getValueType(), v)));
                yield out;
            }
            case INT8 -> ((Byte) value).intValue();
            case INT16 -> ((Short) value).intValue();
            case INT32 -> value instanceof java.util.Date date
                    ? (Date.LOGICAL_NAME.equals(schema.name()) ? Date.fromLogical(schema, date)
                    : Time.fromLogical(schema, date)) : value;
            case INT64 -> value instanceof java.util.Date date ? Timestamp.fromLogical(schema, date) : value;
            case BYTES -> value instanceof BigDecimal decimal ? ByteBuffer.wrap(Decimal.fromLogical(schema, decimal))
                    : value instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : value;
            default -> value;
        };
    }
}
