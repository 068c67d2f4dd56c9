package dev.sluice.connect.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import io.debezium.connector.postgresql.PostgresPartition;
import io.debezium.data.Envelope.Operation;
import io.debezium.pipeline.metrics.DefaultStreamingChangeEventSourceMetrics;
import io.debezium.pipeline.source.spi.EventMetadataProvider;
import io.debezium.pipeline.spi.OffsetContext;
import io.debezium.relational.TableId;
import io.debezium.spi.schema.DataCollectionId;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

class DirectLagMeasurementTest {

    private static final Schema KEY = SchemaBuilder.struct().field("id", Schema.INT32_SCHEMA).build();
    private static final TableId ORDERS = new TableId(null, "public", "orders");
    private static final PostgresPartition PARTITION = new PostgresPartition("shop", "shop");

    /** Changes committed {@code lagMs} before they are seen. */
    private static final class Provider implements EventMetadataProvider {
        volatile long lagMs;

        @Override
        public Instant getEventTimestamp(DataCollectionId source, OffsetContext offset, Object key, Struct value) {
            return Instant.now().minusMillis(lagMs);
        }

        @Override
        public Map<String, String> getEventSourcePosition(DataCollectionId source, OffsetContext offset, Object key,
                Struct value) {
            return Map.of();
        }

        @Override
        public String getTransactionId(DataCollectionId source, OffsetContext offset, Object key, Struct value) {
            return null;
        }
    }

    private static void change(DefaultStreamingChangeEventSourceMetrics<PostgresPartition> metrics, int id) {
        metrics.onEvent(PARTITION, ORDERS, null, new Struct(KEY).put("id", id), null, Operation.CREATE);
    }

    @Test
    void debeziumIsLaidOutAsThisExpects() {
        assertThat(DirectLagMeasurement.available()).isTrue();
    }

    @Test
    void theLagOfEachChangeIsMeasuredAtOnceWithItsStatistics() throws Exception {
        var provider = new Provider();
        var metrics = StreamingMetricsFixture.metrics(provider);
        metrics.register(); // starts the collector's thread, as the coordinator does
        try {
            assertThat(DirectLagMeasurement.installOn(metrics)).isTrue();
            assertThat(DirectLagMeasurement.installOn(metrics)).isTrue();

            provider.lagMs = 5_000;
            change(metrics, 1);
            assertThat(metrics.getMilliSecondsBehindSource()).isBetween(5_000L, 60_000L);
            provider.lagMs = 1_000;
            change(metrics, 2);
            assertThat(metrics.getMilliSecondsBehindSource()).isBetween(1_000L, 4_999L);
            assertThat(metrics.getMilliSecondsBehindSourceMinValue()).isBetween(1_000L, 4_999L);
            assertThat(metrics.getMilliSecondsBehindSourceMaxValue()).isBetween(5_000L, 60_000L);
            assertThat(metrics.getMilliSecondsBehindSourceAverageValue()).isBetween(3_000.0, 32_500.0);
            assertThat(metrics.getTotalNumberOfEventsSeen()).isEqualTo(2);
        } finally {
            metrics.unregister();
        }
    }

    @Test
    void otherMetricsAreLeftAlone() throws Exception {
        assertThat(DirectLagMeasurement.installOn(new Object())).isFalse();
        assertThat(DirectLagMeasurement.installOn(null)).isFalse();
    }
}
