package dev.sluice.connect.discard;

import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.NonEmptyString;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/** The discard sink's configuration keys, and their parsing into {@link DiscardSinkSettings}. */
public final class DiscardSinkConfig {

    public static final String LOG_EVERY_RECORDS = "log.every.records";

    /** Set by the connector on each task's config; not meant for users. */
    static final String CONNECTOR_NAME = "discard.connector.name";
    static final String TASK_ID = "discard.task.id";

    private static final String GROUP = "Discard";
    private static final String TASK_GROUP = "Task assignment (set by the connector)";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(LOG_EVERY_RECORDS, Type.LONG, 0L, Range.atLeast(0), Importance.LOW,
                    "Log each task's record count and rate at INFO every this many records. 0 means never.",
                    GROUP, 1, Width.SHORT, "Log every N records");

    static final ConfigDef TASK_CONFIG_DEF = new ConfigDef(CONFIG_DEF)
            .define(CONNECTOR_NAME, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new NonEmptyString(), Importance.LOW,
                    "The connector's name; it names the task's JMX counters.",
                    TASK_GROUP, 1, Width.MEDIUM, "Connector name")
            .define(TASK_ID, Type.INT, ConfigDef.NO_DEFAULT_VALUE, Range.atLeast(0), Importance.LOW,
                    "This task's index, from 0.",
                    TASK_GROUP, 2, Width.SHORT, "Task index");

    private DiscardSinkConfig() {
    }

    /** Validates the connector's config; throws {@code ConfigException} naming the first bad key. */
    public static void validate(Map<String, String> props) {
        new AbstractConfig(CONFIG_DEF, props, false);
    }

    static DiscardSinkSettings parseTask(Map<String, String> props) {
        var config = new AbstractConfig(TASK_CONFIG_DEF, props, false);
        return new DiscardSinkSettings(
                config.getString(CONNECTOR_NAME), config.getInt(TASK_ID), config.getLong(LOG_EVERY_RECORDS));
    }
}
