package dev.sluice.connect.s3;

import dev.sluice.connect.common.config.ConfigValues;
import dev.sluice.connect.s3.upload.S3Errors;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Writes topic partitions to S3 objects, compatible with Confluent's S3 sink configs. See {@link S3SinkConfig} for
 * the keys and {@link S3SinkTask} for how records become objects.
 */
public class S3SinkConnector extends SinkConnector {

    private static final Logger log = LoggerFactory.getLogger(S3SinkConnector.class);

    private final Function<S3SinkSettings.S3Connection, S3Client> clients;
    private Map<String, String> props;

    public S3SinkConnector() {
        this(S3Clients::create);
    }

    /** @param clients builds the client that {@link #validate} checks the bucket with; the connector closes it */
    S3SinkConnector(Function<S3SinkSettings.S3Connection, S3Client> clients) {
        this.clients = clients;
    }

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        S3SinkSettings settings = S3SinkSettingsParser.parse(props);
        this.props = Map.copyOf(props);
        log.info("S3 sink connector {} started, writing to bucket {}", props.get("name"), settings.s3().bucket());
    }

    @Override
    public Class<? extends Task> taskClass() {
        return S3SinkTask.class;
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
        return S3SinkConfig.CONFIG_DEF;
    }

    /** Checks every key, then whether the bucket can be reached with the given endpoint, region and credentials. */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        List<ConfigValue> values = S3SinkValidator.validate(connectorConfigs);
        var byName = new ConfigValues(values);
        if (byName.allValid(S3SinkConfig.S3_CONNECTION_KEYS)) {
            checkBucket(S3SinkSettingsParser.connection(connectorConfigs), byName);
        }
        return new Config(values);
    }

    private void checkBucket(S3SinkSettings.S3Connection connection, ConfigValues values) {
        try (S3Client s3 = clients.apply(connection)) {
            s3.headBucket(b -> b.bucket(connection.bucket()));
        } catch (SdkException e) {
            S3Errors.Kind kind = S3Errors.classify(e);
            String message = "Cannot reach bucket " + connection.bucket() + ": " + S3Errors.advice(kind)
                    + " (" + e.getMessage() + ")";
            for (String key : keysToBlame(kind)) {
                values.error(key, message);
            }
        }
    }

    private static List<String> keysToBlame(S3Errors.Kind kind) {
        return switch (kind) {
            case NO_SUCH_BUCKET, OTHER -> List.of(S3SinkConfig.S3_BUCKET);
            case ACCESS_DENIED, NO_CREDENTIALS -> List.of(S3SinkConfig.AWS_ACCESS_KEY_ID,
                    S3SinkConfig.AWS_SECRET_ACCESS_KEY);
            case WRONG_REGION -> List.of(S3SinkConfig.S3_REGION);
            case UNKNOWN_HOST, TRANSIENT -> List.of(S3SinkConfig.S3_ENDPOINT);
        };
    }
}
