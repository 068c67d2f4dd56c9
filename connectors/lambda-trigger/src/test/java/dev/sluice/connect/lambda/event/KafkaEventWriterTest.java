package dev.sluice.connect.lambda.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** The events must read back, field by field, as AWS's own KafkaEvent, as the Lambda Java runtime reads them. */
class KafkaEventWriterTest {

    private static final PojoSerializer<KafkaEvent> LAMBDA_RUNTIME =
            LambdaEventSerializers.serializerFor(KafkaEvent.class, KafkaEvent.class.getClassLoader());
    private static final TopicPartition ORDERS_3 = new TopicPartition("orders", 3);

    private final KafkaEventWriter selfManaged = new KafkaEventWriter(Optional.empty(),
            Optional.of("b-1.example:9092,b-2.example:9092"));

    private static KafkaEvent read(byte[] event) {
        return LAMBDA_RUNTIME.fromJson(new ByteArrayInputStream(event));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aSelfManagedEventReadsBackAsKafkaEventWithEveryFieldIntact() {
        byte[] binary = {0, -1, 127, -128, 10, 34, 92};
        var first = selfManaged.record(ORDERS_3, 15, 1545084650987L, TimestampType.CREATE_TIME,
                new RecordBytes(utf8("recordKey"), utf8("{\"key\":\"value\"}"), List.of(
                        new RecordBytes.Header("headerKey", utf8("headerValue")),
                        new RecordBytes.Header("binary", binary),
                        new RecordBytes.Header("headerKey", utf8("again")))));
        var second = selfManaged.record(ORDERS_3, 16, 1545084650999L, TimestampType.LOG_APPEND_TIME,
                new RecordBytes(null, binary, List.of()));

        byte[] bytes = selfManaged.event(ORDERS_3, List.of(first, second));
        KafkaEvent event = read(bytes);

        assertThat(event.getEventSource()).isEqualTo("SelfManagedKafka");
        assertThat(event.getEventSourceArn()).isNull();
        assertThat(event.getBootstrapServers()).isEqualTo("b-1.example:9092,b-2.example:9092");
        assertThat(event.getRecords()).containsOnlyKeys("orders-3");
        List<KafkaEvent.KafkaEventRecord> records = event.getRecords().get("orders-3");
        assertThat(records).hasSize(2);

        KafkaEvent.KafkaEventRecord one = records.get(0);
        assertThat(one.getTopic()).isEqualTo("orders");
        assertThat(one.getPartition()).isEqualTo(3);
        assertThat(one.getOffset()).isEqualTo(15);
        assertThat(one.getTimestamp()).isEqualTo(1545084650987L);
        assertThat(one.getTimestampType()).isEqualTo("CREATE_TIME");
        assertThat(Base64.getDecoder().decode(one.getKey())).isEqualTo(utf8("recordKey"));
        assertThat(Base64.getDecoder().decode(one.getValue())).isEqualTo(utf8("{\"key\":\"value\"}"));
        assertThat(one.getHeaders()).hasSize(3);
        assertThat(one.getHeaders().get(0)).containsOnlyKeys("headerKey");
        assertThat(one.getHeaders().get(0).get("headerKey")).isEqualTo(utf8("headerValue"));
        assertThat(one.getHeaders().get(1).get("binary")).isEqualTo(binary);
        assertThat(one.getHeaders().get(2).get("headerKey")).isEqualTo(utf8("again"));

        KafkaEvent.KafkaEventRecord two = records.get(1);
        assertThat(two.getOffset()).isEqualTo(16);
        assertThat(two.getTimestampType()).isEqualTo("LOG_APPEND_TIME");
        assertThat(two.getKey()).isNull();
        assertThat(Base64.getDecoder().decode(two.getValue())).isEqualTo(binary);
        assertThat(two.getHeaders()).isEmpty();
    }

    @Test
    void headersAreArraysOfSignedByteNumbersAsLambdaWritesThem() {
        var record = selfManaged.record(ORDERS_3, 1, 5L, TimestampType.CREATE_TIME,
                new RecordBytes(null, utf8("v"), List.of(new RecordBytes.Header("test-header", utf8("ë!")))));

        String json = new String(record.json(), StandardCharsets.UTF_8);

        assertThat(json).contains("\"headers\":[{\"test-header\":[-61,-85,33]}]");
        assertThat(json).doesNotContain("\"key\"");
    }

    @Test
    void anMskEventNamesItsClusterArn() {
        String arn = "arn:aws:kafka:us-east-1:123456789012:cluster/SalesCluster/abcd1234-abcd-cafe-abab-9876543210ab-4";
        var msk = new KafkaEventWriter(Optional.of(arn), Optional.empty());
        var record = msk.record(ORDERS_3, 1, 5L, TimestampType.CREATE_TIME, new RecordBytes(null, null, List.of()));

        KafkaEvent event = read(msk.event(ORDERS_3, List.of(record)));

        assertThat(event.getEventSource()).isEqualTo("aws:kafka");
        assertThat(event.getEventSourceArn()).isEqualTo(arn);
        assertThat(event.getBootstrapServers()).isNull();
        assertThat(event.getRecords().get("orders-3").get(0).getValue()).isNull();
    }

    @Test
    void theSizeIsTheWrittenEventsExactLength() {
        var records = List.of(
                selfManaged.record(ORDERS_3, 1, 5L, TimestampType.CREATE_TIME,
                        new RecordBytes(utf8("k"), utf8("a value with \"quotes\" and ünïcödé"), List.of())),
                selfManaged.record(ORDERS_3, 2, null, null, new RecordBytes(null, new byte[1000],
                        List.of(new RecordBytes.Header("h\n\"x\"", null)))));

        assertThat(selfManaged.size(ORDERS_3, records)).isEqualTo(selfManaged.event(ORDERS_3, records).length);
        assertThat(selfManaged.size(ORDERS_3, List.of())).isEqualTo(selfManaged.overhead(ORDERS_3));
        assertThat(selfManaged.size(ORDERS_3, records.subList(0, 1)))
                .isEqualTo(selfManaged.event(ORDERS_3, records.subList(0, 1)).length);
    }

    @Test
    void aRecordWithoutATimestampSaysSo() {
        var record = selfManaged.record(ORDERS_3, 7, null, TimestampType.NO_TIMESTAMP_TYPE,
                new RecordBytes(null, utf8("v"), List.of(new RecordBytes.Header("h\n\"x\"", null))));

        KafkaEvent.KafkaEventRecord read = read(selfManaged.event(ORDERS_3, List.of(record)))
                .getRecords().get("orders-3").get(0);

        assertThat(read.getTimestamp()).isEqualTo(-1);
        assertThat(read.getTimestampType()).isEqualTo("NO_TIMESTAMP_TYPE");
        assertThat(read.getHeaders()).containsExactly(nullHeader("h\n\"x\""));
    }

    private static Map<String, byte[]> nullHeader(String key) {
        var header = new java.util.HashMap<String, byte[]>();
        header.put(key, null);
        return header;
    }
}
