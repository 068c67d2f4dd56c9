package dev.sluice.connect.datagen;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Produces this task's sequence numbers (see {@link DatagenTaskSettings}) in batches, at its share of the
 * configured rate. The source offset of each record is its sequence number, so a restarted task resumes
 * after the last committed one.
 */
public class DatagenSourceTask extends SourceTask {

    static final String PARTITION_TASK = "task";
    static final String OFFSET_SEQ = "seq";
    /** How long a task that has produced its share waits per poll, so that it does not spin. */
    static final long IDLE_PAUSE_MS = Throttle.MAX_PAUSE_MS;

    private static final Logger log = LoggerFactory.getLogger(DatagenSourceTask.class);

    private final Time time;
    private DatagenTaskSettings settings;
    private RecordGenerator generator;
    private Throttle throttle;
    private long nextSeq;
    private volatile boolean stopping;

    public DatagenSourceTask() {
        this(Time.SYSTEM);
    }

    DatagenSourceTask(Time time) {
        this.time = time;
    }

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        settings = DatagenConfig.parseTask(props);
        Map<String, Integer> partition = Map.of(PARTITION_TASK, settings.taskId());
        generator = new RecordGenerator(settings.connector(), partition);
        throttle = new Throttle(time, settings.recordsPerMs());
        nextSeq = resumeFrom(partition);
        log.info("Datagen task {} of {} writing to {} from sequence number {} ({} records left)",
                settings.taskId(), settings.taskCount(), settings.connector().topic(), nextSeq,
                settings.connector().bounded() ? settings.remainingFrom(nextSeq) : "unbounded");
    }

    private long resumeFrom(Map<String, Integer> partition) {
        Map<String, Object> offset = context.offsetStorageReader().offset(partition);
        if (offset == null || offset.get(OFFSET_SEQ) == null) {
            return settings.taskId();
        }
        if (!(offset.get(OFFSET_SEQ) instanceof Number committed)) {
            throw new ConnectException("Committed offset " + offset + " of datagen task " + settings.taskId()
                    + " has no numeric '" + OFFSET_SEQ + "'; reset the connector's offsets to start over");
        }
        long next = settings.nextAfter(committed.longValue());
        if (next != committed.longValue() + settings.taskCount()) {
            log.warn("Committed sequence number {} was not produced by task {} of {}: tasks.max changed, so "
                    + "max.records may not be met exactly", committed, settings.taskId(), settings.taskCount());
        }
        return next;
    }

    @Override
    public List<SourceRecord> poll() {
        if (stopping) {
            return null;
        }
        long wanted = Math.min(settings.connector().batchSize(), settings.remainingFrom(nextSeq));
        if (wanted == 0) {
            time.sleep(IDLE_PAUSE_MS);
            return null;
        }
        long n = throttle.acquire(wanted);
        if (n == 0 || stopping) {
            return null;
        }
        List<SourceRecord> batch = new ArrayList<>((int) n);
        for (long i = 0; i < n; i++) {
            batch.add(generator.record(nextSeq));
            nextSeq += settings.taskCount();
        }
        return batch;
    }

    @Override
    public void stop() {
        stopping = true;
    }
}
