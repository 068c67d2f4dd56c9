package dev.sluice.connect.dynamodb;

import dev.sluice.connect.dynamodb.write.ConditionalWriter;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A DynamoDB that keeps tables in maps, for unit tests: DescribeTable, CreateTable, BatchWriteItem (with
 * DynamoDB's checks: at most 25 items, no key twice, keys that fit the table), PutItem and DeleteItem with exactly
 * the condition {@link ConditionalWriter} sends, and failures and unprocessed items on demand.
 */
public final class FakeDynamoDb implements DynamoDbClient {

    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final Deque<Supplier<RuntimeException>> failures = new ArrayDeque<>();
    private final Deque<Integer> unprocessed = new ArrayDeque<>();
    private final List<Integer> batchSizes = new ArrayList<>();
    private final List<String> calls = new ArrayList<>();

    private record Table(TableDescription description, Map<Map<String, AttributeValue>, Map<String, AttributeValue>> items) {
    }

    /** Adds a table with a hash key and, if {@code sortName} is not null, a sort key. */
    public synchronized FakeDynamoDb table(String name, String hashName, ScalarAttributeType hashType,
            String sortName, ScalarAttributeType sortType) {
        List<KeySchemaElement> keys = new ArrayList<>();
        List<AttributeDefinition> definitions = new ArrayList<>();
        keys.add(KeySchemaElement.builder().attributeName(hashName).keyType(KeyType.HASH).build());
        definitions.add(AttributeDefinition.builder().attributeName(hashName).attributeType(hashType).build());
        if (sortName != null) {
            keys.add(KeySchemaElement.builder().attributeName(sortName).keyType(KeyType.RANGE).build());
            definitions.add(AttributeDefinition.builder().attributeName(sortName).attributeType(sortType).build());
        }
        tables.put(name, new Table(TableDescription.builder().tableName(name).keySchema(keys)
                .attributeDefinitions(definitions).tableStatus(TableStatus.ACTIVE).build(), new LinkedHashMap<>()));
        return this;
    }

    public FakeDynamoDb table(String name, String hashName, ScalarAttributeType hashType) {
        return table(name, hashName, hashType, null, null);
    }

    /** The next {@code n} calls fail with {@code failure}. */
    public synchronized FakeDynamoDb failNext(int n, Supplier<RuntimeException> failure) {
        for (int i = 0; i < n; i++) {
            failures.add(failure);
        }
        return this;
    }

    /** The next BatchWriteItem calls leave their last {@code counts[i]} writes unprocessed. */
    public synchronized FakeDynamoDb leaveUnprocessed(int... counts) {
        for (int count : counts) {
            unprocessed.add(count);
        }
        return this;
    }

    public static RuntimeException throttled() {
        return ProvisionedThroughputExceededException.builder().statusCode(400)
                .message("The level of configured provisioned throughput for the table was exceeded")
                .awsErrorDetails(details("ProvisionedThroughputExceededException")).build();
    }

    public static RuntimeException throttling() {
        return DynamoDbException.builder().statusCode(400).message("Rate exceeded")
                .awsErrorDetails(details("ThrottlingException")).build();
    }

    public static RuntimeException serverError() {
        return DynamoDbException.builder().statusCode(500).message("Internal server error")
                .awsErrorDetails(details("InternalServerError")).build();
    }

    public static RuntimeException timeout() {
        return SdkClientException.create("Unable to execute HTTP request: Read timed out",
                new java.net.SocketTimeoutException("Read timed out"));
    }

    public static RuntimeException accessDenied() {
        return DynamoDbException.builder().statusCode(400)
                .message("User is not authorized to perform: dynamodb:BatchWriteItem")
                .awsErrorDetails(details("AccessDeniedException")).build();
    }

    public static RuntimeException notFound(String table) {
        return ResourceNotFoundException.builder().statusCode(400).message("Requested resource not found: Table: "
                + table + " not found").awsErrorDetails(details("ResourceNotFoundException")).build();
    }

    private static AwsErrorDetails details(String code) {
        return AwsErrorDetails.builder().errorCode(code).serviceName("DynamoDB").errorMessage(code).build();
    }

    private static DynamoDbException validation(String message) {
        return (DynamoDbException) DynamoDbException.builder().statusCode(400).message(message)
                .awsErrorDetails(details("ValidationException")).build();
    }

    /** The items of {@code table}, in the order first written. */
    public synchronized List<Map<String, AttributeValue>> items(String table) {
        return List.copyOf(tables.get(table).items().values());
    }

    public synchronized Optional<Map<String, AttributeValue>> item(String table, Map<String, AttributeValue> key) {
        return Optional.ofNullable(tables.get(table).items().get(key));
    }

    public synchronized boolean hasTable(String table) {
        return tables.containsKey(table);
    }

    public synchronized TableDescription description(String table) {
        return tables.get(table).description();
    }

    /** The number of writes in each BatchWriteItem call, in order. */
    public synchronized List<Integer> batchSizes() {
        return List.copyOf(batchSizes);
    }

    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    private void call(String name) {
        calls.add(name);
        Supplier<RuntimeException> failure = failures.poll();
        if (failure != null) {
            throw failure.get();
        }
    }

    private Table table(String name) {
        Table table = tables.get(name);
        if (table == null) {
            throw notFound(name);
        }
        return table;
    }

    @Override
    public synchronized DescribeTableResponse describeTable(DescribeTableRequest request) {
        call("DescribeTable");
        return DescribeTableResponse.builder().table(table(request.tableName()).description()).build();
    }

    @Override
    public synchronized CreateTableResponse createTable(CreateTableRequest request) {
        call("CreateTable");
        if (tables.containsKey(request.tableName())) {
            throw ResourceInUseException.builder().statusCode(400).message("Table already exists")
                    .awsErrorDetails(details("ResourceInUseException")).build();
        }
        if (request.billingMode() != BillingMode.PAY_PER_REQUEST) {
            throw validation("Expected on-demand capacity in this fake");
        }
        TableDescription description = TableDescription.builder().tableName(request.tableName())
                .keySchema(request.keySchema()).attributeDefinitions(request.attributeDefinitions())
                .billingModeSummary(b -> b.billingMode(request.billingMode())).tableStatus(TableStatus.ACTIVE).build();
        tables.put(request.tableName(), new Table(description, new LinkedHashMap<>()));
        return CreateTableResponse.builder().tableDescription(description).build();
    }

    @Override
    public synchronized BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
        call("BatchWriteItem");
        int count = request.requestItems().values().stream().mapToInt(List::size).sum();
        batchSizes.add(count);
        if (count > 25) {
            throw validation("Too many items requested for the BatchWriteItem call");
        }
        Integer leave = unprocessed.poll();
        Map<String, List<WriteRequest>> left = new LinkedHashMap<>();
        for (Map.Entry<String, List<WriteRequest>> entry : request.requestItems().entrySet()) {
            Table table = table(entry.getKey());
            Set<Map<String, AttributeValue>> seen = new HashSet<>();
            for (WriteRequest write : entry.getValue()) {
                Map<String, AttributeValue> key = key(table, write.putRequest() != null
                        ? write.putRequest().item() : write.deleteRequest().key());
                if (!seen.add(key)) {
                    throw validation("Provided list of item keys contains duplicates");
                }
            }
            List<WriteRequest> writes = entry.getValue();
            int keep = leave == null ? writes.size() : Math.max(0, writes.size() - leave);
            for (WriteRequest write : writes.subList(0, keep)) {
                if (write.putRequest() != null) {
                    table.items().put(key(table, write.putRequest().item()), write.putRequest().item());
                } else {
                    table.items().remove(key(table, write.deleteRequest().key()));
                }
            }
            if (keep < writes.size()) {
                left.put(entry.getKey(), List.copyOf(writes.subList(keep, writes.size())));
            }
        }
        return BatchWriteItemResponse.builder().unprocessedItems(left).build();
    }

    @Override
    public synchronized PutItemResponse putItem(PutItemRequest request) {
        call("PutItem");
        Table table = table(request.tableName());
        Map<String, AttributeValue> key = key(table, request.item());
        checkCondition(table, key, request.conditionExpression(), request.expressionAttributeNames(),
                request.expressionAttributeValues());
        table.items().put(key, request.item());
        return PutItemResponse.builder().build();
    }

    @Override
    public synchronized DeleteItemResponse deleteItem(DeleteItemRequest request) {
        call("DeleteItem");
        Table table = table(request.tableName());
        Map<String, AttributeValue> key = key(table, request.key());
        checkCondition(table, key, request.conditionExpression(), request.expressionAttributeNames(),
                request.expressionAttributeValues());
        table.items().remove(key);
        return DeleteItemResponse.builder().build();
    }

    /** Evaluates {@link ConditionalWriter#CONDITION}, the only condition this fake understands. */
    private static void checkCondition(Table table, Map<String, AttributeValue> key, String condition,
            Map<String, String> names, Map<String, AttributeValue> values) {
        if (condition == null) {
            return;
        }
        if (!ConditionalWriter.CONDITION.equals(condition)) {
            throw new UnsupportedOperationException("FakeDynamoDb does not understand the condition " + condition);
        }
        Map<String, AttributeValue> existing = table.items().get(key);
        AttributeValue partition = existing == null ? null : existing.get(names.get("#kp"));
        if (partition == null
                || number(partition).compareTo(number(values.get(":p"))) != 0
                || number(existing.get(names.get("#ko"))).compareTo(number(values.get(":o"))) < 0) {
            return;
        }
        throw ConditionalCheckFailedException.builder().statusCode(400).message("The conditional request failed")
                .awsErrorDetails(details("ConditionalCheckFailedException")).build();
    }

    private static BigDecimal number(AttributeValue value) {
        return new BigDecimal(value.n());
    }

    /** The key attributes of {@code item}, checked against the table's key schema as DynamoDB does. */
    private static Map<String, AttributeValue> key(Table table, Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (KeySchemaElement element : table.description().keySchema()) {
            AttributeValue value = item.get(element.attributeName());
            if (value == null) {
                throw validation("One of the required keys was not given a value");
            }
            String type = table.description().attributeDefinitions().stream()
                    .filter(d -> d.attributeName().equals(element.attributeName())).findFirst().orElseThrow()
                    .attributeTypeAsString();
            if (!value.type().name().equals(type)) {
                throw validation("Type mismatch for key " + element.attributeName());
            }
            key.put(element.attributeName(), value);
        }
        return key;
    }

    @Override
    public String serviceName() {
        return "dynamodb";
    }

    @Override
    public void close() {
    }
}
