package dev.sluice.connect.cdc;

import static dev.sluice.connect.cdc.DebeziumMetricsSwaps.field;

import io.debezium.connector.common.CdcSourceTaskContext;
import io.debezium.data.Envelope.Operation;
import io.debezium.pipeline.ChangeEventSourceCoordinator;
import io.debezium.pipeline.meters.CommonEventMeter;
import io.debezium.pipeline.metrics.PipelineMetrics;
import io.debezium.pipeline.source.spi.EventMetadataProvider;
import io.debezium.pipeline.spi.OffsetContext;
import io.debezium.spi.schema.DataCollectionId;
import io.debezium.util.Clock;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;

/**
 * Makes the JMX {@code LastEvent} attribute of Debezium 3.6.1's snapshot and streaming metrics lazy. Debezium's
 * {@link CommonEventMeter#onEvent} renders every change as that string ({@link EventMetadataProvider#toSummaryString},
 * the key as JSON with a new ObjectMapper each time) on the change-event-source coordinator thread; here the meter only
 * keeps a reference to the last change, and the string is rendered when someone reads the attribute. Every other
 * metric is Debezium's and counts as before. (Upstream made the rendering cheap after 3.6.1: debezium/dbz#2492.)
 *
 * <p>Debezium has no hook for this: {@code PostgresConnectorTask.start(Configuration)} creates its
 * {@code DefaultChangeEventSourceMetricsFactory}, metadata provider and coordinator with {@code new}, and
 * {@link PipelineMetrics} keeps its meter in a private final field. So, after the task has started, this replaces that
 * field by reflection with a {@link Meter} that wraps the meter Debezium made. The fields are looked up once; if a
 * Debezium upgrade renames them, this logs a warning and leaves Debezium as it is.
 */
public final class LazyLastEvent {

    private static final Field SNAPSHOT_METRICS;
    private static final Field STREAMING_METRICS;
    private static final Field METER;
    private static final Field PROVIDER;
    private static final Field TASK_CONTEXT;
    private static final RuntimeException UNAVAILABLE;
    private static final String UNCHANGED = "JMX LastEvent stays eager (Debezium renders every change)";

