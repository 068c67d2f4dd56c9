package dev.sluice.connect.lambda;

import dev.sluice.connect.lambda.destination.FailureRecordFormat;
import dev.sluice.connect.lambda.destination.KafkaTopicDestination;
import dev.sluice.connect.lambda.destination.OnFailureDestination;
import dev.sluice.connect.lambda.dispatch.BatchProcessor;
import dev.sluice.connect.lambda.dispatch.Dispatcher;
import dev.sluice.connect.lambda.dispatch.Entry;
import dev.sluice.connect.lambda.dispatch.RetryPolicy;
import dev.sluice.connect.lambda.dispatch.Sleeper;
import dev.sluice.connect.lambda.event.KafkaEventWriter;
import dev.sluice.connect.lambda.invoke.Invoker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.random.RandomGenerator;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Invokes the function with batches of each partition's records, as Lambda's Kafka event source mapping does.
 * {@link #put} only places records in their partition's batches ({@link RecordIntake}, {@link Dispatcher}) and never
 * waits for an invocation; batches are invoked on the task's own threads, and {@link #preCommit} reports, per
 * partition, only the offset after the last record whose batch is done. A partition that holds too much is paused
 * until its invocations catch up. A failure that retrying cannot fix surfaces from the next {@link #put} and fails
 * the task; it restarts from the last committed offset, so records are delivered at least once.
 */
public class LambdaTriggerTask extends SinkTask {

    private static final Logger log = LoggerFactory.getLogger(LambdaTriggerTask.class);
    /** While batches wait or are in flight, the worker calls put at least this often, even with no new records. */
    static final long POLL_BACK_MS = 100;
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final LambdaClient injectedClient;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final BiFunction<LambdaTriggerSettings, KafkaEventWriter, OnFailureDestination> destinations;
    /** The partitions this task has paused, as the worker still has them (it keeps them paused across rebalances). */
    private final Set<TopicPartition> paused = new HashSet<>();
    private LambdaClient client;
    private Optional<OnFailureDestination> destination = Optional.empty();
    private Dispatcher dispatcher;
    private RecordIntake intake;

    public LambdaTriggerTask() {
        this(null, Clock.systemUTC(), Sleeper.SYSTEM, RandomGenerator.getDefault(), LambdaTriggerTask::kafkaTopic);
    }

    /**
     * @param client       the client to use, or null to build one from the settings; an injected client is not closed
     * @param destinations builds the on-failure destination, when one is configured
     */
    LambdaTriggerTask(LambdaClient client, Clock clock, Sleeper sleeper, RandomGenerator random,
            BiFunction<LambdaTriggerSettings, KafkaEventWriter, OnFailureDestination> destinations) {
        this.injectedClient = client;
        this.clock = clock;
        this.sleeper = sleeper;
        this.random = random;
        this.destinations = destinations;
    }

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        LambdaTriggerSettings settings = LambdaTriggerSettingsParser.parse(props);
        var batching = settings.batching();
        var errors = settings.errors();
        var function = settings.function();
        client = injectedClient != null ? injectedClient
                : LambdaClients.create(settings.connection(), batching.concurrency());
        var events = new KafkaEventWriter(settings.eventSource().eventSourceArn(),
                settings.eventSource().bootstrapServers());
        var invoker = new Invoker(client, function.name(), function.qualifier(), function.invocationType(),
                errors.reportBatchItemFailures(), events);
        destination = settings.destination().map(d -> destinations.apply(settings, events));
        int maxPayload = function.invocationType().maxPayloadBytes();
        var processor = new BatchProcessor(invoker, new RetryPolicy(errors.maxRetryAttempts(), errors.maxRecordAge(),
                errors.backoffMs(), errors.backoffMaxMs(), random), errors.bisect(), destination, maxPayload, sleeper,
                clock);
        dispatcher = new Dispatcher(processor, batching.batchSize(), maxPayload, events::overhead, batching.window(),
                batching.concurrency(), batching.partitionBuffer(), clock, "lambda-trigger-" + settings.name() + "-");
        intake = new RecordIntake(events, settings.filter(), maxPayload, destination.isPresent(),
                context == null ? null : context.errantRecordReporter());
        log.info("Lambda trigger task started: function {} ({}) in {}, {} events, batches of up to {} records or {} ms, "
                        + "{} invocations at once, {} filters, retries {}, on-failure destination {}",
                function.describe(), function.invocationType().lambdaName(),
                LambdaClients.location(settings.connection()),
                settings.eventSource().eventSourceArn().isPresent() ? KafkaEventWriter.MSK_EVENT_SOURCE
                        : KafkaEventWriter.SELF_MANAGED_EVENT_SOURCE, batching.batchSize(),
                batching.window().toMillis(), batching.concurrency(), settings.filter().size(),
                errors.maxRetryAttempts() < 0 ? "unlimited" : errors.maxRetryAttempts(),
                settings.destination().map(d -> "kafka://" + d.topic()).orElse("none"));
    }

    private static OnFailureDestination kafkaTopic(LambdaTriggerSettings settings, KafkaEventWriter events) {
        var configured = settings.destination().orElseThrow();
        var format = new FailureRecordFormat(events, settings.function().describe(),
                settings.eventSource().eventSourceArn(), settings.eventSource().bootstrapServers());
        return KafkaTopicDestination.create(configured.producer(), configured.topic(), format);
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        dispatcher.throwIfFailed();
        Instant now = clock.instant();
        Map<TopicPartition, List<Entry>> delivery = new LinkedHashMap<>();
        for (SinkRecord record : records) {
            var partition = new TopicPartition(record.originalTopic(), record.originalKafkaPartition());
            delivery.computeIfAbsent(partition, p -> new ArrayList<>()).add(intake.accept(record, partition, now));
        }
        dispatcher.add(delivery);
        dispatcher.dispatch();
        flowControl();
        if (dispatcher.busy()) {
            // Be called again soon, records or not: to resume paused partitions and to surface failures.
            context.timeout(POLL_BACK_MS);
        }
    }

    private void flowControl() {
        Dispatcher.FlowControl flow = dispatcher.flowControl();
        if (!flow.pause().isEmpty()) {
            log.debug("Pausing {}: their records wait for invocations", flow.pause());
            context.pause(flow.pause().toArray(TopicPartition[]::new));
            paused.addAll(flow.pause());
        }
        if (!flow.resume().isEmpty()) {
            log.debug("Resuming {}", flow.resume());
            context.resume(flow.resume().toArray(TopicPartition[]::new));
            flow.resume().forEach(paused::remove);
        }
    }

    /**
     * A partition this task paused, revoked and assigned again in one rebalance, is paused again by the worker, while
     * the task starts it afresh: resume it.
     */
    @Override
    public void open(Collection<TopicPartition> partitions) {
        List<TopicPartition> stillPaused = partitions.stream().filter(paused::remove).toList();
        if (!stillPaused.isEmpty()) {
            context.resume(stillPaused.toArray(TopicPartition[]::new));
        }
    }

    /** Only offsets whose records are done (invoked, set aside, or skipped); never those of records in flight. */
    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        return dispatcher == null ? Map.of() : dispatcher.committable();
    }

    /** Nothing to do: {@link #preCommit} reports what is done, and batches go out on their own. */
    @Override
    public void flush(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
    }

    /** Drops the revoked partitions' records: the worker delivers them again from the last committed offset. */
    @Override
    public void close(Collection<TopicPartition> partitions) {
        if (dispatcher != null) {
            dispatcher.close(partitions);
        }
    }

    @Override
    public void stop() {
        if (dispatcher != null) {
            dispatcher.stop(STOP_TIMEOUT);
            dispatcher = null;
        }
        destination.ifPresent(OnFailureDestination::close);
        destination = Optional.empty();
        if (client != null && client != injectedClient) {
            client.close();
        }
        client = null;
        log.info("Lambda trigger task stopped");
    }
}
