package dev.sluice.runtime.metrics;

import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.MetricsReporter;

import java.util.List;
import java.util.Map;

/**
 * Hands the metrics of each connector's Connect worker (worker, connector, task and error metrics) to the node's
 * {@link KafkaMetricsCollector}, so that the admin port can serve them in Prometheus format.
 *
 * <p>Kafka instantiates reporters by class name from the worker config, so the collector is reached through
 * {@link KafkaMetricsCollector#global()}; the worker config names the connector in {@link #CONNECTOR_TAG_CONFIG}.
 */
public class KafkaMetricsReporter implements MetricsReporter {

    public static final String CONNECTOR_TAG_CONFIG = "sluice.metrics.connector";

    private final KafkaMetricsCollector collector;
    private String connector = "";

    public KafkaMetricsReporter() {
        this(KafkaMetricsCollector.global());
    }

    KafkaMetricsReporter(KafkaMetricsCollector collector) {
        this.collector = collector;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        Object name = configs.get(CONNECTOR_TAG_CONFIG);
        connector = name == null ? "" : name.toString();
    }

    @Override
    public void init(List<KafkaMetric> metrics) {
        metrics.forEach(this::metricChange);
    }

    @Override
    public void metricChange(KafkaMetric metric) {
        collector.add(connector, metric);
    }

    @Override
    public void metricRemoval(KafkaMetric metric) {
        collector.remove(connector, metric);
    }

    @Override
    public void close() {
        // the collector outlives workers; each worker's metrics are removed one by one as it closes them
    }
}
