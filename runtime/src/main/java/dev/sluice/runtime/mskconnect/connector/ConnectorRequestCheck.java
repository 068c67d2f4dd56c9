package dev.sluice.runtime.mskconnect.connector;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.runtime.mskconnect.Inputs;
import dev.sluice.runtime.mskconnect.connector.ConnectorApi.CreateConnectorRequest;
import dev.sluice.runtime.mskconnect.connector.ConnectorApi.ProvisionedCapacity;

import java.util.Set;

/** The checks of a CreateConnector request that need nothing but the request: members, enums and bounds. */
final class ConnectorRequestCheck {

    private static final Set<Integer> MCU_COUNTS = Set.of(1, 2, 4, 8);
    /** Each log destination of workerLogDelivery and the member it cannot go without when enabled. */
    private static final String[][] LOG_DESTINATIONS = {
        {"cloudWatchLogs", "logGroup"}, {"firehose", "deliveryStream"}, {"s3", "bucket"}};

    private ConnectorRequestCheck() {
    }

    static Inputs check(CreateConnectorRequest r) {
        Inputs inputs = new Inputs()
                .required("connectorName", r.connectorName())
                .length("connectorName", r.connectorName(), 1, 128)
                .length("connectorDescription", r.connectorDescription(), 0, 1024)
                .required("capacity", r.capacity())
                .required("connectorConfiguration", r.connectorConfiguration())
                .required("kafkaCluster", r.kafkaCluster())
                .required("kafkaClusterClientAuthentication", r.kafkaClusterClientAuthentication())
                .required("kafkaClusterEncryptionInTransit", r.kafkaClusterEncryptionInTransit())
                .required("kafkaConnectVersion", r.kafkaConnectVersion())
                .required("plugins", r.plugins())
                .required("serviceExecutionRoleArn", r.serviceExecutionRoleArn())
                .tags("tags", r.tags());
        if (r.connectorConfiguration() != null && r.connectorConfiguration().get("connector.class") == null) {
            inputs.problem("connectorConfiguration must set connector.class");
        }
        if (r.capacity() != null) {
            checkCapacity(r, inputs);
        }
        if (r.kafkaCluster() != null) {
            var apache = r.kafkaCluster().apacheKafkaCluster();
            inputs.required("kafkaCluster.apacheKafkaCluster", apache);
            if (apache != null) {
                inputs.required("kafkaCluster.apacheKafkaCluster.bootstrapServers", apache.bootstrapServers())
                        .required("kafkaCluster.apacheKafkaCluster.vpc", apache.vpc());
            }
        }
        if (r.kafkaClusterClientAuthentication() != null) {
            String type = r.kafkaClusterClientAuthentication().authenticationType();
            if (!"NONE".equals(type)) {
                inputs.problem("kafkaClusterClientAuthentication.authenticationType must be NONE (Sluice does not "
                        + "support IAM yet), was " + type);
            }
        }
        if (r.kafkaClusterEncryptionInTransit() != null) {
            String type = r.kafkaClusterEncryptionInTransit().encryptionType();
            if (!"PLAINTEXT".equals(type) && !"TLS".equals(type)) {
                inputs.problem("kafkaClusterEncryptionInTransit.encryptionType must be PLAINTEXT or TLS, was " + type);
            }
        }
        if (r.plugins() != null) {
            if (r.plugins().isEmpty()) {
                inputs.problem("plugins must name at least one custom plugin");
            }
            for (int i = 0; i < r.plugins().size(); i++) {
                var plugin = r.plugins().get(i);
                String where = "plugins[" + i + "].customPlugin";
                inputs.required(where, plugin == null ? null : plugin.customPlugin());
                if (plugin != null && plugin.customPlugin() != null) {
                    inputs.required(where + ".customPluginArn", plugin.customPlugin().customPluginArn())
                            .required(where + ".revision", plugin.customPlugin().revision());
                }
            }
        }
        if (r.workerConfiguration() != null) {
            inputs.required("workerConfiguration.workerConfigurationArn",
                            r.workerConfiguration().workerConfigurationArn())
                    .required("workerConfiguration.revision", r.workerConfiguration().revision());
        }
        if (r.logDelivery() != null && !r.logDelivery().isNull()) {
            checkLogDelivery(r.logDelivery(), inputs);
        }
        return inputs;
    }

