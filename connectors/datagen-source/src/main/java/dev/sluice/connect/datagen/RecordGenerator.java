package dev.sluice.connect.datagen;

import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Builds the record for a sequence number. Cheap by design: one array copy per record, no randomness.
 */
final class RecordGenerator {

    static final String ID_FIELD = "id";
    static final String PAYLOAD_FIELD = "payload";
    static final Schema VALUE_SCHEMA = SchemaBuilder.struct()
            .name("dev.sluice.connect.datagen.Record")
            .field(ID_FIELD, Schema.INT64_SCHEMA)
            .field(PAYLOAD_FIELD, Schema.BYTES_SCHEMA)
            .build();

    private final String topic;
    private final boolean keyEnabled;
    private final boolean schemaEnabled;
    private final Map<String, ?> sourcePartition;
    private final byte[] template;

    RecordGenerator(DatagenSettings settings, Map<String, ?> sourcePartition) {
        this.topic = settings.topic();
        this.keyEnabled = settings.keyEnabled();
        this.schemaEnabled = settings.schemaEnabled();
        this.sourcePartition = sourcePartition;
        this.template = new byte[settings.recordSizeBytes()];
        for (int i = 0; i < template.length; i++) {
            template[i] = (byte) ('a' + i % 26);
        }
    }

    SourceRecord record(long seq) {
        byte[] payload = payload(seq);
        String key = keyEnabled ? Long.toString(seq) : null;
        Schema keySchema = keyEnabled ? Schema.STRING_SCHEMA : null;
        Object value = schemaEnabled
                ? new Struct(VALUE_SCHEMA).put(ID_FIELD, seq).put(PAYLOAD_FIELD, payload)
                : payload;
        Schema valueSchema = schemaEnabled ? VALUE_SCHEMA : Schema.BYTES_SCHEMA;
        return new SourceRecord(sourcePartition, Map.of(DatagenSourceTask.OFFSET_SEQ, seq),
                topic, null, keySchema, key, valueSchema, value);
    }

    /** The template with {@code seq} written big-endian over its first 8 bytes (its low bytes if shorter). */
    byte[] payload(long seq) {
        byte[] payload = template.clone();
        int n = Math.min(Long.BYTES, payload.length);
        for (int i = 0; i < n; i++) {
            payload[i] = (byte) (seq >>> (8 * (n - 1 - i)));
        }
        return payload;
    }
}
