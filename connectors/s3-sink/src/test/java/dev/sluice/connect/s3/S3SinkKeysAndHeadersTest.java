package dev.sluice.connect.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.sluice.connect.common.testing.FakeSinkTaskContext;
import dev.sluice.connect.common.testing.MutableClock;
import dev.sluice.connect.s3.format.RecordFormats;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code store.kafka.keys} and {@code store.kafka.headers}: objects beside the values, as Confluent writes them. */
class S3SinkKeysAndHeadersTest {

    private static final String TOPIC = "orders";
    private static final TopicPartition TP0 = new TopicPartition(TOPIC, 0);
    private static final String DIR = "topics/orders/partition=0/orders+0+";
    private static final String REGION_DIR = "topics/orders/region=";

    @TempDir
    Path spillDir;

    private final FakeS3 s3 = new FakeS3("bucket");
    private FakeSinkTaskContext context;
    private S3SinkTask task;

    @AfterEach
    void stop() {
        if (task != null) {
            task.stop();
        }
    }

    @Test
    void eachValueObjectHasKeysAndHeadersObjectsWithOneEntryPerRecordInOrder() {
        start(Map.of("flush.size", "3"), false);

        task.put(List.of(record(0, "k0", "a"), record(1, "k1", "b"), record(2, "k2", "c"), record(3, "k3", "d")));

        assertThat(s3.objectsAsText()).containsExactly(
                entry(DIR + "0000000000.headers.json", headers(0) + headers(1) + headers(2)),
                entry(DIR + "0000000000.json", "\"a\"\n\"b\"\n\"c\"\n"),
                entry(DIR + "0000000000.keys.json", "\"k0\"\n\"k1\"\n\"k2\"\n"));
        assertThat(task.preCommit(Map.of())).containsExactly(entry(TP0, new OffsetAndMetadata(3)));
    }

    @Test
    void everyEncodedPartitionHasItsOwnKeysAndHeadersUnderItsStartOffset() {
        start(Map.of("flush.size", "4", "partitioner.class", "field", "partition.field.name", "region",
                "store.kafka.headers", "false"), false);

        task.put(List.of(record(0, "k0", Map.of("region", "eu")), record(1, "k1", Map.of("region", "us")),
                record(2, "k2", Map.of("region", "eu")), record(3, "k3", Map.of("region", "us"))));

        assertThat(s3.objectsAsText()).containsOnly(
                entry(REGION_DIR + "eu/orders+0+0000000000.json", "{\"region\":\"eu\"}\n{\"region\":\"eu\"}\n"),
                entry(REGION_DIR + "eu/orders+0+0000000000.keys.json", "\"k0\"\n\"k2\"\n"),
                entry(REGION_DIR + "us/orders+0+0000000001.json", "{\"region\":\"us\"}\n{\"region\":\"us\"}\n"),
                entry(REGION_DIR + "us/orders+0+0000000001.keys.json", "\"k1\"\n\"k3\"\n"));
    }

    @Test
    void aNullKeyIsABadRecordWrittenToNoObject() {
        start(Map.of("flush.size", "2"), true);

        task.put(List.of(record(0, "k0", "a"), record(1, null, "b"), record(2, "k2", "c")));

        assertThat(context.errant()).extracting(SinkRecord::kafkaOffset).containsExactly(1L);
        assertThat(context.errantErrors().get(0)).hasMessageContaining("key of orders-0@1 is null");
        assertThat(s3.objectsAsText()).containsExactly(
                entry(DIR + "0000000000.headers.json", headers(0) + headers(2)),
                entry(DIR + "0000000000.json", "\"a\"\n\"c\"\n"),
                entry(DIR + "0000000000.keys.json", "\"k0\"\n\"k2\"\n"));
        assertThat(task.preCommit(Map.of())).containsExactly(entry(TP0, new OffsetAndMetadata(3)));
    }

    @Test
    void aRecordWithoutHeadersIsABadRecordAsInConfluent() {
        start(Map.of("flush.size", "1"), false);
        var bare = new SinkRecord(TOPIC, 0, Schema.STRING_SCHEMA, "k0", Schema.STRING_SCHEMA, "a", 0);

        assertThatThrownBy(() -> task.put(List.of(bare)))
                .hasMessageContaining("offset 0 of orders-0").hasMessageContaining("has no headers");
        assertThat(s3.objectsAsText()).isEmpty();
    }

