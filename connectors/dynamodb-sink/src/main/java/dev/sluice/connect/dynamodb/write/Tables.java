package dev.sluice.connect.dynamodb.write;

import dev.sluice.connect.dynamodb.mapping.KeyExtractor;
import dev.sluice.connect.dynamodb.mapping.KeyRef;
import dev.sluice.connect.dynamodb.mapping.TableKeySchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * The key schemas of the tables a task writes to: looked up once per table, checked against
 * {@code aws.dynamodb.pk.hash} and {@code aws.dynamodb.pk.sort}, and with {@code auto.create} created (on-demand
 * capacity) when missing.
 */
public final class Tables {

    private static final Logger log = LoggerFactory.getLogger(Tables.class);
    static final int ACTIVE_POLLS = 120;
    static final long ACTIVE_POLL_MS = 500;

    private final DynamoDbClient client;
    private final KeyRef hash;
    private final Optional<KeyRef> sort;
    private final boolean autoCreate;
    private final String location;
    private final Retries retries;
    private final Sleeper sleeper;
    private final Map<String, TableKeySchema> known = new ConcurrentHashMap<>();

    /** @param location where the tables are, for messages: the region and endpoint */
    public Tables(DynamoDbClient client, KeyRef hash, Optional<KeyRef> sort, boolean autoCreate, String location,
            Retries retries, Sleeper sleeper) {
        this.client = client;
        this.hash = hash;
        this.sort = sort;
        this.autoCreate = autoCreate;
        this.location = location;
        this.retries = retries;
        this.sleeper = sleeper;
    }

    /**
     * The key schema of {@code table}.
     *
     * @param key a record's key attributes, whose types a created table's key takes
     * @throws ConnectException when the table is missing (and not to be created) or its key is not the configured one
     */
    public TableKeySchema schema(String table, Map<String, AttributeValue> key) {
        TableKeySchema schema = known.get(table);
        if (schema != null) {
            return schema;
        }
        TableDescription description = describe(table).orElseGet(() -> create(table, key));
        if (description.tableStatus() == TableStatus.CREATING) {
            description = awaitActive(table);
        }
        schema = TableKeySchema.of(description);
        Optional<String> mismatch = schema.mismatch(hash, sort);
        if (mismatch.isPresent()) {
            throw new ConnectException(mismatch.get());
        }
        log.info("Writing to table {} with key {}", table, schema.describe());
        known.put(table, schema);
        return schema;
    }

    private Optional<TableDescription> describe(String table) {
        Retries.Run run = retries.start();
        while (true) {
            try {
                return Optional.of(client.describeTable(r -> r.tableName(table)).table());
            } catch (SdkException e) {
                DynamoDbErrors.Kind kind = DynamoDbErrors.classify(e);
                if (kind == DynamoDbErrors.Kind.TABLE_NOT_FOUND) {
                    return Optional.empty();
                }
                if (kind != DynamoDbErrors.Kind.TRANSIENT || !run.backOff()) {
                    throw DynamoDbErrors.translate("describe table " + table, e);
                }
            }
        }
    }

    private TableDescription create(String table, Map<String, AttributeValue> key) {
        if (!autoCreate) {
            throw new ConnectException("Table " + table + " does not exist in " + location + ". Create it with the "
                    + "key " + configuredKey() + ", correct table.name.format, or set auto.create=true to have the "
                    + "connector create it with on-demand capacity");
        }
        List<KeySchemaElement> keySchema = new ArrayList<>();
        List<AttributeDefinition> definitions = new ArrayList<>();
        keySchema.add(KeySchemaElement.builder().attributeName(hash.attribute()).keyType(KeyType.HASH).build());
        definitions.add(definition(hash, key));
        sort.ifPresent(ref -> {
            keySchema.add(KeySchemaElement.builder().attributeName(ref.attribute()).keyType(KeyType.RANGE).build());
            definitions.add(definition(ref, key));
        });
        try {
            log.info("Creating table {} in {} with key {} and on-demand capacity", table, location, configuredKey());
            client.createTable(r -> r.tableName(table).keySchema(keySchema).attributeDefinitions(definitions)
                    .billingMode(BillingMode.PAY_PER_REQUEST));
        } catch (ResourceInUseException e) {
            log.info("Table {} is being created by another task", table);
        } catch (SdkException e) {
            throw DynamoDbErrors.translate("create table " + table, e);
        }
        return awaitActive(table);
    }

    private static AttributeDefinition definition(KeyRef ref, Map<String, AttributeValue> key) {
        return AttributeDefinition.builder().attributeName(ref.attribute())
                .attributeType(KeyExtractor.scalarType(key.get(ref.attribute()))).build();
    }

    private TableDescription awaitActive(String table) {
        for (int poll = 0; poll < ACTIVE_POLLS; poll++) {
            Optional<TableDescription> description = describe(table);
            if (description.isPresent() && description.get().tableStatus() != TableStatus.CREATING) {
                return description.get();
            }
            try {
                sleeper.sleep(ACTIVE_POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RetriableException("Interrupted while waiting for table " + table + " to be created", e);
            }
        }
        throw new RetriableException("Table " + table + " is still being created; will retry");
    }

    private String configuredKey() {
        return "(" + hash.attribute() + " HASH" + sort.map(s -> ", " + s.attribute() + " RANGE").orElse("") + ")";
    }
}