    static {
        Field snapshot = null, streaming = null, meter = null, provider = null, taskContext = null;
        RuntimeException unavailable = null;
        try {
            snapshot = field(ChangeEventSourceCoordinator.class, "snapshotMetrics");
            streaming = field(ChangeEventSourceCoordinator.class, "streamingMetrics");
            meter = field(PipelineMetrics.class, "commonEventMeter");
            provider = field(PipelineMetrics.class, "metadataProvider");
            taskContext = field(PipelineMetrics.class, "taskContext");
            if (meter.getType() != CommonEventMeter.class) {
                throw new IllegalStateException("PipelineMetrics.commonEventMeter is a " + meter.getType());
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            unavailable = new IllegalStateException("Debezium's metrics are not laid out as in 3.6.1", e);
        }
        SNAPSHOT_METRICS = snapshot;
        STREAMING_METRICS = streaming;
        METER = meter;
        PROVIDER = provider;
        TASK_CONTEXT = taskContext;
        UNAVAILABLE = unavailable;
    }

    private LazyLastEvent() {
    }

    /** Whether the fields this needs are there (they are in Debezium 3.6.1). */
    static boolean available() {
        return UNAVAILABLE == null;
    }

    /**
     * Makes {@code LastEvent} lazy in the snapshot and streaming metrics of a started coordinator. Events the
     * coordinator thread handles before this are rendered as Debezium does; none is lost from the counts.
     */
    public static void install(ChangeEventSourceCoordinator<?, ?> coordinator) {
        DebeziumMetricsSwaps.install(coordinator, UNAVAILABLE, UNCHANGED,
                LazyLastEvent::installOn, SNAPSHOT_METRICS, STREAMING_METRICS);
    }

    /** Swaps the meter of one metrics object; false if it is not Debezium's {@link PipelineMetrics}. */
    static boolean installOn(Object metrics) throws IllegalAccessException {
        if (!(metrics instanceof PipelineMetrics)) {
            return false;
        }
        CommonEventMeter current = (CommonEventMeter) METER.get(metrics);
        if (!(current instanceof Meter)) {
            EventMetadataProvider provider = (EventMetadataProvider) PROVIDER.get(metrics);
            Clock clock = ((CdcSourceTaskContext<?>) TASK_CONTEXT.get(metrics)).getClock();
            METER.set(metrics, new Meter(clock, provider, current));
        }
        return true;
    }

    /**
     * Debezium's meter, counting into its own fields, less the rendering; the getters add what the replaced meter
     * counted (which also takes any event the coordinator thread was handing it during the swap).
     */
    static final class Meter extends CommonEventMeter {

        /** What the replacement meter's superclass renders with: nothing. */
        private static final EventMetadataProvider NO_SUMMARY = new EventMetadataProvider() {
            @Override
            public Instant getEventTimestamp(DataCollectionId source, OffsetContext offset, Object key,
                    Struct value) {
                return null;
            }

            @Override
            public Map<String, String> getEventSourcePosition(DataCollectionId source, OffsetContext offset,
                    Object key, Struct value) {
                return null;
            }

            @Override
            public String getTransactionId(DataCollectionId source, OffsetContext offset, Object key,
                    Struct value) {
                return null;
            }

            @Override
            public String toSummaryString(DataCollectionId source, OffsetContext offset, Object key,
                    Struct value) {
                return null;
            }
        };

        private final EventMetadataProvider provider;
        private final CommonEventMeter before;
        private volatile Last last;
        private volatile Rendered rendered;

        Meter(Clock clock, EventMetadataProvider provider, CommonEventMeter before) {
            super(clock, NO_SUMMARY);
            this.provider = provider;
            this.before = before;
        }

        @Override
        public void onEvent(DataCollectionId source, OffsetContext offset, Object key, Struct value, Operation op) {
            super.onEvent(source, offset, key, value, op); // the counts; NO_SUMMARY renders nothing
            last = new Last(source, offset, key, value);
        }

        /**
         * Debezium's string for the last change, rendered now (once per change). The position comes from the
         * change's {@code source} block for PostgreSQL and MySQL, so it is the change's even when rendered later.
         */
        @Override
        public String getLastEvent() {
            Last event = last;
            if (event == null) {
                return before.getLastEvent();
            }
            Rendered done = rendered;
            if (done == null || done.event != event) {
                done = new Rendered(event,
                        provider.toSummaryString(event.source, event.offset, event.key, event.value));
                rendered = done;
            }
            return done.text;
        }

        @Override
        public long getMilliSecondsSinceLastEvent() {
            long mine = super.getMilliSecondsSinceLastEvent();
            return mine != -1 ? mine : before.getMilliSecondsSinceLastEvent();
        }

        @Override
        public long getTotalNumberOfEventsSeen() {
            return super.getTotalNumberOfEventsSeen() + before.getTotalNumberOfEventsSeen();
        }

        @Override
        public long getTotalNumberOfCreateEventsSeen() {
            return super.getTotalNumberOfCreateEventsSeen() + before.getTotalNumberOfCreateEventsSeen();
        }

        @Override
        public long getTotalNumberOfUpdateEventsSeen() {
            return super.getTotalNumberOfUpdateEventsSeen() + before.getTotalNumberOfUpdateEventsSeen();
        }

        @Override
        public long getTotalNumberOfDeleteEventsSeen() {
            return super.getTotalNumberOfDeleteEventsSeen() + before.getTotalNumberOfDeleteEventsSeen();
        }

        @Override
        public long getNumberOfEventsFiltered() {
            return super.getNumberOfEventsFiltered() + before.getNumberOfEventsFiltered();
        }

        @Override
        public long getNumberOfErroneousEvents() {
            return super.getNumberOfErroneousEvents() + before.getNumberOfErroneousEvents();
        }

        @Override
        public void reset() {
            super.reset();
            before.reset();
            last = null;
            rendered = null;
        }

        private record Last(DataCollectionId source, OffsetContext offset, Object key, Struct value) {
        }

        private record Rendered(Last event, String text) {
        }
    }
}
