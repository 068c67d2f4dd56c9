package dev.sluice.connect.dynamodb.write;

import java.util.List;

/** Writes a batch of item writes fully, or throws. */
public interface ItemWriter extends AutoCloseable {

    /**
     * Returns once every write is in DynamoDB. Writes to the same key collapse to the last one.
     *
     * @throws org.apache.kafka.connect.errors.RetriableException when DynamoDB stays unavailable or throttled
     *         beyond the retry budget; the batch may be written again as a whole
     * @throws org.apache.kafka.connect.errors.ConnectException for a misconfiguration retrying does not fix
     */
    void write(List<WriteOp> ops);

    @Override
    default void close() {
    }
}
