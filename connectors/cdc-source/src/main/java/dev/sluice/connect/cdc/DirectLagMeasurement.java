package dev.sluice.connect.cdc;

import static dev.sluice.connect.cdc.DebeziumMetricsSwaps.field;

import io.debezium.metrics.event.LagBehindSourceEvent;
import io.debezium.metrics.stats.LagBehindSourceMeasurement;
import io.debezium.metrics.stats.MeasurementCollector;
import io.debezium.pipeline.ChangeEventSourceCoordinator;
import io.debezium.pipeline.meters.StreamingMeter;
import io.debezium.pipeline.metrics.DefaultStreamingChangeEventSourceMetrics;
import java.lang.reflect.Field;

/**
 * Measures Debezium 3.6.1's streaming lag (the JMX {@code MilliSecondsBehindSource} attributes and their statistics)
 * on the change-event-source coordinator thread, where the change is, instead of handing every change to a
 * {@link MeasurementCollector} thread through a queue. That hand-off wakes a second thread for each change (the
 * benchmark saw it use a tenth of the worker's CPU while the connector streamed), and once that thread falls behind,
 * Debezium logs "Failed to add measurement event to queue, queue is full" for each change it drops. Updating the lag
 * takes less than handing it over. Every metric keeps its meaning; the lag is current at once rather than a moment
 * later.
 *
 * <p>As with {@link LazyLastEvent}, Debezium has no hook: {@link StreamingMeter} makes its collector with {@code new}
 * and keeps it in a private final field. After the task has started, this replaces it by reflection with a
 * {@link Collector} that applies the meter's own lag measurement directly, and stops the replaced collector's thread.
 * If a Debezium upgrade renames the fields, this logs a warning and leaves Debezium as it is.
 */
public final class DirectLagMeasurement {

    private static final Field STREAMING_METRICS;
    private static final Field STREAMING_METER;
    private static final Field COLLECTOR;
    private static final Field LAG;
    private static final RuntimeException UNAVAILABLE;
    private static final String UNCHANGED = "The streaming lag stays measured on a thread of its own";

    static {
        Field metrics = null, meter = null, collector = null, lag = null;
        RuntimeException unavailable = null;
        try {
            metrics = field(ChangeEventSourceCoordinator.class, "streamingMetrics");
            meter = field(DefaultStreamingChangeEventSourceMetrics.class, "streamingMeter");
            collector = field(StreamingMeter.class, "measurementCollector");
            lag = field(StreamingMeter.class, "lagBehindSourceMeasurement");
            if (collector.getType() != MeasurementCollector.class
                    || lag.getType() != LagBehindSourceMeasurement.class) {
                throw new IllegalStateException("StreamingMeter's collector is a " + collector.getType()
                        + " and its lag a " + lag.getType());
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            unavailable = new IllegalStateException("Debezium's streaming meter is not laid out as in 3.6.1", e);
        }
        STREAMING_METRICS = metrics;
        STREAMING_METER = meter;
        COLLECTOR = collector;
        LAG = lag;
        UNAVAILABLE = unavailable;
    }

    private DirectLagMeasurement() {
    }

    /** Whether the fields this needs are there (they are in Debezium 3.6.1). */
    static boolean available() {
        return UNAVAILABLE == null;
    }

    /**
     * Measures the lag directly in the streaming metrics of a started coordinator. Lag measurements still queued for
     * the replaced collector's thread are dropped: the next change measures the lag again.
     */
    public static void install(ChangeEventSourceCoordinator<?, ?> coordinator) {
        DebeziumMetricsSwaps.install(coordinator, UNAVAILABLE, UNCHANGED,
                DirectLagMeasurement::installOn, STREAMING_METRICS);
    }

    /** Swaps the collector of one metrics object; false if it is not Debezium's streaming metrics. */
    static boolean installOn(Object metrics) throws IllegalAccessException {
        if (!(metrics instanceof DefaultStreamingChangeEventSourceMetrics)) {
            return false;
        }
        Object meter = STREAMING_METER.get(metrics);
        MeasurementCollector<?> current = (MeasurementCollector<?>) COLLECTOR.get(meter);
        if (!(current instanceof Collector)) {
            COLLECTOR.set(meter, new Collector((LagBehindSourceMeasurement) LAG.get(meter)));
            current.stop();
        }
        return true;
    }

    /** Debezium's collector, less its queue and thread: each lag goes straight to the meter's measurement. */
    static final class Collector extends MeasurementCollector<LagBehindSourceEvent> {

        private final LagBehindSourceMeasurement lag;

        Collector(LagBehindSourceMeasurement lag) {
            this.lag = lag;
        }

        @Override
        public void accept(LagBehindSourceEvent event) {
            lag.accept(event);
        }

        /** The meter registers its lag measurement in its constructor, before this replaces its collector. */
        @Override
        public void addMeasurement(Class<LagBehindSourceEvent> type,
                io.debezium.metrics.stats.Measurement<LagBehindSourceEvent> measurement) {
        }

        @Override
        public void start() {
        }

        @Override
        public void stop() {
        }

        /** Debezium's own reset only empties the queue, which this has not. */
        @Override
        public void reset() {
        }
    }
}
