package dev.sluice.runtime.metrics;

import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.KafkaMetric;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The Kafka metrics of every Connect worker of this node, keyed by the connector whose cluster owns them. */
public final class KafkaMetricsCollector {

    private static final KafkaMetricsCollector GLOBAL = new KafkaMetricsCollector();

    private final ConcurrentMap<Key, KafkaMetric> metrics = new ConcurrentHashMap<>();

    public static KafkaMetricsCollector global() {
        return GLOBAL;
    }

    void add(String connectorCluster, KafkaMetric metric) {
        metrics.put(new Key(connectorCluster, metric.metricName()), metric);
    }

    void remove(String connectorCluster, KafkaMetric metric) {
        metrics.remove(new Key(connectorCluster, metric.metricName()), metric);
    }

    /** A point-in-time copy, so a scrape does not race with workers starting or stopping. */
    public List<Sample> samples() {
        List<Sample> out = new ArrayList<>(metrics.size());
        metrics.forEach((key, metric) -> {
            Object value = metric.metricValue();
            if (value instanceof Number number) {
                out.add(new Sample(key.connectorCluster(), key.name(), number.doubleValue(), null));
            } else if (value instanceof String text) {
                // Connect reports states as text ("running", "paused"): one sample labelled with the state
                out.add(new Sample(key.connectorCluster(), key.name(), 1.0, text));
            }
        });
        return out;
    }

    /** One value; {@code state} is set, and {@code value} is 1, for metrics whose value is a state name. */
    public record Sample(String connectorCluster, MetricName name, double value, String state) {
    }

    private record Key(String connectorCluster, MetricName name) {
    }
}
