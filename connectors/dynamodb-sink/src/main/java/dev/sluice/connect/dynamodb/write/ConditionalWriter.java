package dev.sluice.connect.dynamodb.write;

import dev.sluice.connect.dynamodb.DynamoDbSinkConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Writes with conditional PutItem and DeleteItem ({@code ordering.mode=offset}), a bounded number at once. Each
 * item carries its record's Kafka partition and offset; a write goes through only if the item is missing, was
 * written from another partition, or from an earlier offset. A failed condition means a newer version is already
 * there, which is what the write wanted: it counts as written.
 */
public final class ConditionalWriter implements ItemWriter {

    private static final Logger log = LoggerFactory.getLogger(ConditionalWriter.class);

    /** Kept exactly as {@code FakeDynamoDb} in the tests understands it. */
    public static final String CONDITION = "attribute_not_exists(#kp) OR #kp <> :p OR #ko < :o";
    static final Map<String, String> NAMES = Map.of("#kp", DynamoDbSinkConfig.PARTITION_ATTRIBUTE,
            "#ko", DynamoDbSinkConfig.OFFSET_ATTRIBUTE);

    private final DynamoDbClient client;
    private final Retries retries;
    private final ExecutorService executor;

    public ConditionalWriter(DynamoDbClient client, int maxInFlight, Retries retries) {
        this.client = client;
        this.retries = retries;
        var threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(maxInFlight, runnable -> {
            Thread thread = new Thread(runnable, "dynamodb-sink-conditional-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void write(List<WriteOp> ops) {
        List<Future<?>> futures = new ArrayList<>();
        for (WriteOp op : WriteOps.lastPerKey(ops)) {
            futures.add(executor.submit(() -> writeOne(op)));
        }
        RuntimeException failure = null;
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                futures.forEach(f -> f.cancel(true));
                throw new RetriableException("Interrupted while writing to DynamoDB", e);
            } catch (ExecutionException e) {
                failure = worse(failure, e.getCause());
            }
        }
        if (failure != null) {
            throw failure;
        }
        log.debug("Wrote {} items with conditions", futures.size());
    }

    /** A misconfiguration outranks a transient failure: retrying the batch would not help. */
    private static RuntimeException worse(RuntimeException current, Throwable next) {
        RuntimeException failure = next instanceof RuntimeException runtime ? runtime
                : new ConnectException("Conditional write failed", next);
        if (current == null || current instanceof RetriableException && !(failure instanceof RetriableException)) {
            return failure;
        }
        return current;
    }

    private void writeOne(WriteOp op) {
        Map<String, AttributeValue> values = Map.of(
                ":p", AttributeValue.fromN(Integer.toString(op.partition())),
                ":o", AttributeValue.fromN(Long.toString(op.offset())));
        Retries.Run run = retries.start();
        while (true) {
            try {
                if (op instanceof WriteOp.Put put) {
                    client.putItem(r -> r.tableName(op.table()).item(put.item()).conditionExpression(CONDITION)
                            .expressionAttributeNames(NAMES).expressionAttributeValues(values));
                } else {
                    client.deleteItem(r -> r.tableName(op.table()).key(op.key()).conditionExpression(CONDITION)
                            .expressionAttributeNames(NAMES).expressionAttributeValues(values));
                }
                return;
            } catch (SdkException e) {
                DynamoDbErrors.Kind kind = DynamoDbErrors.classify(e);
                if (kind == DynamoDbErrors.Kind.CONDITION_FAILED) {
                    log.debug("Table {} already has a newer version of the item {} than offset {} of partition {}",
                            op.table(), op.key(), op.offset(), op.partition());
                    return;
                }
                if (kind != DynamoDbErrors.Kind.TRANSIENT || !run.backOff()) {
                    throw DynamoDbErrors.translate("write an item to table " + op.table(), e);
                }
            }
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
