package dev.sluice.connect.s3.partition;

import java.util.List;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Partitions by the values of one or more fields: {@code region=eu/tier=gold}, as Confluent's FieldPartitioner.
 * Fields may be nested ({@code customer.region}); values may be structs or maps. As in Confluent, a field must be
 * an integer, a string or a boolean.
 */
public final class FieldPartitioner implements Partitioner {

    private final List<String> fieldNames;
    private final String delim;

    public FieldPartitioner(List<String> fieldNames, String directoryDelim) {
        if (fieldNames.isEmpty()) {
            throw new IllegalArgumentException("FieldPartitioner needs at least one field name");
        }
        this.fieldNames = List.copyOf(fieldNames);
        this.delim = directoryDelim;
    }

    @Override
    public String encodePartition(SinkRecord record) {
        var encoded = new StringBuilder();
        for (String name : fieldNames) {
            if (encoded.length() > 0) {
                encoded.append(delim);
            }
            encoded.append(name).append('=').append(render(name, FieldPaths.find(record.value(), name).value()));
        }
        return encoded.toString();
    }

    private static String render(String name, Object value) {
        if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long
                || value instanceof String || value instanceof Boolean) {
            return value.toString();
        }
        throw new DataException("Field '" + name + "' is a " + value.getClass().getSimpleName()
                + "; a partition field must be an integer, a string or a boolean");
    }
}