    /** The model's required members of logDelivery, and the destination each enabled delivery needs. */
    private static void checkLogDelivery(JsonNode logDelivery, Inputs inputs) {
        JsonNode worker = logDelivery.get("workerLogDelivery");
        inputs.required("logDelivery.workerLogDelivery", worker);
        if (worker == null) {
            return;
        }
        for (String[] destination : LOG_DESTINATIONS) {
            String kind = destination[0];
            String target = destination[1];
            JsonNode delivery = worker.get(kind);
            if (delivery == null) {
                continue;
            }
            String at = "logDelivery.workerLogDelivery." + kind;
            if (!delivery.path("enabled").isBoolean()) {
                inputs.problem(at + ".enabled is required");
            } else if (delivery.path("enabled").asBoolean() && delivery.path(target).asText("").isEmpty()) {
                inputs.problem(at + "." + target + " is required when enabled");
            }
        }
    }

    private static void checkAutoScaling(ConnectorApi.AutoScaling a, Inputs inputs) {
        String at = "capacity.autoScaling.";
        inputs.required(at + "minWorkerCount", a.minWorkerCount())
                .required(at + "maxWorkerCount", a.maxWorkerCount())
                .required(at + "mcuCount", a.mcuCount());
        if (a.mcuCount() != null && !MCU_COUNTS.contains(a.mcuCount())) {
            inputs.problem(at + "mcuCount must be 1, 2, 4 or 8, was " + a.mcuCount());
        }
        if (a.minWorkerCount() != null && a.maxWorkerCount() != null) {
            if (a.minWorkerCount() < 1 || a.maxWorkerCount() > 10) {
                inputs.problem(at + "minWorkerCount and maxWorkerCount must be within 1 to 10, were "
                        + a.minWorkerCount() + " and " + a.maxWorkerCount());
            }
            if (a.minWorkerCount() > a.maxWorkerCount()) {
                inputs.problem(at + "minWorkerCount " + a.minWorkerCount() + " is above maxWorkerCount "
                        + a.maxWorkerCount());
            }
        }
        int in = percentage(a.scaleInPolicy(), at + "scaleInPolicy", 20, inputs);
        int out = percentage(a.scaleOutPolicy(), at + "scaleOutPolicy", 80, inputs);
        if (in >= out) {
            inputs.problem(at + "scaleInPolicy.cpuUtilizationPercentage (" + in + ") must be below "
                    + "scaleOutPolicy.cpuUtilizationPercentage (" + out + ")");
        }
        if (a.maxAutoscalingTaskCount() != null && a.maxAutoscalingTaskCount() < 1) {
            inputs.problem(at + "maxAutoscalingTaskCount must be at least 1, was " + a.maxAutoscalingTaskCount());
        }
    }

    /** A policy's percentage, MSK Connect's default when the policy is absent. */
    static int percentage(ConnectorApi.ScalePolicy policy, String at, int byDefault, Inputs inputs) {
        if (policy == null || policy.cpuUtilizationPercentage() == null) {
            return byDefault;
        }
        int value = policy.cpuUtilizationPercentage();
        if (value < 1 || value > 100) {
            inputs.problem(at + ".cpuUtilizationPercentage must be 1 to 100, was " + value);
        }
        return value;
    }

    private static void checkCapacity(CreateConnectorRequest r, Inputs inputs) {
        boolean auto = r.capacity().autoScaling() != null;
        ProvisionedCapacity provisioned = r.capacity().provisionedCapacity();
        if (auto == (provisioned != null)) {
            inputs.problem("capacity must set exactly one of autoScaling and provisionedCapacity");
        }
        if (auto) {
            checkAutoScaling(r.capacity().autoScaling(), inputs);
        }
        if (provisioned != null) {
            if (provisioned.mcuCount() == null || !MCU_COUNTS.contains(provisioned.mcuCount())) {
                inputs.problem("capacity.provisionedCapacity.mcuCount must be 1, 2, 4 or 8, was "
                        + provisioned.mcuCount());
            }
            if (provisioned.workerCount() == null || provisioned.workerCount() < 1 || provisioned.workerCount() > 10) {
                inputs.problem("capacity.provisionedCapacity.workerCount must be 1 to 10, was "
                        + provisioned.workerCount());
            }
        }
    }
}
