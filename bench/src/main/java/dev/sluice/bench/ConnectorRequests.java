package dev.sluice.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CreateConnector bodies for the benchmark's connectors: one worker of one MCU on the bundled cluster, without
 * authentication or TLS, with the benchmark's worker configuration (string keys, byte-array values) and one custom plugin.
 *
 * @param bootstrapServers       the Kafka cluster the connectors use
 * @param workerConfigurationArn revision 1 of it is used
 */
public record ConnectorRequests(String bootstrapServers, String workerConfigurationArn) {

    /** A datagen source writing {@code recordsPerSecond} records a second to {@code topic}. */
    public Map<String, Object> datagen(String name, String pluginArn, String topic, int recordsPerSecond) {
        return request(name, pluginArn, Map.of(
                "connector.class", "dev.sluice.connect.datagen.DatagenSourceConnector",
                "kafka.topic", topic,
                "records.per.second", Integer.toString(recordsPerSecond),
                "tasks.max", "1"));
    }

    /** A discard sink reading {@code topic}. */
    public Map<String, Object> discard(String name, String pluginArn, String topic) {
        return request(name, pluginArn, Map.of(
                "connector.class", "dev.sluice.connect.discard.DiscardSinkConnector",
                "topics", topic,
                "tasks.max", "1"));
    }

    private Map<String, Object> request(String name, String pluginArn, Map<String, String> configuration) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("connectorName", name);
        request.put("capacity", Map.of("provisionedCapacity", Map.of("mcuCount", 1, "workerCount", 1)));
        request.put("connectorConfiguration", configuration);
        request.put("kafkaCluster", Map.of("apacheKafkaCluster", Map.of(
                "bootstrapServers", bootstrapServers,
                "vpc", Map.of("subnets", List.of("subnet-bench")))));
        request.put("kafkaClusterClientAuthentication", Map.of("authenticationType", "NONE"));
        request.put("kafkaClusterEncryptionInTransit", Map.of("encryptionType", "PLAINTEXT"));
        request.put("kafkaConnectVersion", "3.7.x");
        request.put("plugins", List.of(Map.of("customPlugin", Map.of("customPluginArn", pluginArn, "revision", 1))));
        request.put("serviceExecutionRoleArn", "arn:aws:iam::000000000000:role/bench");
        request.put("workerConfiguration", Map.of("workerConfigurationArn", workerConfigurationArn, "revision", 1));
        return request;
    }
}
