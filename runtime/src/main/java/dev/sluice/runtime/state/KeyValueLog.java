package dev.sluice.runtime.state;

import java.util.function.BiConsumer;

/**
 * A durable log of key/value writes that every node sharing it follows: a compacted Kafka topic, or memory in unit
 * tests. A write returns once this node's followers have seen it, so a node reads its own writes.
 */
public interface KeyValueLog {

    /**
     * Hands {@code listener} every live key now, then each later change (a {@code null} value once a key is removed),
     * in log order, whichever node wrote it. Listeners run on the log's own thread and must return quickly.
     */
    void follow(BiConsumer<String, String> listener);

    void put(String key, String value);

    void remove(String key);
}
