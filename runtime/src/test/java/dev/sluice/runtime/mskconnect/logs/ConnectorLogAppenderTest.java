package dev.sluice.runtime.mskconnect.logs;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectorLogAppenderTest {

    private final LoggerContext context = new LoggerContext();
    private final ConnectorLogAppender appender = new ConnectorLogAppender(name -> java.util.Optional.empty());

    private void log(String connectorContext, String message) {
        LoggingEvent event = new LoggingEvent("test", context.getLogger("org.example.Task"), Level.INFO, message,
                null, null);
        event.setMDCPropertyMap(connectorContext == null ? Map.of()
                : Map.of(ConnectorLogAppender.CONTEXT_KEY, connectorContext));
        appender.doAppend(event);
    }

    @Test
    void collectsTheLinesOfConnectorsThatDeliverTheirLogsOnly() {
        appender.setContext(context);
        appender.start();
        appender.deliverFor(Map.of("orders", new LogDestination("orders", "abc-1", "logs", "")));

        log("[orders|task-0] ", "started");
        log("[orders|worker] ", "configured");
        log("[payments|task-0] ", "not delivered");
        log(null, "a node line");

        var lines = appender.batches().get("abc-1").drain();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("INFO").contains("[orders|task-0] started").contains("(org.example.Task)");
        assertThat(lines.get(1)).contains("[orders|worker] configured");
        assertThat(appender.batches()).containsOnlyKeys("abc-1");
    }

    @Test
    void aConnectorCreatedSinceTheLastRefreshIsLookedUpSoItsFirstLinesAreKept() {
        ConnectorLogAppender lookingUp = new ConnectorLogAppender(name -> name.equals("fresh")
                ? java.util.Optional.of(new LogDestination("fresh", "f-1", "logs", "p")) : java.util.Optional.empty());
        lookingUp.setContext(context);
        lookingUp.start();
        LoggingEvent event = new LoggingEvent("test", context.getLogger("x"), Level.INFO, "first line", null, null);
        event.setMDCPropertyMap(Map.of(ConnectorLogAppender.CONTEXT_KEY, "[fresh|task-0] "));
        lookingUp.doAppend(event);

        assertThat(lookingUp.batches().get("f-1").drain()).singleElement().asString().contains("first line");
    }

    @Test
    void connectorNamesMayHoldBars() {
        assertThat(ConnectorLogAppender.connectorOf("[a|b|task-3] ")).isEqualTo("a|b");
        assertThat(ConnectorLogAppender.connectorOf("")).isNull();
        assertThat(ConnectorLogAppender.connectorOf(null)).isNull();
    }

    @Test
    void aBatchIsBoundedAndSaysHowManyLinesItDropped() {
        LogBatch batch = new LogBatch(new LogDestination("c", "id", "b", ""));
        String line = "x".repeat(1024) + "\n";
        for (int i = 0; i < 5000; i++) {
            batch.add(line);
        }
        var drained = batch.drain();
        assertThat(drained).hasSize(LogBatch.MAX_BYTES / line.length() + 1);
        assertThat(drained.get(drained.size() - 1)).contains((5000 - LogBatch.MAX_BYTES / line.length())
                + " log lines of this connector were dropped");
        assertThat(batch.drain()).isEmpty();
    }
}
