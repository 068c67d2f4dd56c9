package dev.sluice.connect.dynamodb;

import dev.sluice.connect.dynamodb.write.BatchWriter;
import dev.sluice.connect.dynamodb.write.ConditionalWriter;
import dev.sluice.connect.dynamodb.write.ItemWriter;
import dev.sluice.connect.dynamodb.write.Retries;
import dev.sluice.connect.dynamodb.write.Sleeper;
import dev.sluice.connect.dynamodb.write.Tables;
import dev.sluice.connect.dynamodb.write.WriteOp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Writes records to DynamoDB items. Each {@link #put} maps its records and writes them all before it returns, so
 * {@link #preCommit} reports exactly the offsets whose records are in DynamoDB (or were skipped on purpose).
 *
 * <p>When DynamoDB stays throttled or unavailable beyond the retry budget, {@link #put} throws
 * {@link RetriableException} after asking the worker to wait ({@code retry.backoff.ms}, doubled on each
 * consecutive failure); the worker delivers the same batch again. Item writes are idempotent, so writing again what
 * was written before the failure is harmless.
 */
public class DynamoDbSinkTask extends SinkTask {

    private static final Logger log = LoggerFactory.getLogger(DynamoDbSinkTask.class);
    static final long MAX_BACKOFF_MS = 60_000;

    private final DynamoDbClient injectedClient;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final Map<TopicPartition, Long> written = new HashMap<>();
    private DynamoDbSinkSettings settings;
    private DynamoDbClient client;
    private RecordMapper mapper;
    private ItemWriter writer;
    private BadRecords badRecords;
    private int consecutiveFailures;

    public DynamoDbSinkTask() {
        this(null, Clock.systemUTC(), Sleeper.SYSTEM, RandomGenerator.getDefault());
    }

    /** @param client the client to use, or null to build one from the settings; an injected client is not closed */
    DynamoDbSinkTask(DynamoDbClient client, Clock clock, Sleeper sleeper, RandomGenerator random) {
        this.injectedClient = client;
        this.clock = clock;
        this.sleeper = sleeper;
        this.random = random;
    }

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        settings = DynamoDbSinkSettingsParser.parse(props);
        client = injectedClient != null ? injectedClient : DynamoDbClients.create(settings.connection());
        var retry = settings.retry();
        var retries = new Retries(retry.maxRetries(), retry.backoffMs(), retry.maxRetryTime(), clock, sleeper, random);
        String location = DynamoDbClients.location(settings.connection());
        var tables = new Tables(client, settings.keys().hash(), settings.keys().sort(), settings.autoCreate(),
                location, retries, sleeper);
        mapper = new RecordMapper(settings, tables);
        writer = switch (settings.ordering()) {
            case NONE -> new BatchWriter(client, settings.batchSize(), retries);
            case OFFSET -> new ConditionalWriter(client, settings.maxInFlight(), retries);
        };
        badRecords = new BadRecords(context == null ? null : context.errantRecordReporter());
        log.info("DynamoDB sink task started: {}, tables {}, key ({}{}), ordering {}, tombstones {}, dead-letter "
                        + "reporting {}", location, settings.tableNameFormat(), settings.keys().hash(),
                settings.keys().sort().map(s -> ", " + s).orElse(""), settings.ordering(), settings.nullValues(),
                badRecords.tolerated() ? "on" : "off");
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        try {
            List<WriteOp> ops = new ArrayList<>(records.size());
            List<Map.Entry<SinkRecord, DataException>> bad = new ArrayList<>();
            for (SinkRecord record : records) {
                try {
                    mapper.map(record).ifPresent(ops::add);
                } catch (DataException e) {
                    if (!badRecords.tolerated()) {
                        throw BadRecords.failure(record, e);
                    }
                    bad.add(Map.entry(record, e));
                }
            }
            writer.write(ops);
            consecutiveFailures = 0;
            // Reported only once the batch is written, so that a batch delivered again is not reported twice.
            bad.forEach(entry -> badRecords.report(entry.getKey(), entry.getValue()));
        } catch (RetriableException e) {
            consecutiveFailures++;
            context.timeout(backoffMs());
            throw e;
        }
        for (SinkRecord record : records) {
            written.merge(new TopicPartition(record.originalTopic(), record.originalKafkaPartition()),
                    record.originalKafkaOffset() + 1, Math::max);
        }
    }

    /** {@code retry.backoff.ms}, doubled for each consecutive failure, at most {@link #MAX_BACKOFF_MS}. */
    long backoffMs() {
        long base = Math.max(1, settings.retry().backoffMs());
        int doublings = Math.min(consecutiveFailures - 1, 30);
        return Math.min(MAX_BACKOFF_MS, base << doublings);
    }

    /** Only offsets whose records are written (or skipped on purpose); never the consumer's position. */
    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        Map<TopicPartition, OffsetAndMetadata> committable = new HashMap<>();
        written.forEach((tp, offset) -> committable.put(tp, new OffsetAndMetadata(offset)));
        return committable;
    }

    /** Nothing to do: every put writes its records before it returns. */
    @Override
    public void flush(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
    }

    @Override
    public void close(Collection<TopicPartition> partitions) {
        partitions.forEach(written::remove);
    }

    @Override
    public void stop() {
        if (writer != null) {
            writer.close();
        }
        if (client != null && client != injectedClient) {
            client.close();
        }
        client = null;
        log.info("DynamoDB sink task stopped");
    }
}
