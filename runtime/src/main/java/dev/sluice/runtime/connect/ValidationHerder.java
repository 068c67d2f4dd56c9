package dev.sluice.runtime.connect;

import io.dropwizard.lifecycle.Managed;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigOverridePolicy;
import org.apache.kafka.connect.runtime.Herder;
import org.apache.kafka.connect.runtime.Worker;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfos;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorInfo;
import org.apache.kafka.connect.runtime.rest.errors.BadRequestException;
import org.apache.kafka.connect.runtime.standalone.StandaloneHerder;
import org.apache.kafka.connect.util.Callback;

import java.util.Map;

/**
 * A herder that runs no connector: it validates connector configs and describes plugins for the whole node, with
 * Kafka Connect's own validation, and answers for connectors that do not exist (its config store stays empty).
 */
public final class ValidationHerder implements Managed {

    private final StandaloneHerder herder;

    public ValidationHerder(Worker worker, String kafkaClusterId, ConnectorClientConfigOverridePolicy policy) {
        this.herder = new StandaloneHerder(worker, kafkaClusterId, policy);
    }

    /** The herder itself, for the calls it answers as Kafka Connect would. */
    public Herder herder() {
        return herder;
    }

    @Override
    public void start() {
        herder.start();
    }

    @Override
    public void stop() {
        herder.stop();
    }

    /**
     * Validates the config of a connector about to be created. On errors, completes {@code callback} with the 400
     * that Kafka Connect's own herders give (every invalid field named); otherwise runs {@code onValid}.
     */
    public void checkNewConnectorConfig(Map<String, String> config,
                                        Callback<Herder.Created<ConnectorInfo>> callback,
                                        Runnable onValid) {
        herder.validateConnectorConfig(config, (error, infos) -> {
            if (error != null) {
                callback.onCompletion(error, null);
            } else if (infos.errorCount() > 0) {
                callback.onCompletion(new BadRequestException(errorMessage(infos)), null);
            } else {
                onValid.run();
            }
        }, false);
    }

    /** The message of Kafka Connect's {@code AbstractHerder.maybeAddConfigErrors}, word for word. */
    static String errorMessage(ConfigInfos infos) {
        StringBuilder messages = new StringBuilder("Connector configuration is invalid and contains the following ")
                .append(infos.errorCount()).append(" error(s):");
        for (ConfigInfo configInfo : infos.configs()) {
            for (String msg : configInfo.configValue().errors()) {
                messages.append('\n').append(msg);
            }
        }
        return messages.append("\nYou can also find the above list of errors at the endpoint "
                + "`/connector-plugins/{connectorType}/config/validate`").toString();
    }
}
