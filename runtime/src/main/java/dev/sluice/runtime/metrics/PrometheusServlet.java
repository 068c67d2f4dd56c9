package dev.sluice.runtime.metrics;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Histogram;
import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Serves the node's metrics in the Prometheus text exposition format (version 0.0.4): the Dropwizard registry
 * (JVM, Jetty, requests) and Kafka Connect's own worker, connector and task metrics.
 */
public class PrometheusServlet extends HttpServlet {

    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final transient MetricRegistry registry;
    private final transient KafkaMetricsCollector kafkaMetrics;

    public PrometheusServlet(MetricRegistry registry, KafkaMetricsCollector kafkaMetrics) {
        this.registry = registry;
        this.kafkaMetrics = kafkaMetrics;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setStatus(HttpServletResponse.SC_OK);
        resp.setContentType(CONTENT_TYPE);
        try (PrintWriter out = resp.getWriter()) {
            PrometheusText text = new PrometheusText(out);
            writeDropwizard(text);
            writeKafka(text);
        }
    }

    private void writeDropwizard(PrometheusText text) {
        registry.getGauges().forEach((name, gauge) -> {
            if (gauge.getValue() instanceof Number n) {
                text.sample(name, "gauge", Map.of(), n.doubleValue());
            }
        });
        for (Map.Entry<String, Counter> e : registry.getCounters().entrySet()) {
            text.sample(e.getKey(), "gauge", Map.of(), e.getValue().getCount());
        }
        for (Map.Entry<String, Meter> e : registry.getMeters().entrySet()) {
            text.sample(e.getKey() + "_total", "counter", Map.of(), e.getValue().getCount());
        }
        for (Map.Entry<String, Histogram> e : registry.getHistograms().entrySet()) {
            text.summary(e.getKey(), e.getValue().getCount(), e.getValue().getSnapshot(), 1.0);
        }
        for (Map.Entry<String, Timer> e : registry.getTimers().entrySet()) {
            text.summary(e.getKey() + "_seconds", e.getValue().getCount(), e.getValue().getSnapshot(), 1e-9);
        }
    }

    private void writeKafka(PrometheusText text) {
        var samples = kafkaMetrics.samples();
        samples.sort(Comparator.comparing((KafkaMetricsCollector.Sample s) -> s.name().group())
                .thenComparing(s -> s.name().name()));
        for (KafkaMetricsCollector.Sample s : samples) {
            SortedMap<String, String> labels = new TreeMap<>(s.name().tags());
            if (!s.connectorCluster().isEmpty()) {
                labels.put("connect_cluster", s.connectorCluster());
            }
            if (s.state() != null) {
                labels.put("state", s.state());
            }
            String name = "kafka_connect_" + s.name().group() + "_" + s.name().name();
            text.sample(name, "gauge", labels, s.value());
        }
    }
}
