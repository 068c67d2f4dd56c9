package dev.sluice.connect.cdc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Notices when a captured table's row schema changes (a column added or dropped, a type changed) from the records
 * Debezium emits, and says what changed, so that the change can be logged when it reaches the topic. Debezium
 * carries the new schema in the records from then on; this only tells.
 *
 * <p>Cheap on the hot path: records of one table share their schema object until it changes, so most records cost
 * one identity comparison.
 */
final class SchemaChanges {

    /** The row schema last seen per table (the {@code after}/{@code before} field of the envelope). */
    private final Map<String, Schema> rowSchemas = new HashMap<>();

    /** What changed in the row schemas of {@code records}, one line per change; empty when nothing did. */
    List<String> observe(List<SourceRecord> records) {
        if (records == null) {
            return List.of();
        }
        List<String> changes = new ArrayList<>();
        for (SourceRecord record : records) {
            rowSchema(record).ifPresent(schema -> {
                String table = record.topic();
                Schema before = rowSchemas.put(table, schema);
                if (before != null && before != schema && !before.equals(schema)) {
                    changes.add("The columns of " + table + " changed: " + String.join("; ", diff(before, schema)));
                }
            });
        }
        return changes;
    }

    private static Optional<Schema> rowSchema(SourceRecord record) {
        Schema value = record.valueSchema();
        if (value == null || value.type() != Schema.Type.STRUCT || !(record.value() instanceof Struct)) {
            return Optional.empty();
        }
        Field after = value.field("after");
        Field before = value.field("before");
        Field row = after != null ? after : before;
        return row == null ? Optional.empty() : Optional.of(row.schema());
    }

    /** Columns added, dropped and changed, by name, with their types. */
    static List<String> diff(Schema before, Schema after) {
        Map<String, Schema> old = columns(before);
        Map<String, Schema> now = columns(after);
        List<String> out = new ArrayList<>();
        now.forEach((name, schema) -> {
            Schema was = old.get(name);
            if (was == null) {
                out.add("added " + name + " " + describe(schema));
            } else if (!was.equals(schema)) {
                out.add(name + " " + describe(was) + " -> " + describe(schema));
            }
        });
        old.keySet().stream().filter(name -> !now.containsKey(name))
                .forEach(name -> out.add("dropped " + name));
        if (out.isEmpty()) {
            out.add("schema version " + before.version() + " -> " + after.version());
        }
        return out;
    }

    private static Map<String, Schema> columns(Schema row) {
        Map<String, Schema> out = new LinkedHashMap<>();
        if (row.type() == Schema.Type.STRUCT) {
            row.fields().forEach(f -> out.put(f.name(), f.schema()));
        }
        return out;
    }

    private static String describe(Schema schema) {
        String name = schema.name() == null ? schema.type().getName() : schema.name();
        Map<String, String> parameters = schema.parameters();
        String length = parameters == null ? null : parameters.get("__debezium.source.column.length");
        return name + (length == null ? "" : "(" + length + ")") + (schema.isOptional() ? "" : " not null");
    }
}
