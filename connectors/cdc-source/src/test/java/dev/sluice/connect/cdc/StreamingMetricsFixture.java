package dev.sluice.connect.cdc;

import io.debezium.config.Configuration;
import io.debezium.connector.base.ChangeEventQueueMetrics;
import io.debezium.connector.common.CdcSourceTaskContext;
import io.debezium.connector.postgresql.PostgresConnectorConfig;
import io.debezium.connector.postgresql.PostgresPartition;
import io.debezium.pipeline.metrics.DefaultStreamingChangeEventSourceMetrics;
import io.debezium.pipeline.source.spi.EventMetadataProvider;
import java.util.List;
import java.util.Map;

/** Debezium's own streaming metrics of a PostgreSQL task, as the tests of the metrics swaps build them. */
final class StreamingMetricsFixture {

    private StreamingMetricsFixture() {
    }

    static DefaultStreamingChangeEventSourceMetrics<PostgresPartition> metrics(EventMetadataProvider provider) {
        Configuration config = Configuration.create()
                .with("topic.prefix", "shop").with("database.hostname", "localhost").with("database.dbname", "shop")
                .build();
        var taskContext = new CdcSourceTaskContext<>(config, new PostgresConnectorConfig(config), Map.of());
        ChangeEventQueueMetrics queue = new ChangeEventQueueMetrics() {
            public int totalCapacity() { return 1; }
            public int remainingCapacity() { return 1; }
            public long maxQueueSizeInBytes() { return 0; }
            public long currentQueueSizeInBytes() { return 0; }
        };
        return new DefaultStreamingChangeEventSourceMetrics<>(taskContext, queue, provider, List::of);
    }
}
