package dev.sluice.connect.dynamodb;

import static dev.sluice.connect.dynamodb.DynamoDbSinkConfig.*;

import dev.sluice.connect.common.config.ConfigValues;
import dev.sluice.connect.dynamodb.mapping.TableKeySchema;
import dev.sluice.connect.dynamodb.write.DynamoDbErrors;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Writes records to DynamoDB items, compatible with Confluent's DynamoDB sink configs. See
 * {@link DynamoDbSinkConfig} for the keys and {@link DynamoDbSinkTask} for how records become items.
 */
public class DynamoDbSinkConnector extends SinkConnector {

    private static final Logger log = LoggerFactory.getLogger(DynamoDbSinkConnector.class);

    private final Function<DynamoDbSinkSettings.Connection, DynamoDbClient> clients;
    private Map<String, String> props;

    public DynamoDbSinkConnector() {
        this(DynamoDbClients::create);
    }

    /** @param clients builds the client that {@link #validate} looks the tables up with; the connector closes it */
    DynamoDbSinkConnector(Function<DynamoDbSinkSettings.Connection, DynamoDbClient> clients) {
        this.clients = clients;
    }

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        DynamoDbSinkSettings settings = DynamoDbSinkSettingsParser.parse(props);
        this.props = Map.copyOf(props);
        log.info("DynamoDB sink connector {} started, writing to tables {} in {}", props.get("name"),
                settings.tableNameFormat(), DynamoDbClients.location(settings.connection()));
    }

    @Override
    public Class<? extends Task> taskClass() {
        return DynamoDbSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return Collections.nCopies(maxTasks, props);
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    /**
     * Checks every key, then looks up the table of each topic in {@code topics} (not {@code topics.regex}, whose
     * topics are not known yet): it must exist (unless {@code auto.create}) with the configured key.
     */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        List<ConfigValue> values = DynamoDbSinkValidator.validate(connectorConfigs);
        var byName = new ConfigValues(values);
        List<String> tables = tables(connectorConfigs);
        if (byName.allValid(TABLE_CHECK_KEYS) && !tables.isEmpty()) {
            checkTables(DynamoDbSinkSettingsParser.tableCheckConfig(connectorConfigs), tables, byName);
        }
        return new Config(values);
    }

    private static List<String> tables(Map<String, String> props) {
        String topics = props.get("topics");
        String format = props.getOrDefault(TABLE_NAME_FORMAT, TOPIC_PLACEHOLDER).trim();
        if (topics == null) {
            return List.of();
        }
        return Arrays.stream(topics.split(",")).map(String::trim).filter(t -> !t.isEmpty())
                .map(topic -> format.replace(TOPIC_PLACEHOLDER, topic)).distinct().toList();
    }

    private void checkTables(AbstractConfig config, List<String> tables, ConfigValues values) {
        DynamoDbSinkSettings.Connection connection = DynamoDbSinkSettingsParser.connection(config);
        DynamoDbSinkSettings.Keys keys = DynamoDbSinkSettingsParser.keys(config);
        boolean autoCreate = config.getBoolean(AUTO_CREATE);
        try (DynamoDbClient client = clients.apply(connection)) {
            for (String table : tables) {
                if (!checkTable(client, table, keys, autoCreate, connection, values)) {
                    return;
                }
            }
        }
    }

    /** @return whether to go on with the next table: not after a failure that would repeat for every table */
    private static boolean checkTable(DynamoDbClient client, String table, DynamoDbSinkSettings.Keys keys,
            boolean autoCreate, DynamoDbSinkSettings.Connection connection, ConfigValues values) {
        try {
            var schema = TableKeySchema.of(client.describeTable(r -> r.tableName(table)).table());
            Optional<String> mismatch = schema.mismatch(keys.hash(), keys.sort());
            if (mismatch.isPresent()) {
                boolean hashMatches = schema.hash().name().equals(keys.hash().attribute());
                values.error(hashMatches ? PK_SORT : PK_HASH, mismatch.get());
            }
            return true;
        } catch (SdkException e) {
            DynamoDbErrors.Kind kind = DynamoDbErrors.classify(e);
            if (kind == DynamoDbErrors.Kind.TABLE_NOT_FOUND) {
                if (!autoCreate) {
                    values.error(TABLE_NAME_FORMAT, "Table " + table + " does not exist in "
                            + DynamoDbClients.location(connection) + "; create it, correct " + TABLE_NAME_FORMAT
                            + ", or set " + AUTO_CREATE + "=true to have the connector create it");
                }
                return true;
            }
            String message = "Cannot look up table " + table + ": " + DynamoDbErrors.advice(kind) + " ("
                    + e.getMessage() + ")";
            for (String key : keysToBlame(kind)) {
                values.error(key, message);
            }
            return false;
        }
    }

    private static List<String> keysToBlame(DynamoDbErrors.Kind kind) {
        return switch (kind) {
            case ACCESS_DENIED, NO_CREDENTIALS -> List.of(AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY);
            case UNKNOWN_HOST, TRANSIENT -> List.of(ENDPOINT);
            case TABLE_NOT_FOUND, CONDITION_FAILED, VALIDATION, OTHER -> List.of(TABLE_NAME_FORMAT);
        };
    }
}
