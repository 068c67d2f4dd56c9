package dev.sluice.connect.datagen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.apache.kafka.common.utils.MockTime;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class DatagenSourceTaskTest {

    private final MockTime time = new MockTime();
    private final FakeSourceTaskContext context = new FakeSourceTaskContext();

    @Test
    void recordsHaveTheConfiguredSizeKeyAndSchema() {
        var task = startTask(connectorProps("records.per.second", "0", "record.size.bytes", "100"), 1, 0);

        List<SourceRecord> batch = task.poll();

        assertThat(batch).hasSize(500);
        for (int seq = 0; seq < batch.size(); seq++) {
            SourceRecord record = batch.get(seq);
            assertThat(record.topic()).isEqualTo("topic");
            assertThat(record.keySchema()).isEqualTo(Schema.STRING_SCHEMA);
            assertThat(record.key()).isEqualTo(Integer.toString(seq));
            assertThat(record.valueSchema()).isEqualTo(Schema.BYTES_SCHEMA);
            byte[] value = (byte[]) record.value();
            assertThat(value).hasSize(100);
            assertThat(ByteBuffer.wrap(value).getLong()).isEqualTo(seq);
            assertThat(record.sourcePartition()).isEqualTo(Map.of("task", 0));
            assertThat(record.sourceOffset()).isEqualTo(Map.of("seq", (long) seq));
        }
    }

    @Test
    void structValuesWithoutKeys() {
        var task = startTask(connectorProps("records.per.second", "0", "record.size.bytes", "16",
                "schema.enabled", "true", "key.enabled", "false", "batch.size", "3"), 1, 0);

        List<SourceRecord> batch = task.poll();

        assertThat(batch).hasSize(3);
        SourceRecord last = batch.get(2);
        assertThat(last.key()).isNull();
        assertThat(last.keySchema()).isNull();
        assertThat(last.valueSchema()).isEqualTo(RecordGenerator.VALUE_SCHEMA);
        Struct value = (Struct) last.value();
        assertThat(value.getInt64("id")).isEqualTo(2L);
        assertThat(value.getBytes("payload")).hasSize(16);
    }

    @Test
    void payloadsShorterThanASequenceNumberKeepItsLowBytes() {
        var generator = new RecordGenerator(DatagenConfig.parse(connectorProps("record.size.bytes", "2")), Map.of());

        assertThat(generator.payload(0x0102)).containsExactly(1, 2);
        assertThat(new RecordGenerator(DatagenConfig.parse(connectorProps("record.size.bytes", "0")), Map.of())
                .payload(7)).isEmpty();
    }

    @Test
    void maxRecordsIsSplitExactlyBetweenTasks() {
        var connector = new DatagenSourceConnector();
        connector.start(connectorProps("records.per.second", "0", "max.records", "1001", "batch.size", "64"));
        List<Map<String, String>> taskConfigs = connector.taskConfigs(3);

        List<Long> keys = new ArrayList<>();
        for (Map<String, String> taskConfig : taskConfigs) {
            var task = new DatagenSourceTask(time);
            task.initialize(context);
            task.start(taskConfig);
            drain(task).forEach(r -> keys.add(Long.parseLong((String) r.key())));
        }

        assertThat(taskConfigs).hasSize(3);
        assertThat(keys).hasSize(1001).containsExactlyInAnyOrderElementsOf(LongStream.range(0, 1001).boxed().toList());
    }

    @Test
    void restartResumesAfterTheCommittedOffsetWithoutDuplicates() {
        Map<String, String> props = connectorProps("records.per.second", "0", "max.records", "250", "batch.size", "40");
        var first = startTask(props, 2, 1);
        List<SourceRecord> beforeRestart = new ArrayList<>(first.poll());
        beforeRestart.addAll(first.poll());
        // The worker committed only the first batch before the task was stopped.
        context.commit(beforeRestart.get(39));
        first.stop();

        var second = startTask(props, 2, 1);
        List<SourceRecord> afterRestart = drain(second);

        assertThat(keys(afterRestart)).first().isEqualTo(81L);
        List<Long> committedThenResumed = new ArrayList<>(keys(beforeRestart.subList(0, 40)));
        committedThenResumed.addAll(keys(afterRestart));
        assertThat(committedThenResumed)
                .containsExactlyElementsOf(LongStream.range(0, 250).filter(s -> s % 2 == 1).boxed().toList());
    }

    @Test
    void throttlesToItsShareOfTheRate() {
        var task = startTask(connectorProps("records.per.second", "2000", "batch.size", "100"), 2, 0);
        long start = time.milliseconds();

        long produced = 0;
        while (time.milliseconds() - start < 10_000) {
            List<SourceRecord> batch = task.poll();
            produced += batch == null ? 0 : batch.size();
        }

        // Task 0 of 2 gets 1000 records per second: 10,000 over 10 s, give or take one batch.
        assertThat(produced).isBetween(9_900L, 10_100L);
    }

    @Test
    void idlesOnceItsShareIsProduced() {
        var task = startTask(connectorProps("records.per.second", "0", "max.records", "5"), 1, 0);

        assertThat(task.poll()).hasSize(5);
        long before = time.milliseconds();
        assertThat(task.poll()).isNull();
        assertThat(time.milliseconds() - before).isEqualTo(DatagenSourceTask.IDLE_PAUSE_MS);
    }

    @Test
    void pollReturnsNothingAfterStop() {
        var task = startTask(connectorProps("records.per.second", "0"), 1, 0);

        task.stop();

        assertThat(task.poll()).isNull();
    }

    @Test
    void versionComesFromTheBuild() {
        assertThat(new DatagenSourceConnector().version()).isNotBlank().isNotEqualTo("unknown")
                .doesNotContain("${");
    }

    private DatagenSourceTask startTask(Map<String, String> connectorProps, int taskCount, int taskId) {
        var connector = new DatagenSourceConnector();
        connector.start(connectorProps);
        var task = new DatagenSourceTask(time);
        task.initialize(context);
        task.start(connector.taskConfigs(taskCount).get(taskId));
        return task;
    }

    private static List<SourceRecord> drain(DatagenSourceTask task) {
        List<SourceRecord> records = new ArrayList<>();
        for (List<SourceRecord> batch = task.poll(); batch != null; batch = task.poll()) {
            records.addAll(batch);
        }
        return records;
    }

    private static List<Long> keys(List<SourceRecord> records) {
        return records.stream().map(r -> Long.parseLong((String) r.key())).toList();
    }

    private static Map<String, String> connectorProps(String... keyValues) {
        Map<String, String> props = new HashMap<>();
        props.put("name", "datagen");
        props.put(DatagenConfig.TOPIC, "topic");
        for (int i = 0; i < keyValues.length; i += 2) {
            props.put(keyValues[i], keyValues[i + 1]);
        }
        return props;
    }
}
