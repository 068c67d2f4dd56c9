package dev.sluice.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * The {@code POST /connectors} config of the benchmark's DynamoDB sink: string keys and schemaless JSON string
 * values ({@code StringConverter} for both), items keyed by the record key ({@code aws.dynamodb.pk.hash=key:id}, no
 * sort key), BatchWriteItem of 25 ({@code ordering.mode=none}), the stand-in with static credentials, and a table
 * the benchmark has created. Everything else keeps the connector's defaults.
 */
public record DynamoDbSinkConfigs(DynamoDbEndpoint endpoint, int tasks) {

    public Map<String, String> config(String topic, String table) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", "dev.sluice.connect.dynamodb.DynamoDbSinkConnector");
        config.put("topics", topic);
        config.put("tasks.max", Integer.toString(tasks));
        config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        config.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        config.put("aws.dynamodb.endpoint", endpoint.endpoint());
        config.put("aws.dynamodb.region", endpoint.region());
        config.put("aws.access.key.id", endpoint.accessKey());
        config.put("aws.secret.access.key", endpoint.secretKey());
        config.put("table.name.format", table);
        config.put("aws.dynamodb.pk.hash", "key:" + ItemRecords.HASH_KEY);
        config.put("aws.dynamodb.pk.sort", "");
        config.put("batch.size", Integer.toString(RawBatchWrites.BATCH_SIZE));
        config.put("ordering.mode", "none");
        return config;
    }
}
