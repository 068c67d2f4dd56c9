package dev.sluice.connect.s3.writer;

import java.util.Objects;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Whether a record whose value schema differs from its open object's can still go into that object
 * ({@code schema.compatibility}): formats with one schema per file (Avro, Parquet) cannot mix schemas.
 */
public interface SchemaChangePolicy {

    /** Whether a record with {@code next} must start a new object rather than join one written with {@code current}. */
    boolean needsNewObject(Schema current, Schema next);

    /** The record as it goes into an object written with {@code current}; may rewrite the value. */
    SinkRecord project(SinkRecord record, Schema current);

    /** Any change of schema starts a new object; values are never rewritten. Confluent's {@code NONE}. */
    static SchemaChangePolicy newObjectOnChange() {
        return new SchemaChangePolicy() {
            @Override
            public boolean needsNewObject(Schema current, Schema next) {
                return !Objects.equals(current, next);
            }

            @Override
            public SinkRecord project(SinkRecord record, Schema current) {
                return record;
            }
        };
    }
}
