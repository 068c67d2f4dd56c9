package dev.sluice.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * The {@code POST /connectors} configs of the benchmark's S3 sinks: schema'd JSON values ({@code JsonConverter},
 * {@code schemas.enable=true}), null keys, the local S3 server with static credentials, and each connector's objects
 * under a {@code topics.dir} named after it. Everything else keeps the connector's defaults ({@code s3.part.size}
 * 25 MiB, {@code s3.memory.budget.bytes} 64 MiB a task, the default partitioner).
 *
 * @param endpoint the S3 server
 */
public record S3SinkConfigs(String endpoint, String region, String bucket, String accessKey, String secretKey,
                            int tasks) {

    /** Objects cut by count only: every {@code flushSize} records of a partition. */
    public Map<String, String> throughput(String name, String topic, SinkFormat format, int flushSize) {
        Map<String, String> config = common(name, topic);
        config.putAll(format.config());
        config.put("flush.size", Integer.toString(flushSize));
        return config;
    }

    /** JSON lines of schemaless JSON values ({@code schemas.enable=false}), an object every {@code flushSize}. */
    public Map<String, String> schemaless(String name, String topic, int flushSize) {
        Map<String, String> config = common(name, topic);
        config.put("value.converter.schemas.enable", "false");
        config.put("format.class", "json");
        config.put("flush.size", Integer.toString(flushSize));
        return config;
    }

    /**
     * JSON lines with gzip, objects cut by record time: an object ends before the first record at least
     * {@code rotateIntervalMs} after its first record's Kafka timestamp. {@code flush.size} is set beyond reach.
     */
    public Map<String, String> latency(String name, String topic, long rotateIntervalMs) {
        Map<String, String> config = common(name, topic);
        config.putAll(SinkFormat.JSON_GZIP.config());
        config.put("flush.size", Integer.toString(Integer.MAX_VALUE));
        config.put("rotate.interval.ms", Long.toString(rotateIntervalMs));
        config.put("timestamp.extractor", "Record");
        return config;
    }

    /** Where a connector's objects of a topic's partition go: {@code <name>/<topic>/partition=} and the number. */
    public static String partitionPrefix(String name, String topic) {
        return name + "/" + topic + "/partition=";
    }

    private Map<String, String> common(String name, String topic) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", "dev.sluice.connect.s3.S3SinkConnector");
        config.put("topics", topic);
        config.put("tasks.max", Integer.toString(tasks));
        config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter.schemas.enable", "true");
        config.put("s3.bucket.name", bucket);
        config.put("s3.region", region);
        config.put("s3.endpoint", endpoint);
        config.put("s3.path.style.access.enabled", "true");
        config.put("aws.access.key.id", accessKey);
        config.put("aws.secret.access.key", secretKey);
        config.put("topics.dir", name);
        return config;
    }
}
