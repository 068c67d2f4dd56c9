package dev.sluice.connect.lambda;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;

/**
 * A worker's context as the Lambda trigger task uses it: which partitions are paused, the poll timeouts it asks for,
 * and the records it reports as errant. Calls must come from the task's thread, as with a real worker, whose consumer
 * is not thread-safe; the test checks that.
 */
public final class RecordingContext implements SinkTaskContext {

    private final boolean toleratesErrors;
    private final Set<TopicPartition> paused = Collections.synchronizedSet(new HashSet<>());
    private final List<TopicPartition> everPaused = Collections.synchronizedList(new ArrayList<>());
    private final List<SinkRecord> errant = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> timeouts = Collections.synchronizedList(new ArrayList<>());
    private volatile Thread taskThread;

    public RecordingContext(boolean toleratesErrors) {
        this.toleratesErrors = toleratesErrors;
    }

    public Set<TopicPartition> paused() {
        return Set.copyOf(paused);
    }

    public List<TopicPartition> everPaused() {
        return List.copyOf(everPaused);
    }

    public List<SinkRecord> errant() {
        return List.copyOf(errant);
    }

    public List<Long> timeouts() {
        return List.copyOf(timeouts);
    }

    private void onTaskThread() {
        if (taskThread == null) {
            taskThread = Thread.currentThread();
        } else if (taskThread != Thread.currentThread()) {
            throw new IllegalStateException("The consumer was used from " + Thread.currentThread().getName()
                    + ", not the task's thread " + taskThread.getName());
        }
    }

    @Override
    public ErrantRecordReporter errantRecordReporter() {
        return toleratesErrors ? (record, error) -> {
            errant.add(record);
            return CompletableFuture.completedFuture(null);
        } : null;
    }

    @Override
    public void pause(TopicPartition... partitions) {
        onTaskThread();
        paused.addAll(List.of(partitions));
        everPaused.addAll(List.of(partitions));
    }

    @Override
    public void resume(TopicPartition... partitions) {
        onTaskThread();
        paused.removeAll(List.of(partitions));
    }

    @Override
    public void timeout(long timeoutMs) {
        onTaskThread();
        timeouts.add(timeoutMs);
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
    public Set<TopicPartition> assignment() {
        return Set.of();
    }

    @Override
    public void requestCommit() {
    }

    @Override
    public PluginMetrics pluginMetrics() {
        return null;
    }
}
