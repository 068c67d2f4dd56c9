package dev.sluice.connect.dynamodb.write;

import dev.sluice.connect.dynamodb.mapping.ItemSize;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** One item write that a record asks for, with the record's Kafka coordinates. */
public sealed interface WriteOp permits WriteOp.Put, WriteOp.Delete {

    String table();

    /** The item's key attributes. */
    Map<String, AttributeValue> key();

    int partition();

    long offset();

    /**
     * Write {@code item} (which holds the key attributes) in place of the item with its key; {@code bytes} is the
     * item's size as DynamoDB counts it ({@link ItemSize}), measured once by whoever made the item.
     */
    record Put(String table, Map<String, AttributeValue> key, Map<String, AttributeValue> item, long bytes,
            int partition, long offset) implements WriteOp {
        public Put {
            key = Map.copyOf(key);
            item = Map.copyOf(item);
        }

        public Put(String table, Map<String, AttributeValue> key, Map<String, AttributeValue> item, int partition,
                long offset) {
            this(table, key, item, ItemSize.of(item), partition, offset);
        }
    }

    /** Delete the item with {@code key}. */
    record Delete(String table, Map<String, AttributeValue> key, int partition, long offset) implements WriteOp {
        public Delete {
            key = Map.copyOf(key);
        }
    }
}
