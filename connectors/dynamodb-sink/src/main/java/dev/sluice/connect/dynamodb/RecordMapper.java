package dev.sluice.connect.dynamodb;

import dev.sluice.connect.dynamodb.mapping.ItemMapper;
import dev.sluice.connect.dynamodb.mapping.ItemSize;
import dev.sluice.connect.dynamodb.mapping.KeyExtractor;
import dev.sluice.connect.dynamodb.mapping.KeyRef;
import dev.sluice.connect.dynamodb.mapping.TableKeySchema;
import dev.sluice.connect.dynamodb.write.Tables;
import dev.sluice.connect.dynamodb.write.WriteOp;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Turns a record into the item write it asks for: a put, a delete for a tombstone, or nothing. */
final class RecordMapper {

    private final DynamoDbSinkSettings settings;
    private final ItemMapper items;
    private final KeyExtractor keys;
    private final Tables tables;
    private final boolean readsValue;

    RecordMapper(DynamoDbSinkSettings settings, Tables tables) {
        this.settings = settings;
        this.items = new ItemMapper(settings.arraysAsSets());
        this.keys = new KeyExtractor(settings.keys().hash(), settings.keys().sort());
        this.tables = tables;
        this.readsValue = settings.keys().hash().readsValue()
                || settings.keys().sort().map(KeyRef::readsValue).orElse(false);
    }

    /**
     * @return the write, or empty for a tombstone to ignore
     * @throws DataException when the record cannot become an item: a bad record
     */
    Optional<WriteOp> map(SinkRecord record) {
        String table = settings.tableName(record.topic());
        int partition = record.originalKafkaPartition();
        long offset = record.originalKafkaOffset();
        if (record.value() == null) {
            return switch (settings.nullValues()) {
                case IGNORE -> Optional.empty();
                case FAIL -> throw new DataException("The record's value is null (a tombstone), and "
                        + "behavior.on.null.values=fail; set it to delete or ignore to accept tombstones");
                case DELETE -> {
                    if (readsValue) {
                        throw new DataException("The record is a tombstone, whose item cannot be named: a key "
                                + "attribute comes from the value. Set behavior.on.null.values=ignore to skip "
                                + "tombstones, or key the items by the record key");
                    }
                    yield Optional.of(new WriteOp.Delete(table, key(record, table, null), partition, offset));
                }
            };
        }
        AttributeValue value = items.toAttribute(record.value(), record.valueSchema());
        Map<String, AttributeValue> item = ItemMapper.attributes(value);
        Map<String, AttributeValue> key = key(record, table, value);
        item.putAll(key);
        if (settings.ordering() == OrderingMode.OFFSET) {
            item.put(DynamoDbSinkConfig.PARTITION_ATTRIBUTE, AttributeValue.fromN(Integer.toString(partition)));
            item.put(DynamoDbSinkConfig.OFFSET_ATTRIBUTE, AttributeValue.fromN(Long.toString(offset)));
        }
        long bytes = ItemSize.check(item);
        return Optional.of(new WriteOp.Put(table, key, item, bytes, partition, offset));
    }

    private Map<String, AttributeValue> key(SinkRecord record, String table, AttributeValue value) {
        Map<String, AttributeValue> key = keys.key(record,
                () -> items.toAttribute(record.key(), record.keySchema()), value);
        TableKeySchema schema = tables.schema(table, key);
        keys.checkTypes(key, schema);
        return key;
    }
}
