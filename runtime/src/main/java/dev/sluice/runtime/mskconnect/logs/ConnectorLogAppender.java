package dev.sluice.runtime.mskconnect.logs;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * Collects the log events of connectors that deliver their logs, per connector. Kafka Connect puts the connector
 * in the MDC of its threads ({@code connector.context} = {@code "[name|task-0] "}), which is how an event is
 * attributed; events of other threads are not collected.
 */
final class ConnectorLogAppender extends AppenderBase<ILoggingEvent> {

    static final String CONTEXT_KEY = "connector.context";

    private final PatternLayout layout = new PatternLayout();
    private final ConcurrentMap<String, LogBatch> batches = new ConcurrentHashMap<>();
    private final Function<String, Optional<LogDestination>> lookup;
    private volatile ConcurrentMap<String, Optional<LogDestination>> destinations = new ConcurrentHashMap<>();

    /**
     * @param lookup where a connector's logs go, by connector name, for a connector not seen since the last
     *     {@link #deliverFor}: so that a new connector's first lines are collected too
     */
    ConnectorLogAppender(Function<String, Optional<LogDestination>> lookup) {
        this.lookup = lookup;
        setName("sluice-connector-log-delivery");
        layout.setPattern("[%d{ISO8601,UTC}] %-5level %X{" + CONTEXT_KEY + "}%msg \\(%logger\\)%n%ex");
    }

    @Override
    public void start() {
        layout.setContext(getContext());
        layout.start();
        super.start();
    }

    /** The connectors whose logs are collected from now on, by connector name; others are looked up. */
    void deliverFor(Map<String, LogDestination> byName) {
        ConcurrentMap<String, Optional<LogDestination>> known = new ConcurrentHashMap<>();
        byName.forEach((name, destination) -> known.put(name, Optional.of(destination)));
        destinations = known;
    }

    /** The batches collected so far; a batch stays with the destination it was collected for. */
    ConcurrentMap<String, LogBatch> batches() {
        return batches;
    }

    @Override
    protected void append(ILoggingEvent event) {
        String name = connectorOf(event.getMDCPropertyMap().get(CONTEXT_KEY));
        if (name == null) {
            return;
        }
        LogDestination destination = destinations.computeIfAbsent(name, lookup).orElse(null);
        if (destination == null) {
            return;
        }
        batches.computeIfAbsent(destination.connectorId(), id -> new LogBatch(destination))
                .add(layout.doLayout(event));
    }

    /** {@code "[name|task-0] "} → {@code name}; null when the thread is not a connector's. */
    static String connectorOf(String context) {
        if (context == null || !context.startsWith("[")) {
            return null;
        }
        int bar = context.lastIndexOf('|');
        return bar > 1 ? context.substring(1, bar) : null;
    }
}
