package dev.sluice.connect.s3.format;

import java.util.Objects;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaProjector;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.SchemaProjectorException;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * What a record whose value schema is not the open object's means for Avro and Parquet objects, which hold one
 * schema each ({@code schema.compatibility}), with the semantics of Confluent's {@code StorageSchemaCompatibility}:
 * <ul>
 *   <li>{@code NONE}: any different schema starts a new object;</li>
 *   <li>{@code BACKWARD} and {@code FULL}: a record with a newer schema version starts a new object; one with the
 *       same or an older version is projected onto the object's schema;</li>
 *   <li>{@code FORWARD}: the other way round: an older version starts a new object, and a newer one is projected
 *       onto the object's (older) schema.</li>
 * </ul>
 * Projection uses Connect's {@link SchemaProjector}, which fills fields the record lacks from their defaults and
 * drops fields the object's schema lacks, and fails ({@link SchemaProjectorException}, a DataException) when the
 * schemas are not compatible that way. Like Confluent, only value schemas count; a switch between schemaless and
 * schema'd values, and (except under NONE) schemas without versions, are errors rather than new objects.
 *
 * @param compatibility the {@code schema.compatibility} in force
 */
public record SchemaChanges(Compatibility compatibility) {

    /** The values of {@code schema.compatibility}. */
    public enum Compatibility {
        NONE, BACKWARD, FORWARD, FULL;

        /** Accepts the names case-insensitively. Unlike Confluent, which falls back to NONE, rejects others. */
        public static Compatibility parse(String value) {
            return FormatSettings.parseEnum(Compatibility.class, value, "schema.compatibility");
        }
    }

    public SchemaChanges {
        Objects.requireNonNull(compatibility, "compatibility");
    }

    /**
     * Whether a record with value schema {@code next} must go to a new object rather than the open one, whose
     * value schema is {@code current}.
     *
     * @throws SchemaProjectorException if one schema is null and the other not, or a version that the
     *     compatibility mode compares is missing: the record cannot be placed either way
     */
    public boolean needsNewObject(Schema current, Schema next) {
        if (current == null && next == null) {
            return false;
        }
        if (current == null || next == null) {
            throw new SchemaProjectorException("Switch between schema-based and schema-less data is not supported");
        }
        if (compatibility == Compatibility.NONE) {
            return !current.equals(next);
        }
        if (current.version() == null || next.version() == null) {
            throw new SchemaProjectorException("Schema version required for " + compatibility + " compatibility");
        }
        int order = next.version().compareTo(current.version());
        return compatibility == Compatibility.FORWARD ? order < 0 : order > 0;
    }

    /**
     * The record with its value projected onto {@code current}, for a record that {@link #needsNewObject} placed
     * in the open object; the record itself when its schema already is {@code current}, or under NONE.
     *
     * @throws SchemaProjectorException if the value cannot be projected
     */
    public SinkRecord project(SinkRecord record, Schema current) {
        if (compatibility == Compatibility.NONE || Objects.equals(record.valueSchema(), current)) {
            return record;
        }
        Object value = SchemaProjector.project(record.valueSchema(), record.value(), current);
        return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(), current,
                value, record.timestamp(), record.headers());
    }

    /**
     * Guards the one-schema-per-object formats against a record that skipped {@link #needsNewObject} and
     * {@link #project}: such a record would otherwise be written under the wrong schema, or fail half-way.
     */
    static void requireSameSchema(Schema objectSchema, SinkRecord record) {
        Schema schema = record.valueSchema();
        if (schema != objectSchema && !Objects.equals(schema, objectSchema)) {
            throw new DataException("The value schema of " + record.topic() + "-" + record.kafkaPartition() + "@"
                    + record.kafkaOffset() + " differs from the schema of the object being written; start a new "
                    + "object or project the record first (see SchemaChanges)");
        }
    }
}
