package dev.sluice.connect.discard;

import java.util.Collection;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Counts records and bytes, then drops them. {@link #put} is a benchmark's hot path: it allocates nothing. */
public class DiscardSinkTask extends SinkTask {

    private static final Logger log = LoggerFactory.getLogger(DiscardSinkTask.class);

    private final Time time;
    private DiscardSinkCounters counters;
    private ProgressLog progress;

    public DiscardSinkTask() {
        this(Time.SYSTEM);
    }

    DiscardSinkTask(Time time) {
        this.time = time;
    }

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        DiscardSinkSettings settings = DiscardSinkConfig.parseTask(props);
        counters = new DiscardSinkCounters(settings.connectorName(), settings.taskId());
        progress = settings.logsProgress() ? new ProgressLog(time, settings.logEveryRecords()) : null;
        counters.register();
        log.info("Discard task {} of connector {} started; counters at {}",
                settings.taskId(), settings.connectorName(), counters.name());
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        long bytes = 0;
        for (SinkRecord record : records) {
            if (record.value() instanceof byte[] value) {
                bytes += value.length;
            }
        }
        counters.add(records.size(), bytes);
        if (progress != null) {
            progress.update(counters.getRecordCount());
        }
    }

    /** Nothing is buffered, so the offsets of everything put so far may be committed as they are. */
    @Override
    public void flush(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
    }

    @Override
    public void stop() {
        if (counters != null) {
            counters.unregister();
            log.info("Discard task stopped after {} records, {} bytes",
                    counters.getRecordCount(), counters.getByteCount());
        }
    }
}
