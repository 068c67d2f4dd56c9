package dev.sluice.connect.dynamodb.write;

import dev.sluice.connect.dynamodb.mapping.ItemSize;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Preparing writes for DynamoDB, which rejects a batch that names one key twice. */
final class WriteOps {

    /** BatchWriteItem's limit on the size of one request. */
    static final long MAX_REQUEST_BYTES = 16L * 1024 * 1024;

    private WriteOps() {
    }

    private record TableKey(String table, Map<String, AttributeValue> key) {
    }

    /** The last write per table and key, in the order of those last writes. */
    static List<WriteOp> lastPerKey(List<WriteOp> ops) {
        Map<TableKey, WriteOp> last = new LinkedHashMap<>();
        for (WriteOp op : ops) {
            var key = new TableKey(op.table(), op.key());
            last.remove(key);
            last.put(key, op);
        }
        return List.copyOf(last.values());
    }

    /** The writes grouped by table, each group in the order given. */
    static Map<String, List<WriteOp>> byTable(List<WriteOp> ops) {
        return ops.stream().collect(Collectors.groupingBy(WriteOp::table, LinkedHashMap::new, Collectors.toList()));
    }

    /** Consecutive runs of at most {@code maxItems} writes to one table and at most 16 MB of items. */
    static List<List<WriteOp>> chunks(List<WriteOp> ops, int maxItems) {
        List<List<WriteOp>> chunks = new ArrayList<>();
        List<WriteOp> chunk = new ArrayList<>();
        long bytes = 0;
        for (WriteOp op : ops) {
            long size = size(op);
            boolean full = chunk.size() >= maxItems || bytes + size > MAX_REQUEST_BYTES
                    || !chunk.isEmpty() && !chunk.get(0).table().equals(op.table());
            if (full) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
                bytes = 0;
            }
            chunk.add(op);
            bytes += size;
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        return chunks;
    }

    static long size(WriteOp op) {
        return op instanceof WriteOp.Put put ? put.bytes() : ItemSize.of(op.key());
    }
}
