package dev.sluice.connect.common.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;

/** A worker's context as a sink task sees it: records timeouts, and errant records when errors are tolerated. */
public final class FakeSinkTaskContext implements SinkTaskContext {

    private final List<Long> timeouts = new ArrayList<>();
    private final List<SinkRecord> errant = new ArrayList<>();
    private final List<Throwable> errantErrors = new ArrayList<>();
    private final boolean toleratesErrors;

    /** @param toleratesErrors as with {@code errors.tolerance=all}: the task gets an errant-record reporter */
    public FakeSinkTaskContext(boolean toleratesErrors) {
        this.toleratesErrors = toleratesErrors;
    }

    /** The timeouts the task asked for, in milliseconds, in order. */
    public List<Long> timeouts() {
        return timeouts;
    }

    /** The records the task reported as errant, in order. */
    public List<SinkRecord> errant() {
        return errant;
    }

    /** The error reported with each of {@link #errant()}. */
    public List<Throwable> errantErrors() {
        return errantErrors;
    }

    @Override
    public ErrantRecordReporter errantRecordReporter() {
        if (!toleratesErrors) {
            return null;
        }
        return (record, error) -> {
            errant.add(record);
            errantErrors.add(error);
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
    public PluginMetrics pluginMetrics() {
        return null;
    }
}
