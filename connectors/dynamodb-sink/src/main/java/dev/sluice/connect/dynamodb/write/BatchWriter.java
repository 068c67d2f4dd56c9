package dev.sluice.connect.dynamodb.write;

import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Writes with BatchWriteItem ({@code ordering.mode=none}): the last write per key, in requests of at most
 * {@code batch.size} items and 16 MB, retrying unprocessed items and transient failures with back-off until every
 * item is written or the retry budget is spent.
 */
public final class BatchWriter implements ItemWriter {

    private static final Logger log = LoggerFactory.getLogger(BatchWriter.class);

    private final DynamoDbClient client;
    private final int batchSize;
    private final Retries retries;

    public BatchWriter(DynamoDbClient client, int batchSize, Retries retries) {
        this.client = client;
        this.batchSize = batchSize;
        this.retries = retries;
    }

    @Override
    public void write(List<WriteOp> ops) {
        WriteOps.byTable(WriteOps.lastPerKey(ops)).forEach((table, writes) -> {
            for (List<WriteOp> chunk : WriteOps.chunks(writes, batchSize)) {
                writeChunk(table, chunk.stream().map(BatchWriter::request).toList());
            }
        });
    }

    private void writeChunk(String table, List<WriteRequest> requests) {
        List<WriteRequest> pending = requests;
        Retries.Run run = retries.start();
        while (true) {
            try {
                List<WriteRequest> sending = pending;
                BatchWriteItemResponse response = client.batchWriteItem(r -> r.requestItems(Map.of(table, sending)));
                pending = response.hasUnprocessedItems()
                        ? response.unprocessedItems().getOrDefault(table, List.of()) : List.of();
                if (pending.isEmpty()) {
                    log.debug("Wrote {} items to table {} after {} retries", requests.size(), table, run.retries());
                    return;
                }
                log.debug("{} of {} items to table {} were not processed; retrying", pending.size(), sending.size(),
                        table);
                if (!run.backOff()) {
                    throw new RetriableException(pending.size() + " items to table " + table + " were still "
                            + "unprocessed after " + run.retries() + " retries (throttled); will retry");
                }
            } catch (SdkException e) {
                if (!DynamoDbErrors.isTransient(e) || !run.backOff()) {
                    throw DynamoDbErrors.translate("write " + pending.size() + " items to table " + table, e);
                }
                log.debug("Retrying a write to table {} after: {}", table, e.getMessage());
            }
        }
    }

    private static WriteRequest request(WriteOp op) {
        if (op instanceof WriteOp.Put put) {
            return WriteRequest.builder().putRequest(p -> p.item(put.item())).build();
        }
        return WriteRequest.builder().deleteRequest(d -> d.key(op.key())).build();
    }
}
