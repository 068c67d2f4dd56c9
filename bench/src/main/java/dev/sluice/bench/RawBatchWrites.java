package dev.sluice.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.utils.Time;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The raw DynamoDB limit: {@code concurrency} threads, each with a client of its own as each sink task has, write
 * the sink's items with BatchWriteItem, 25 a request, one request at a time each, taking the next batch as soon as
 * the last is written. The requests are built before the clock starts: nothing is converted or mapped.
 */
public final class RawBatchWrites {

    /** DynamoDB's limit on the items of one BatchWriteItem, and the sink's {@code batch.size}. */
    public static final int BATCH_SIZE = 25;
    /** Unprocessed items are sent again at once; a stand-in that keeps refusing them fails the run. */
    private static final int MAX_ATTEMPTS = 10;

    private final DynamoDbEndpoint endpoint;
    private final TimedWorkers workers;

    public RawBatchWrites(DynamoDbEndpoint endpoint, Time time) {
        this.endpoint = endpoint;
        this.workers = new TimedWorkers(time);
    }

    /** The put requests of records {@code 0..records-1}'s items, in batches of {@link #BATCH_SIZE}. */
    public static List<List<WriteRequest>> batches(ItemRecords items, long records) {
        List<List<WriteRequest>> batches = new ArrayList<>();
        List<WriteRequest> batch = new ArrayList<>(BATCH_SIZE);
        for (long i = 0; i < records; i++) {
            var item = items.item(i);
            batch.add(WriteRequest.builder().putRequest(p -> p.item(item)).build());
            if (batch.size() == BATCH_SIZE) {
                batches.add(List.copyOf(batch));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            batches.add(List.copyOf(batch));
        }
        return batches;
    }

    /**
     * Writes every batch into {@code table}.
     *
     * @param bytesPerItem the bytes to count for each item (its record's value size), for MiB/s
     * @return the items written, over the time from the first request to the last answer
     */
    public Throughput run(String table, List<List<WriteRequest>> batches, int concurrency, long bytesPerItem)
            throws InterruptedException {
        long nanos = workers.run("bench-raw-dynamodb", concurrency, batches.size(), endpoint::client,
                (client, i) -> write(client, table, batches.get((int) i)));
        long items = batches.stream().mapToLong(List::size).sum();
        return new Throughput(new Counts(items, items * bytesPerItem), nanos);
    }

    private static void write(DynamoDbClient client, String table, List<WriteRequest> batch) {
        List<WriteRequest> pending = batch;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            if (attempt > MAX_ATTEMPTS) {
                throw new IllegalStateException(pending.size() + " items still unprocessed after " + MAX_ATTEMPTS
                        + " attempts");
            }
            List<WriteRequest> sending = pending;
            BatchWriteItemResponse response = client.batchWriteItem(r -> r.requestItems(Map.of(table, sending)));
            pending = response.hasUnprocessedItems()
                    ? response.unprocessedItems().getOrDefault(table, List.of()) : List.of();
        }
    }
}
