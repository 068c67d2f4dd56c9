package dev.sluice.connect.datagen;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/** A task context whose offset store is a map, filled by "committing" records as the worker would. */
final class FakeSourceTaskContext implements SourceTaskContext, OffsetStorageReader {

    private final Map<Map<String, ?>, Map<String, Object>> committed = new HashMap<>();

    @SuppressWarnings("unchecked")
    void commit(SourceRecord record) {
        committed.put(record.sourcePartition(), (Map<String, Object>) record.sourceOffset());
    }

    @Override
    public Map<String, String> configs() {
        return Map.of();
    }

    @Override
    public OffsetStorageReader offsetStorageReader() {
        return this;
    }

    @Override
    public PluginMetrics pluginMetrics() {
        throw new UnsupportedOperationException();
    }

    @Override
    public <T> Map<String, Object> offset(Map<String, T> partition) {
        return committed.get(partition);
    }

    @Override
    public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
        Map<Map<String, T>, Map<String, Object>> result = new HashMap<>();
        partitions.forEach(p -> result.put(p, committed.get(p)));
        return result;
    }
}
