package dev.sluice.runtime.state;

import java.util.Map;

/** A durable log of key/value writes, read back whole: a compacted Kafka topic, or memory in unit tests. */
public interface KeyValueLog {

    Map<String, String> readAll();

    void put(String key, String value);

    void remove(String key);
}
