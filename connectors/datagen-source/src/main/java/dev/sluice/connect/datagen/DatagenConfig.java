package dev.sluice.connect.datagen;

import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.NonEmptyString;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/** The datagen source's configuration keys, and their parsing into {@link DatagenSettings}. */
public final class DatagenConfig {

    public static final String TOPIC = "kafka.topic";
    public static final String RECORD_SIZE_BYTES = "record.size.bytes";
    public static final String RECORDS_PER_SECOND = "records.per.second";
    public static final String MAX_RECORDS = "max.records";
    public static final String KEY_ENABLED = "key.enabled";
    public static final String SCHEMA_ENABLED = "schema.enabled";
    public static final String BATCH_SIZE = "batch.size";

    /** Set by the connector on each task's config; not meant for users. */
    static final String TASK_ID = "datagen.task.id";
    static final String TASK_COUNT = "datagen.task.count";

    private static final String GROUP = "Datagen";
    private static final String TASK_GROUP = "Task assignment (set by the connector)";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(TOPIC, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new NonEmptyString(), Importance.HIGH,
                    "The topic that generated records are written to.",
                    GROUP, 1, Width.MEDIUM, "Topic")
            .define(RECORD_SIZE_BYTES, Type.INT, 1024, Range.atLeast(0), Importance.MEDIUM,
                    "Size in bytes of each record's value payload. The first 8 bytes hold the record's sequence "
                            + "number (big-endian); the rest is a fixed pattern.",
                    GROUP, 2, Width.SHORT, "Record size (bytes)")
            .define(RECORDS_PER_SECOND, Type.LONG, 1000L, Range.atLeast(0), Importance.MEDIUM,
                    "Total rate across all tasks, shared evenly between them. 0 means as fast as possible.",
                    GROUP, 3, Width.SHORT, "Records per second")
            .define(MAX_RECORDS, Type.LONG, -1L, Range.atLeast(-1), Importance.MEDIUM,
                    "Total number of records across all tasks, after which tasks idle. Sequence numbers 0 to "
                            + "max.records - 1 are dealt round-robin to the tasks, so each is produced once, "
                            + "across restarts too, as long as tasks.max does not change. -1 means unbounded.",
                    GROUP, 4, Width.SHORT, "Maximum records")
            .define(KEY_ENABLED, Type.BOOLEAN, true, null, Importance.LOW,
                    "Whether each record has a key: its sequence number as a string. Otherwise the key is null.",
                    GROUP, 5, Width.SHORT, "Key enabled")
            .define(SCHEMA_ENABLED, Type.BOOLEAN, false, null, Importance.LOW,
                    "Whether values are Structs {id: int64, payload: bytes}. Otherwise values are the raw "
                            + "payload bytes with the BYTES schema, suited to the ByteArrayConverter.",
                    GROUP, 6, Width.SHORT, "Schema enabled")
            .define(BATCH_SIZE, Type.INT, 500, Range.atLeast(1), Importance.LOW,
                    "The most records a task returns from one poll.",
                    GROUP, 7, Width.SHORT, "Batch size");

    /** The connector's keys plus what the connector adds to each task's config. */
    static final ConfigDef TASK_CONFIG_DEF = new ConfigDef(CONFIG_DEF)
            .define(TASK_ID, Type.INT, ConfigDef.NO_DEFAULT_VALUE, Range.atLeast(0), Importance.LOW,
                    "This task's index, from 0.",
                    TASK_GROUP, 1, Width.SHORT, "Task index")
            .define(TASK_COUNT, Type.INT, ConfigDef.NO_DEFAULT_VALUE, Range.atLeast(1), Importance.LOW,
                    "How many tasks share the work.",
                    TASK_GROUP, 2, Width.SHORT, "Task count");

    private DatagenConfig() {
    }

    /** Validates the connector's config; throws {@code ConfigException} naming the first bad key. */
    public static DatagenSettings parse(Map<String, String> props) {
        return settings(new AbstractConfig(CONFIG_DEF, props, false));
    }

    static DatagenTaskSettings parseTask(Map<String, String> props) {
        var config = new AbstractConfig(TASK_CONFIG_DEF, props, false);
        return new DatagenTaskSettings(settings(config), config.getInt(TASK_ID), config.getInt(TASK_COUNT));
    }

    private static DatagenSettings settings(AbstractConfig config) {
        return new DatagenSettings(
                config.getString(TOPIC),
                config.getInt(RECORD_SIZE_BYTES),
                config.getLong(RECORDS_PER_SECOND),
                config.getLong(MAX_RECORDS),
                config.getBoolean(KEY_ENABLED),
                config.getBoolean(SCHEMA_ENABLED),
                config.getInt(BATCH_SIZE));
    }
}
