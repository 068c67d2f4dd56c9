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
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

class LazyLastEventTest {

    private static final Schema KEY = SchemaBuilder.struct().name("shop.public.orders.Key")
            .field("id", Schema.INT32_SCHEMA).build();
    private static final TableId ORDERS = new TableId(null, "public", "orders");
    private static final PostgresPartition PARTITION = new PostgresPartition("shop", "shop");

    /** Debezium's provider, less the rendering: that counts its calls. */
    private static final class Provider implements EventMetadataProvider {
        final AtomicInteger summaries = new AtomicInteger();

        @Override
        public Instant getEventTimestamp(DataCollectionId source, OffsetContext offset, Object key, Struct value) {
            return Instant.now();
        }

        @Override
        public Map<String, String> getEventSourcePosition(DataCollectionId source, OffsetContext offset, Object key,
                Struct value) {
            return Map.of("id", String.valueOf(((Struct) key).getInt32("id")));
        }

        @Override
        public String getTransactionId(DataCollectionId source, OffsetContext offset, Object key, Struct value) {
            return null;
        }

        @Override
        public String toSummaryString(DataCollectionId source, OffsetContext offset, Object key, Struct value) {
            summaries.incrementAndGet();
            return "key: " + key;
        }
    }

    private static void change(DefaultStreamingChangeEventSourceMetrics<PostgresPartition> metrics, int id,
            Operation op) {
        metrics.onEvent(PARTITION, ORDERS, null, new Struct(KEY).put("id", id), null, op);
    }

    @Test
    void debeziumIsLaidOutAsThisExpects() {
        assertThat(LazyLastEvent.available()).isTrue();
    }

    @Test
    void lastEventIsRenderedWhenReadAndTheOtherMetricsStillCount() throws Exception {
        var provider = new Provider();
        var metrics = StreamingMetricsFixture.metrics(provider);
        change(metrics, 1, Operation.CREATE);
        assertThat(provider.summaries).hasValue(1);
        assertThat(metrics.getLastEvent()).isEqualTo("key: Struct{id=1}");

        assertThat(LazyLastEvent.installOn(metrics)).isTrue();
        assertThat(LazyLastEvent.installOn(metrics)).isTrue();
        assertThat(metrics.getLastEvent()).isEqualTo("key: Struct{id=1}"); // the replaced meter's
        change(metrics, 2, Operation.CREATE);
        change(metrics, 3, Operation.UPDATE);
        change(metrics, 4, Operation.DELETE);
        metrics.onFilteredEvent(PARTITION, "public.orders", Operation.UPDATE);

        assertThat(provider.summaries).hasValue(1);
        assertThat(metrics.getLastEvent()).isEqualTo("key: Struct{id=4}");
        assertThat(metrics.getLastEvent()).isEqualTo("key: Struct{id=4}");
        assertThat(provider.summaries).hasValue(2);

        assertThat(metrics.getTotalNumberOfEventsSeen()).isEqualTo(5);
        assertThat(metrics.getTotalNumberOfCreateEventsSeen()).isEqualTo(2);
        assertThat(metrics.getTotalNumberOfUpdateEventsSeen()).isEqualTo(2);
        assertThat(metrics.getTotalNumberOfDeleteEventsSeen()).isEqualTo(1);
        assertThat(metrics.getNumberOfEventsFiltered()).isEqualTo(1);
        assertThat(metrics.getMilliSecondsSinceLastEvent()).isNotNegative();
        assertThat(metrics.getSourceEventPosition()).isEqualTo(Map.of("id", "4"));

        metrics.reset();
        assertThat(metrics.getTotalNumberOfEventsSeen()).isZero();
        assertThat(metrics.getMilliSecondsSinceLastEvent()).isEqualTo(-1);
        assertThat(metrics.getLastEvent()).isNull();
    }

    @Test
    void otherMetricsAreLeftAlone() throws Exception {
        assertThat(LazyLastEvent.installOn(new Object())).isFalse();
        assertThat(LazyLastEvent.installOn(null)).isFalse();
    }
}
