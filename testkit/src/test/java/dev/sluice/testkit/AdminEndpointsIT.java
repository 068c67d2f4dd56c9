package dev.sluice.testkit;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The admin port: health checks, and metrics in Prometheus format that include Connect's own. */
class AdminEndpointsIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void healthChecksReportKafkaAndTheHerders() throws Exception {
        HttpResponse<String> health = get("/healthcheck");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"kafka\"").contains("\"connect-herders\"").contains("\"healthy\":true");
    }

    @Test
    void prometheusMetricsIncludeConnectorAndTaskMetrics() throws Exception {
        ConnectRestClient api = SluiceTestEnvironment.get().connect();
        assertThat(api.createConnector("metrics-sink", Map.of(
                "connector.class", "dev.sluice.connect.discard.DiscardSinkConnector",
                "topics", "metrics-topic")).status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(60)).until(() -> api.hasState("metrics-sink", "RUNNING", 1));

        HttpResponse<String> metrics = get("/metrics/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("content-type").orElse("")).startsWith("text/plain");
        assertThat(metrics.body())
                .contains("# TYPE io_dropwizard_jetty_MutableServletContextHandler_requests_seconds summary")
                .contains("kafka_connect_connector_metrics_status{connect_cluster=\"metrics-sink\","
                        + "connector=\"metrics-sink\",state=\"running\"} 1.0")
                .containsPattern("kafka_connect_sink_task_metrics_sink_record_read_total\\{[^}]*task=\"0\"");
        assertThat(api.delete("/connectors/metrics-sink").status()).isEqualTo(204);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        String url = SluiceTestEnvironment.get().node().adminUrl() + path;
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
