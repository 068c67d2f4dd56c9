package dev.sluice.connect.discard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.utils.MockTime;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DiscardSinkTaskTest {

    private final MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();
    private final MockTime time = new MockTime();
    private DiscardSinkTask task;

    @AfterEach
    void stopTask() {
        if (task != null) {
            task.stop();
        }
    }

    @Test
    void countsRecordsAndValueBytesOverJmx() throws Exception {
        task = startTask("bench-sink", 1);

        task.put(List.of(record(new byte[100]), record(new byte[24]), record("not bytes"), record(null)));
        task.put(List.of(record(new byte[1])));

        ObjectName name = new ObjectName("dev.sluice.connect.discard:type=DiscardSink,connector=bench-sink,task=1");
        assertThat(mbeans.getAttribute(name, "RecordCount")).isEqualTo(5L);
        assertThat(mbeans.getAttribute(name, "ByteCount")).isEqualTo(125L);
        assertThat(mbeans.queryNames(new ObjectName("dev.sluice.connect.discard:type=DiscardSink,*"), null))
                .containsExactly(name);
    }

    @Test
    void stopUnregistersTheCounters() {
        task = startTask("stopped", 0);
        ObjectName name = DiscardSinkCounters.objectName("stopped", 0);
        assertThat(mbeans.isRegistered(name)).isTrue();

        task.stop();
        task = null;

        assertThat(mbeans.isRegistered(name)).isFalse();
    }

    @Test
    void connectorNamesThatJmxReservesAreQuoted() throws Exception {
        task = startTask("a,b=c", 0);

        task.put(List.of(record(new byte[3])));

        ObjectName name = new ObjectName(
                "dev.sluice.connect.discard:type=DiscardSink,connector=" + ObjectName.quote("a,b=c") + ",task=0");
        assertThat(mbeans.getAttribute(name, "ByteCount")).isEqualTo(3L);
    }

    @Test
    void invalidLogIntervalIsNamed() {
        var connector = new DiscardSinkConnector();

        assertThatThrownBy(() -> connector.start(Map.of("name", "s", DiscardSinkConfig.LOG_EVERY_RECORDS, "-1")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(DiscardSinkConfig.LOG_EVERY_RECORDS);
        assertThat(connector.validate(Map.of(DiscardSinkConfig.LOG_EVERY_RECORDS, "many")).configValues())
                .filteredOn(v -> !v.errorMessages().isEmpty())
                .extracting(v -> v.name())
                .containsExactly(DiscardSinkConfig.LOG_EVERY_RECORDS);
    }

    @Test
    void progressIsLoggedEachTimeTheCountPassesAMultiple() {
        var progress = new ProgressLog(time, 100);

        assertThat(progress.update(99)).isFalse();
        time.sleep(1000);
        assertThat(progress.update(150)).isTrue();
        assertThat(progress.update(199)).isFalse();
        assertThat(progress.update(450)).isTrue();
        assertThat(progress.update(499)).isFalse();
        assertThat(progress.update(500)).isTrue();
    }

    @Test
    void versionComesFromTheBuild() {
        assertThat(new DiscardSinkConnector().version()).isNotBlank().isNotEqualTo("unknown")
                .doesNotContain("${");
    }

    /** Starts task {@code taskId} of a connector with {@code taskId + 1} tasks, as the worker would. */
    private DiscardSinkTask startTask(String connectorName, int taskId) {
        var connector = new DiscardSinkConnector();
        connector.start(Map.of("name", connectorName, "topics", "in"));
        var started = new DiscardSinkTask(time);
        started.start(connector.taskConfigs(taskId + 1).get(taskId));
        return started;
    }

    private static SinkRecord record(Object value) {
        return new SinkRecord("in", 0, null, null, value == null ? null : Schema.OPTIONAL_BYTES_SCHEMA, value, 0);
    }
}
