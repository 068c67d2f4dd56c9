package dev.sluice.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The schema-registry benchmark's records: orders of a fixed Avro schema (their size set by a note), a few thousand
 * distinct ones made up front and sent over and over, so that making them costs neither side anything.
 */
final class AvroOrders {

    static final Schema SCHEMA = new Schema.Parser().parse("""
            {"type": "record", "name": "Order", "namespace": "dev.sluice.bench",
             "fields": [
               {"name": "id", "type": "long"},
               {"name": "customer", "type": "string"},
               {"name": "status", "type": {"type": "enum", "name": "Status",
                                           "symbols": ["NEW", "PAID", "SHIPPED", "CANCELLED"]}},
               {"name": "amount_cents", "type": "long"},
               {"name": "note", "type": ["null", "string"], "default": null}
             ]}
            """);

    private static final int DISTINCT = 4096;
    private static final String[] STATUSES = {"NEW", "PAID", "SHIPPED", "CANCELLED"};

    private final GenericRecord[] records = new GenericRecord[DISTINCT];

    /** @param noteBytes the length of each record's note, which sets its size: about 30 B plus the note */
    AvroOrders(int noteBytes) {
        var random = new Random(42);
        for (int i = 0; i < DISTINCT; i++) {
            GenericRecord order = new GenericData.Record(SCHEMA);
            order.put("id", (long) i);
            order.put("customer", "customer-" + random.nextInt(100_000));
            order.put("status", new GenericData.EnumSymbol(SCHEMA.getField("status").schema(),
                    STATUSES[random.nextInt(STATUSES.length)]));
            order.put("amount_cents", (long) random.nextInt(1_000_000));
            byte[] note = new byte[noteBytes];
            RandomAscii.fill(note, 0, note.length, i);
            order.put("note", new String(note, StandardCharsets.US_ASCII));
            records[i] = order;
        }
    }

    GenericRecord get(long i) {
        return records[(int) (i % DISTINCT)];
    }

    /**
     * The run without a registry: Avro's binary encoding by hand, with a reused writer and encoder, which is the
     * least a producer of Avro does.
     */
    static final class PlainAvroSerializer implements Serializer<GenericRecord> {

        private final GenericDatumWriter<GenericRecord> writer = new GenericDatumWriter<>(SCHEMA);
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
        private BinaryEncoder encoder;

        @Override
        public void configure(Map<String, ?> configs, boolean isKey) {
        }

        @Override
        public byte[] serialize(String topic, GenericRecord record) {
            buffer.reset();
            encoder = EncoderFactory.get().binaryEncoder(buffer, encoder);
            try {
                writer.write(record, encoder);
                encoder.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return buffer.toByteArray();
        }
    }
}
