package dev.sluice.connect.s3;

import dev.sluice.connect.s3.buffer.MemoryBudget;
import dev.sluice.connect.s3.format.FormatSettings;
import dev.sluice.connect.s3.format.RecordFormat;
import dev.sluice.connect.s3.format.RecordFormats;
import dev.sluice.connect.s3.format.SchemaChanges;
import dev.sluice.connect.s3.upload.ObjectUploader;
import dev.sluice.connect.s3.writer.BadRecords;
import dev.sluice.connect.s3.writer.SchemaChangePolicy;
import dev.sluice.connect.s3.writer.TopicPartitionWriter;
import dev.sluice.connect.s3.writer.WriterContext;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Writes the records of its topic partitions to S3 objects, one {@link TopicPartitionWriter} per partition.
 *
 * <p>Offsets are committed only for records whose objects are uploaded ({@link #preCommit}). When an upload fails
 * transiently, {@link #put} throws {@link RetriableException} after every record of the batch is buffered, asks the
 * worker to wait ({@code s3.retry.backoff.ms}, doubled on each consecutive failure) and the worker delivers the
 * same batch again; the writers skip the records they already hold and retry the uploads.
 */
public class S3SinkTask extends SinkTask {

    private static final Logger log = LoggerFactory.getLogger(S3SinkTask.class);
    static final long MAX_BACKOFF_MS = 60_000;

    private final S3Client injectedClient;
    private final Clock clock;
    private final Function<FormatSettings, RecordFormat> formats;
    private final Map<TopicPartition, TopicPartitionWriter> writers = new HashMap<>();
    private S3SinkSettings settings;
    private S3Client s3;
    private WriterContext writerContext;
    private int consecutiveFailures;

    public S3SinkTask() {
        this(null, Clock.systemUTC(), RecordFormats::create);
    }

    /**
     * @param s3      the client to use, or null to build one from the settings; an injected client is not closed
     * @param formats builds each record format (the values', the keys', the headers') from its settings
     */
    S3SinkTask(S3Client s3, Clock clock, Function<FormatSettings, RecordFormat> formats) {
        this.injectedClient = s3;
        this.clock = clock;
        this.formats = formats;
    }

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        settings = S3SinkSettingsParser.parse(props);
        s3 = injectedClient != null ? injectedClient : S3Clients.create(settings.s3());
        try {
            Files.createDirectories(settings.buffering().spillDir());
        } catch (IOException e) {
            throw new ConnectException("Cannot create the spill directory " + settings.buffering().spillDir()
                    + "; set s3.spill.dir to a writable directory", e);
        }
        var reporter = context == null ? null : context.errantRecordReporter();
        writerContext = new WriterContext(
                settings.partitioner().partitioner(clock),
                settings.partitioner().timestampExtractor(clock),
                settings.rotation(),
                RecordFormats.views(settings.format(), formats),
                schemaPolicy(settings.schemaCompatibility()),
                settings.keys(),
                settings.nullValues(),
                settings.tombstonePartition(),
                new MemoryBudget(settings.buffering().memoryBudgetBytes()),
                settings.buffering().spillDir(),
                new ObjectUploader(s3, settings.s3().bucket(), settings.buffering().partSize()),
                new BadRecords(reporter),
                clock);
        log.info("S3 sink task started: bucket {}, region {}{}, format {}, partitioner {}, flush.size {}, "
                        + "dead-letter reporting {}", settings.s3().bucket(), settings.s3().region(),
                settings.s3().endpoint().map(e -> ", endpoint " + e).orElse(""), settings.format().kind(),
                settings.partitioner().kind(), settings.rotation().flushSize(), reporter == null ? "off" : "on");
    }

    private static SchemaChangePolicy schemaPolicy(SchemaChanges.Compatibility compatibility) {
        var changes = new SchemaChanges(compatibility);
        return new SchemaChangePolicy() {
            @Override
            public boolean needsNewObject(org.apache.kafka.connect.data.Schema current,
                    org.apache.kafka.connect.data.Schema next) {
                return changes.needsNewObject(current, next);
            }

            @Override
            public SinkRecord project(SinkRecord record, org.apache.kafka.connect.data.Schema current) {
                return changes.project(record, current);
            }
        };
    }

    /** The task's memory budget, for tests. */
    MemoryBudget memoryBudget() {
        return writerContext.budget();
    }

    /** What the open objects' format writers hold beyond their buffers (Parquet row groups), for tests. */
    long heldBytes() {
        return writers.values().stream().mapToLong(TopicPartitionWriter::heldBytes).sum();
    }

    @Override
    public void open(Collection<TopicPartition> partitions) {
        for (TopicPartition tp : partitions) {
            writers.computeIfAbsent(tp, p -> new TopicPartitionWriter(p, writerContext));
        }
        log.info("Opened {} partitions: {}", partitions.size(), partitions);
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        for (SinkRecord record : records) {
            var tp = new TopicPartition(record.originalTopic(), record.originalKafkaPartition());
            TopicPartitionWriter writer = writers.get(tp);
            if (writer == null) {
                throw new ConnectException("Received a record of " + tp + ", which is not assigned to this task");
            }
            writer.write(record);
        }
        if (settings.rotation().usesSchedule()) {
            writers.values().forEach(TopicPartitionWriter::tick);
        }
        try {
            writers.values().forEach(TopicPartitionWriter::uploadPending);
            consecutiveFailures = 0;
        } catch (RetriableException e) {
            consecutiveFailures++;
            context.timeout(backoffMs());
            throw e;
        }
    }

    /** {@code s3.retry.backoff.ms}, doubled for each consecutive failure, at most {@link #MAX_BACKOFF_MS}. */
    long backoffMs() {
        long base = Math.max(1, settings.s3().retryBackoffMs());
        int doublings = Math.min(consecutiveFailures - 1, 30);
        return Math.min(MAX_BACKOFF_MS, base << doublings);
    }

    /** Only offsets whose records are in uploaded objects (or were skipped on purpose); never the consumer's. */
    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        Map<TopicPartition, OffsetAndMetadata> committable = new HashMap<>();
        writers.forEach((tp, writer) -> writer.committableOffset()
                .ifPresent(offset -> committable.put(tp, new OffsetAndMetadata(offset))));
        return committable;
    }

    /** Nothing to do: objects are uploaded when they rotate, and preCommit reports what is uploaded. */
    @Override
    public void flush(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
    }

    @Override
    public void close(Collection<TopicPartition> partitions) {
        for (TopicPartition tp : partitions) {
            TopicPartitionWriter writer = writers.remove(tp);
            if (writer != null) {
                writer.close();
            }
        }
        log.info("Closed {} partitions: {}", partitions.size(), partitions);
    }

    @Override
    public void stop() {
        writers.values().forEach(TopicPartitionWriter::close);
        writers.clear();
        if (s3 != null && s3 != injectedClient) {
            s3.close();
        }
        s3 = null;
        log.info("S3 sink task stopped");
    }
}
