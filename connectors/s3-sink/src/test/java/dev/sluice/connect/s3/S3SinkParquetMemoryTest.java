package dev.sluice.connect.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.connect.common.testing.FakeSinkTaskContext;
import dev.sluice.connect.common.testing.MutableClock;
import dev.sluice.connect.s3.format.RecordFormats;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Open Parquet objects hold their row group in heap, outside any buffer that could spill; the task's memory
 * budget counts it, and the heap stays within the budget plus one row group per open Parquet object.
 */
class S3SinkParquetMemoryTest {

    private static final String TOPIC = "blobs";
    private static final int PARTITIONS = 100;
    private static final long BUDGET = 1024 * 1024;
    private static final long ROW_GROUP = 1024 * 1024;
    private static final int ROW_BYTES = 4096;
    private static final Schema BLOB = SchemaBuilder.struct().name("Blob")
            .field("id", Schema.INT64_SCHEMA)
            .field("data", Schema.STRING_SCHEMA)
            .build();

    @TempDir
    Path spillDir;

    private final FakeS3 s3 = new FakeS3("bucket");
    private final Random random = new Random(7);
    private S3SinkTask task;

    @AfterEach
    void stop() {
        task.stop();
    }

    @Test
    void theBudgetCountsWhatOpenParquetWritersHoldAndTheHeapStaysWithinTheStatedBound() throws Exception {
        task = new S3SinkTask(s3, new MutableClock(Instant.EPOCH), RecordFormats::create);
        task.initialize(new FakeSinkTaskContext(false));
        task.start(Map.of("name", "blobs-to-s3", "topics", TOPIC, "s3.bucket.name", "bucket",
                "format.class", "parquet", "flush.size", "4", "s3.spill.dir", spillDir.toString(),
                "s3.memory.budget.bytes", Long.toString(BUDGET),
                "parquet.row.group.size.bytes", Long.toString(ROW_GROUP)));
        List<TopicPartition> tps = IntStream.range(0, PARTITIONS).mapToObj(p -> new TopicPartition(TOPIC, p)).toList();
        task.open(tps);

        for (int offset = 0; offset < 3; offset++) {
            int o = offset;
            task.put(tps.stream().map(tp -> blob(tp, o)).toList());
        }

        long held = task.heldBytes();
        assertThat(held).as("the open row groups hold at least the rows' data")
                .isGreaterThanOrEqualTo((long) PARTITIONS * 3 * ROW_BYTES);
        assertThat(task.memoryBudget().used()).as("the budget counts them, beyond its capacity")
                .isGreaterThanOrEqualTo(held).isGreaterThan(BUDGET);
        assertThat(task.memoryBudget().peak()).as("budget + open Parquet objects × row group size")
                .isLessThanOrEqualTo(BUDGET + PARTITIONS * ROW_GROUP);
        assertThat(task.memoryBudget().peak() - held).as("what the buffers hold stays within the budget")
                .isLessThanOrEqualTo(BUDGET);
        assertThat(s3.objectsAsText()).isEmpty();

        task.put(tps.stream().map(tp -> blob(tp, 3)).toList());

        assertThat(task.heldBytes()).isZero();
        assertThat(task.memoryBudget().used()).isZero();
        assertThat(s3.objectsAsText()).hasSize(PARTITIONS).allSatisfy((key, text) -> {
            assertThat(key).endsWith("+0000000000.snappy.parquet");
            byte[] object = s3.object(key);
            assertThat(new String(Arrays.copyOfRange(object, object.length - 4, object.length),
                    StandardCharsets.US_ASCII)).isEqualTo("PAR1");
            assertThat(object.length).isGreaterThan(4 * ROW_BYTES);
        });
        try (var files = Files.list(spillDir)) {
            assertThat(files.count()).isZero();
        }
    }

    private SinkRecord blob(TopicPartition tp, long offset) {
        var data = new StringBuilder(ROW_BYTES);
        for (int i = 0; i < ROW_BYTES; i++) {
            data.append((char) ('a' + random.nextInt(26)));
        }
        Struct value = new Struct(BLOB).put("id", offset).put("data", data.toString());
        return new SinkRecord(tp.topic(), tp.partition(), null, null, BLOB, value, offset);
    }
}
