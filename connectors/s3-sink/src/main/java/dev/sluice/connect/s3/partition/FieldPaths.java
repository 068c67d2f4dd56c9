package dev.sluice.connect.s3.partition;

import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/** Looks up a possibly nested field ({@code a.b.c}) in a record value that is a {@link Struct} or a {@link Map}. */
final class FieldPaths {

    /** A field's value and, for structs, its schema (null for maps). */
    record Found(Object value, Schema schema) {
    }

    private FieldPaths() {
    }

    /** @throws DataException when the value is neither a struct nor a map, or a step of the path is missing or null */
    static Found find(Object value, String path) {
        Object current = value;
        Schema schema = null;
        for (String step : path.split("\\.", -1)) {
            if (current instanceof Struct struct) {
                Field field = struct.schema().field(step);
                if (field == null) {
                    throw new DataException("The record value has no field '" + path + "'");
                }
                schema = field.schema();
                current = struct.get(field);
            } else if (current instanceof Map<?, ?> map) {
                if (!map.containsKey(step)) {
                    throw new DataException("The record value has no field '" + path + "'");
                }
                schema = null;
                current = map.get(step);
            } else {
                throw new DataException("Cannot read field '" + path + "' from a record value of type "
                        + (current == null ? "null" : current.getClass().getSimpleName()) + "; a struct or a map is needed");
            }
            if (current == null) {
                throw new DataException("The record value's field '" + path + "' is null");
            }
        }
        return new Found(current, schema);
    }
}
