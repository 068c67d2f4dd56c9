package dev.sluice.connect.discard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkConnector;

/** Counts records and drops them; for smoke tests and benchmarks. See {@link DiscardSinkCountersMBean}. */
public class DiscardSinkConnector extends SinkConnector {

    /** The worker's key for the connector's name, which it passes to connectors but not to tasks. */
    static final String NAME = "name";

    private Map<String, String> props;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        DiscardSinkConfig.validate(props);
        if (props.get(NAME) == null || props.get(NAME).isBlank()) {
            throw new ConnectException("The connector config has no '" + NAME + "'; the worker always sets it");
        }
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return DiscardSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>(maxTasks);
        for (int i = 0; i < maxTasks; i++) {
            Map<String, String> config = new HashMap<>(props);
            config.put(DiscardSinkConfig.CONNECTOR_NAME, props.get(NAME));
            config.put(DiscardSinkConfig.TASK_ID, Integer.toString(i));
            configs.add(config);
        }
        return configs;
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return DiscardSinkConfig.CONFIG_DEF;
    }
}