    @Test
    void tombstonesAreWrittenAsKeysAndHeadersOnlyAsInConfluent() {
        start(Map.of("flush.size", "3", "behavior.on.null.values", "write"), false);

        task.put(List.of(record(0, "k0", "a"), record(1, "gone", null), record(2, "k2", "b")));

        assertThat(s3.objectsAsText()).containsOnly(
                entry(DIR + "0000000000.json", "\"a\"\n\"b\"\n"),
                entry(DIR + "0000000000.keys.json", "\"k0\"\n\"k2\"\n"),
                entry(DIR + "0000000000.headers.json", headers(0) + headers(2)),
                entry("topics/orders/tombstone/orders+0+0000000001.keys.json", "\"gone\"\n"),
                entry("topics/orders/tombstone/orders+0+0000000001.headers.json", headers(1)));
    }

    @Test
    void aFailedKeysUploadIsRetriedOnRedeliveryAndEachObjectWrittenOnce() {
        start(Map.of("flush.size", "2"), false);
        List<SinkRecord> batch = List.of(record(0, "k0", "a"), record(1, "k1", "b"), record(2, "k2", "c"));
        s3.failNextPutsOf(".keys.json", 1);

        assertThatThrownBy(() -> task.put(batch)).isInstanceOf(RetriableException.class);
        assertThat(s3.objectsAsText()).containsOnlyKeys(DIR + "0000000000.json");
        assertThat(task.preCommit(Map.of())).isEmpty();

        task.put(batch); // the worker delivers the same batch again
        task.put(List.of(record(3, "k3", "d")));

        assertThat(s3.calls().stream().filter("PutObject"::equals)).hasSize(7); // 6 objects, one put failed once
        assertThat(s3.objectsAsText()).containsExactly(
                entry(DIR + "0000000000.headers.json", headers(0) + headers(1)),
                entry(DIR + "0000000000.json", "\"a\"\n\"b\"\n"),
                entry(DIR + "0000000000.keys.json", "\"k0\"\n\"k1\"\n"),
                entry(DIR + "0000000002.headers.json", headers(2) + headers(3)),
                entry(DIR + "0000000002.json", "\"c\"\n\"d\"\n"),
                entry(DIR + "0000000002.keys.json", "\"k2\"\n\"k3\"\n"));
        assertThat(task.preCommit(Map.of())).containsExactly(entry(TP0, new OffsetAndMetadata(4)));
    }

    @Test
    void compressionAppliesToTheKeysAndHeadersObjectsToo() {
        start(Map.of("flush.size", "1", "s3.compression.type", "gzip"), false);

        task.put(List.of(record(0, "k0", "a")));

        assertThat(s3.objectsAsText()).containsOnlyKeys(DIR + "0000000000.json.gz",
                DIR + "0000000000.keys.json.gz", DIR + "0000000000.headers.json.gz");
    }

    /** JSON values, keys and headers; keys and headers stored unless overridden. */
    private void start(Map<String, String> overrides, boolean toleratesErrors) {
        Map<String, String> props = new HashMap<>(Map.of("name", "orders-to-s3", "topics", TOPIC,
                "s3.bucket.name", "bucket", "format.class", "json", "s3.spill.dir", spillDir.toString(),
                "store.kafka.keys", "true", "keys.format.class", "json",
                "store.kafka.headers", "true",
                "headers.format.class", "io.confluent.connect.s3.format.json.JsonFormat"));
        props.putAll(overrides);
        task = new S3SinkTask(s3, new MutableClock(Instant.EPOCH), RecordFormats::create);
        context = new FakeSinkTaskContext(toleratesErrors);
        task.initialize(context);
        task.start(props);
        task.open(List.of(TP0));
    }

    private static SinkRecord record(long offset, String key, Object value) {
        var headers = new ConnectHeaders().addString("trace", "t" + offset).addInt("attempt", (int) offset);
        return new SinkRecord(TOPIC, 0, Schema.OPTIONAL_STRING_SCHEMA, key, null, value, offset, 0L,
                TimestampType.CREATE_TIME, headers);
    }

    /** The headers line of {@link #record}, as Confluent's header view and JsonFormat write it. */
    private static String headers(long offset) {
        return "[{\"key\":\"trace\",\"value\":\"t" + offset + "\"},{\"key\":\"attempt\",\"value\":\"" + offset
                + "\"}]\n";
    }
}
