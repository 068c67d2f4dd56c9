package dev.sluice.connect.s3.format;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Values;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Which part of a record an object holds, as Confluent's S3 sink's {@code RecordViews} define them: the values,
 * or, with {@code store.kafka.keys} and {@code store.kafka.headers}, the keys and the headers in objects beside
 * them ({@code <topic>+<partition>+<start offset>.keys.avro}, {@code .headers.avro}), one entry per record.
 *
 * <ul>
 *   <li>A key is written as it is, with its schema. A record without a key is a bad record, since the keys
 *       object could not keep one entry per record (Confluent: "Key cannot be null").</li>
 *   <li>Headers are written as an array of {@code {key: string, value: string}} structs, each value turned into a
 *       string by Connect's {@link Values#convertToString}. A record without headers, or with a header whose value
 *       is null, is a bad record (Confluent rejects both).</li>
 *   <li>Parquet rows must be structs, so for Parquet ("enveloped") a key is wrapped in a {@code RecordKey}
 *       struct with one field {@code key}, and the headers in a {@code RecordHeaders} struct with one field
 *       {@code headers}, again as Confluent does.</li>
 * </ul>
 */
public enum RecordView {
    VALUE(""),
    KEYS(".keys"),
    HEADERS(".headers");

    static final Schema HEADER_SCHEMA = SchemaBuilder.struct()
            .field("key", Schema.STRING_SCHEMA)
            .field("value", Schema.STRING_SCHEMA)
            .build();
    static final Schema HEADERS_SCHEMA = SchemaBuilder.array(HEADER_SCHEMA).build();
    static final Schema ENVELOPED_HEADERS_SCHEMA = SchemaBuilder.struct().name("RecordHeaders")
            .field("headers", HEADERS_SCHEMA)
            .build();

    private final String infix;

    RecordView(String infix) {
        this.infix = infix;
    }

    /** What goes between the object's start offset and its format's extension: {@code .keys}, {@code .headers}. */
    public String infix() {
        return infix;
    }

    /**
     * The record with this view in place of its value (value schema included), which is what the view's format
     * writes; key, headers and coordinates stay as they were.
     *
     * @param enveloped wrap keys and headers in a struct, for formats whose rows must be structs (Parquet)
     * @throws DataException if the record has no key (KEYS) or no headers (HEADERS)
     */
    public SinkRecord project(SinkRecord record, boolean enveloped) {
        return switch (this) {
            case VALUE -> record;
            case KEYS -> keys(record, enveloped);
            case HEADERS -> withValue(record, enveloped ? ENVELOPED_HEADERS_SCHEMA : HEADERS_SCHEMA,
                    headers(record, enveloped));
        };
    }

    private static SinkRecord keys(SinkRecord record, boolean enveloped) {
        if (record.key() == null) {
            throw new DataException("The key of " + coordinates(record) + " is null, and store.kafka.keys=true "
                    + "writes one key per record");
        }
        if (!enveloped) {
            return withValue(record, record.keySchema(), record.key());
        }
        if (record.keySchema() == null) {
            throw new DataException("Parquet keys need a key schema, but " + coordinates(record) + " has none; use "
                    + "a key converter with schemas, or keys.format.class=json");
        }
        Schema schema = SchemaBuilder.struct().name("RecordKey").field("key", record.keySchema()).build();
        return withValue(record, schema, new Struct(schema).put("key", record.key()));
    }

    private static Object headers(SinkRecord record, boolean enveloped) {
        if (record.headers() == null || record.headers().isEmpty()) {
            throw new DataException(coordinates(record) + " has no headers, and store.kafka.headers=true writes "
                    + "the headers of every record");
        }
        List<Struct> headers = new ArrayList<>(record.headers().size());
        for (Header header : record.headers()) {
            String value = Values.convertToString(header.schema(), header.value());
            if (value == null) {
                throw new DataException("The header '" + header.key() + "' of " + coordinates(record)
                        + " has a null value, which the headers object cannot hold");
            }
            headers.add(new Struct(HEADER_SCHEMA).put("key", header.key()).put("value", value));
        }
        return enveloped ? new Struct(ENVELOPED_HEADERS_SCHEMA).put("headers", headers) : headers;
    }

    private static SinkRecord withValue(SinkRecord record, Schema schema, Object value) {
        return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(), schema,
                value, record.timestamp(), record.headers());
    }

    private static String coordinates(SinkRecord record) {
        return record.topic() + "-" + record.kafkaPartition() + "@" + record.kafkaOffset();
    }
}
