package dev.sluice.connect.s3.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class PartitionersTest {

    private static final Schema CUSTOMER = SchemaBuilder.struct().field("region", Schema.STRING_SCHEMA).build();
    private static final Schema ORDER = SchemaBuilder.struct()
            .field("region", Schema.STRING_SCHEMA)
            .field("tier", Schema.INT32_SCHEMA)
            .field("amount", Schema.FLOAT64_SCHEMA)
            .field("customer", CUSTOMER)
            .build();

    @Test
    void defaultPartitionerKeepsTheKafkaPartition() {
        assertThat(new DefaultPartitioner().encodePartition(record(7, "v", 0L))).isEqualTo("partition=7");
    }

    @Test
    void fieldPartitionerJoinsFieldsOfStructsAndMaps() {
        var partitioner = new FieldPartitioner(List.of("region", "tier", "customer.region"), "/");
        Struct order = new Struct(ORDER).put("region", "eu").put("tier", 2).put("amount", 9.5)
                .put("customer", new Struct(CUSTOMER).put("region", "fr"));
        Map<String, Object> map = Map.of("region", "us", "tier", 1L, "customer", Map.of("region", "ca"));

        assertThat(partitioner.encodePartition(structRecord(order))).isEqualTo("region=eu/tier=2/customer.region=fr");
        assertThat(partitioner.encodePartition(record(0, map, 0L))).isEqualTo("region=us/tier=1/customer.region=ca");
    }

    @Test
    void fieldPartitionerRejectsMissingAndUnsupportedFieldsAsBadRecords() {
        Struct order = new Struct(ORDER).put("region", "eu").put("tier", 2).put("amount", 9.5)
                .put("customer", new Struct(CUSTOMER).put("region", "fr"));

        assertThatThrownBy(() -> new FieldPartitioner(List.of("country"), "/").encodePartition(structRecord(order)))
                .isInstanceOf(DataException.class).hasMessageContaining("country");
        assertThatThrownBy(() -> new FieldPartitioner(List.of("amount"), "/").encodePartition(structRecord(order)))
                .isInstanceOf(DataException.class).hasMessageContaining("integer, a string or a boolean");
        assertThatThrownBy(() -> new FieldPartitioner(List.of("region"), "/").encodePartition(record(0, "text", 0L)))
                .isInstanceOf(DataException.class);
    }

    @Test
    void timePartitionerFloorsToTheDurationInTheTimezone() {
        var partitioner = new TimeBasedPartitioner("'year'=YYYY/'month'=MM/'day'=dd/'hour'=HH/'minute'=mm", "/",
                15 * 60_000L, Locale.ROOT, ZoneId.of("America/New_York"), new TimestampExtractor.RecordTime());
        long t = Instant.parse("2026-11-26T02:44:59Z").toEpochMilli();

        assertThat(partitioner.encodePartition(record(0, "v", t)))
                .isEqualTo("year=2026/month=11/day=25/hour=21/minute=30");
    }

    @Test
    void jodaYearOfEraIsNotJavaWeekBasedYear() {
        // 2025-12-29 is a Monday in ISO week 1 of 2026: java.time's YYYY would say 2026.
        var partitioner = new TimeBasedPartitioner(TimeBasedPartitioner.DAILY_PATH_FORMAT, "/",
                TimeBasedPartitioner.DAILY_DURATION_MS, Locale.US, ZoneOffset.UTC, new TimestampExtractor.RecordTime());
        long t = Instant.parse("2025-12-29T10:00:00Z").toEpochMilli();

        assertThat(partitioner.encodePartition(record(0, "v", t))).isEqualTo("year=2025/month=12/day=29");
    }

    @Test
    void hourlyPresetDropsTheTrailingDelimiterAsConfluentDoes() {
        var partitioner = new TimeBasedPartitioner("'dt'=YYYY-MM-dd/'hr'=HH/", "/", 3_600_000L, Locale.ROOT,
                ZoneOffset.UTC, new TimestampExtractor.RecordTime());

        assertThat(partitioner.encodePartition(record(0, "v", Instant.parse("2026-11-25T21:30:00Z").toEpochMilli())))
                .isEqualTo("dt=2026-11-25/hr=21");
    }

    @Test
    void jodaPatternsTranslateLetterByLetter() {
        Instant t = Instant.parse("2026-03-05T04:07:09.123Z");
        assertThat(JodaPattern.toFormatter("yy-M-d H:m:s.SSS", Locale.ROOT).withZone(ZoneOffset.UTC).format(t))
                .isEqualTo("26-3-5 4:7:9.123");
        assertThat(JodaPattern.toFormatter("EEE MMM xxxx-'W'ww-e ''Z''", Locale.US).withZone(ZoneOffset.UTC)
                .format(t)).isEqualTo("Thu Mar 2026-W10-4 'Z'");
        assertThatThrownBy(() -> JodaPattern.toFormatter("year=YYYY", Locale.ROOT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'r'");
    }

    @Test
    void recordExtractorNeedsATimestamp() {
        assertThat(new TimestampExtractor.RecordTime().extract(record(0, "v", 42L))).isEqualTo(42L);
        assertThatThrownBy(() -> new TimestampExtractor.RecordTime().extract(record(0, "v", null)))
                .isInstanceOf(DataException.class);
    }

    @Test
    void recordFieldExtractorReadsNumbersDatesAndIsoStrings() {
        var extractor = new TimestampExtractor.RecordField("meta.at", ZoneId.of("Europe/Paris"));
        long expected = Instant.parse("2026-11-25T21:00:00Z").toEpochMilli();

        assertThat(extractor.extract(record(0, Map.of("meta", Map.of("at", expected)), 0L))).isEqualTo(expected);
        assertThat(extractor.extract(record(0, Map.of("meta", Map.of("at", new java.util.Date(expected))), 0L)))
                .isEqualTo(expected);
        assertThat(extractor.extract(record(0, Map.of("meta", Map.of("at", "2026-11-25T21:00:00Z")), 0L)))
                .isEqualTo(expected);
        assertThat(extractor.extract(record(0, Map.of("meta", Map.of("at", "2026-11-25T22:00:00")), 0L)))
                .isEqualTo(expected);
        assertThatThrownBy(() -> extractor.extract(record(0, Map.of("meta", Map.of("at", "yesterday")), 0L)))
                .isInstanceOf(DataException.class).hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> extractor.extract(record(0, Map.of("meta", Map.of()), 0L)))
                .isInstanceOf(DataException.class).hasMessageContaining("meta.at");
    }

    @Test
    void recordFieldExtractorReadsConnectTimestampsInStructs() {
        Schema schema = SchemaBuilder.struct().field("at", org.apache.kafka.connect.data.Timestamp.SCHEMA).build();
        long expected = 1_764_104_400_000L;
        var value = new Struct(schema).put("at", new java.util.Date(expected));
        var record = new SinkRecord("t", 0, null, null, schema, value, 0);

        assertThat(new TimestampExtractor.RecordField("at", ZoneOffset.UTC).extract(record)).isEqualTo(expected);
    }

    @Test
    void confluentClassNamesAndShortNamesNameTheSamePartitioner() {
        assertThat(PartitionerKind.parse("io.confluent.connect.storage.partitioner.HourlyPartitioner"))
                .isEqualTo(PartitionerKind.HOURLY);
        assertThat(PartitionerKind.parse("Field")).isEqualTo(PartitionerKind.FIELD);
        assertThatThrownBy(() -> PartitionerKind.parse("com.example.Custom"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static SinkRecord record(int partition, Object value, Long timestamp) {
        return new SinkRecord("t", partition, null, null, null, value, 0, timestamp, TimestampType.CREATE_TIME);
    }

    private static SinkRecord structRecord(Struct value) {
        return new SinkRecord("t", 0, null, null, value.schema(), value, 0);
    }
}
