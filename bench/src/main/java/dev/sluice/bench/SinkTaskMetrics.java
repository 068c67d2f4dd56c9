package dev.sluice.bench;

import dev.sluice.runtime.metrics.KafkaMetricsCollector;
import org.apache.kafka.common.MetricName;

/**
 * How many records a sink connector's tasks have finished: Kafka Connect's {@code sink-record-send-total} of each
 * task ({@code sink-task-metrics}), which the worker counts once the task's {@code put} has returned. For a sink whose
 * {@code put} writes its records before returning, as the DynamoDB sink's does, that is the records written.
 *
 * <p>A node's Connect workers report to its {@link KafkaMetricsCollector} (for the admin port's Prometheus page), not
 * to JMX; the benchmark runs the node in its own JVM and reads the collector.
 */
public final class SinkTaskMetrics {

    private static final String GROUP = "sink-task-metrics";
    private static final String SENT = "sink-record-send-total";

    private final String connector;
    private final long bytesPerRecord;

    /** @param bytesPerRecord the bytes to count for each record, for MiB/s */
    public SinkTaskMetrics(String connector, long bytesPerRecord) {
        this.connector = connector;
        this.bytesPerRecord = bytesPerRecord;
    }

    /** The records the connector's tasks have finished so far. */
    public Counts read() {
        long records = 0;
        for (KafkaMetricsCollector.Sample sample : KafkaMetricsCollector.global().samples()) {
            MetricName name = sample.name();
            if (connector.equals(sample.connectorCluster()) && GROUP.equals(name.group())
                    && SENT.equals(name.name()) && connector.equals(name.tags().get("connector"))) {
                records += Math.round(sample.value());
            }
        }
        return new Counts(records, records * bytesPerRecord);
    }
}
