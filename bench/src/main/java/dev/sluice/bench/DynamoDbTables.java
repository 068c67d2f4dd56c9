package dev.sluice.bench;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * The tables of the {@code dynamodb-sink} benchmark in the DynamoDB stand-in: each run writes into a fresh table
 * keyed by {@link ItemRecords#HASH_KEY} (a string), which is counted and deleted afterwards.
 */
public final class DynamoDbTables implements AutoCloseable {

    private final DynamoDbClient client;
    private final Poller poller;

    /** @param poller how often and how long to wait for a new table to be ACTIVE */
    public DynamoDbTables(DynamoDbEndpoint endpoint, Poller poller) {
        this.client = endpoint.retryingClient();
        this.poller = poller;
    }

    /** Creates {@code table} with on-demand capacity, as the sink's {@code auto.create} would, and awaits it. */
    public void create(String table) throws Exception {
        client.createTable(r -> r.tableName(table)
                .keySchema(k -> k.attributeName(ItemRecords.HASH_KEY).keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName(ItemRecords.HASH_KEY)
                        .attributeType(ScalarAttributeType.S))
                .billingMode(BillingMode.PAY_PER_REQUEST));
        poller.until(() -> client.describeTable(r -> r.tableName(table)).table().tableStatus()
                == TableStatus.ACTIVE, () -> "table " + table + " to be ACTIVE");
    }

    /**
     * The items in {@code table}, by a Scan with {@code Select=COUNT}: this reads every item, and is used only
     * outside the measured windows, to check that a run wrote everything.
     */
    public long count(String table) {
        long count = 0;
        Map<String, AttributeValue> startKey = null;
        do {
            Map<String, AttributeValue> from = startKey;
            ScanResponse page = client.scan(r -> r.tableName(table).select(Select.COUNT).exclusiveStartKey(from));
            count += page.count();
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                    ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        return count;
    }

    public void delete(String table) {
        client.deleteTable(r -> r.tableName(table));
    }

    @Override
    public void close() {
        client.close();
    }
}
