package dev.sluice.runtime.connect;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Identifies the Kafka Connect cluster that Sluice runs for one connector, as MSK Connect does: each connector
 * gets its own group and its own internal topics, so connectors never share a rebalance.
 *
 * <p>{@code workers} Connect workers of the cluster run on this node; they form one group, and Connect's own
 * assignor spreads the connector's tasks over them.
 *
 * <p>{@code id} is fresh for every creation, so a connector deleted and created again under the same name starts
 * from new internal topics.
 */
public record ConnectorClusterId(String connectorName, String id, Map<String, String> workerOverrides, int workers) {

    private static final int MAX_TOPIC_LENGTH = 249;
    private static final String PREFIX = "__sluice_";

    /**
     * @param workerOverrides Kafka Connect worker settings of this cluster alone, over the node's (an MSK Connect
     *                        worker configuration, the connector's Kafka cluster, its custom plugins' plugin.path)
     */
    public ConnectorClusterId {
        Objects.requireNonNull(connectorName, "connectorName");
        Objects.requireNonNull(id, "id");
        workerOverrides = workerOverrides == null ? Map.of() : Map.copyOf(workerOverrides);
        workers = Math.max(1, workers);
    }

    public ConnectorClusterId(String connectorName, String id) {
        this(connectorName, id, Map.of(), 1);
    }

    public static ConnectorClusterId newFor(String connectorName) {
        return newFor(connectorName, Map.of());
    }

    public static ConnectorClusterId newFor(String connectorName, Map<String, String> workerOverrides) {
        return newFor(connectorName, workerOverrides, 1);
    }

    /** @param workers how many Connect workers the cluster has (MSK Connect's provisioned workerCount) */
    public static ConnectorClusterId newFor(String connectorName, Map<String, String> workerOverrides, int workers) {
        return new ConnectorClusterId(connectorName, UUID.randomUUID().toString().substring(0, 8), workerOverrides,
                workers);
    }

    public String groupId() {
        return name("group");
    }

    public String configTopic() {
        return name("configs");
    }

    public String offsetsTopic() {
        return name("offsets");
    }

    public String statusTopic() {
        return name("status");
    }

    private String name(String kind) {
        String head = PREFIX + kind + "_";
        String tail = "_" + id;
        String middle = sanitize(connectorName);
        int room = MAX_TOPIC_LENGTH - head.length() - tail.length();
        if (middle.length() > room) {
            middle = middle.substring(0, room);
        }
        return head + middle + tail;
    }

    /** Kafka topic names allow only ASCII letters, digits, '.', '_' and '-'; connector names allow more. */
    static String sanitize(String connectorName) {
        StringBuilder out = new StringBuilder(connectorName.length());
        for (char c : connectorName.toCharArray()) {
            boolean legal = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            out.append(legal ? c : '_');
        }
        return out.toString();
    }
}
