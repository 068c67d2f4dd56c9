package dev.sluice.connect.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;

/** A worker's context as a task sees it: records timeouts, and errant records when errors are tolerated. */
final class FakeSinkTaskContext implements SinkTaskContext {

    final List<Long> timeouts = new ArrayList<>();
    final List<SinkRecord> errant = new ArrayList<>();
    private final boolean toleratesErrors;

    FakeSinkTaskContext(boolean toleratesErrors) {
        this.toleratesErrors = toleratesErrors;
    }

    @Override
    public ErrantRecordReporter errantRecordReporter() {
        if (!toleratesErrors) {
            return null;
        }
        return (record, error) -> {
            errant.add(record);
            return CompletableFuture.completedFuture(null);
        };
    }

    @Override
    public Map<String, String> configs() {
        return Map.of();
    }

    @Override
    public void offset(Map<TopicPartition, Long> offsets) {
    }

    @Override
    public void offset(TopicPartition tp, long offset) {
    }

    @Override
    public void timeout(long timeoutMs) {
        timeouts.add(timeoutMs);
    }

    @Override
    public Set<TopicPartition> assignment() {
        return Set.of();
    }

    @Override
    public void pause(TopicPartition... partitions) {
    }

    @Override
    public void resume(TopicPartition... partitions) {
    }

    @Override
    public void requestCommit() {
    }

    @Override
    public org.apache.kafka.common.metrics.PluginMetrics pluginMetrics() {
        return null;
    }
}
