package dev.sluice.connect.dynamodb;

import static dev.sluice.connect.dynamodb.DynamoDbSinkConfig.*;

import dev.sluice.connect.common.aws.AwsCredentialsConfig;
import dev.sluice.connect.common.config.ConfigValues;
import dev.sluice.connect.dynamodb.mapping.KeyRef;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigValue;

/**
 * Validates a config key by key ({@link DynamoDbSinkConfig#CONFIG_DEF}) and then across keys, adding each problem
 * to the {@link ConfigValue} of a key the user should change, so that one call reports everything. A cross-field
 * check runs only when the keys it reads are valid on their own.
 */
final class DynamoDbSinkValidator {

    /** DynamoDB's rule for table names. */
    static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");
    private static final Pattern TABLE_NAME_CHARS = Pattern.compile("[a-zA-Z0-9_.-]*");

    private final Map<String, String> props;
    private final ConfigValues values;

    private DynamoDbSinkValidator(Map<String, String> props, List<ConfigValue> values) {
        this.props = props;
        this.values = new ConfigValues(values);
    }

    static List<ConfigValue> validate(Map<String, String> props) {
        List<ConfigValue> values = CONFIG_DEF.validate(props);
        var validator = new DynamoDbSinkValidator(props, values);
        validator.keyAttributes();
        validator.tombstones();
        validator.tableNames();
        AwsCredentialsConfig.validate(validator.values);
        return values;
    }

    private void keyAttributes() {
        KeyRef hash = keyRef(PK_HASH);
        KeyRef sort = keyRef(PK_SORT);
        if (hash != null && sort != null && hash.attribute().equals(sort.attribute())) {
            values.error(PK_SORT, "The hash and sort keys are both the attribute '" + hash.attribute() + "'; name "
                    + "one of them differently with :<attribute name>, or leave " + PK_SORT + " empty");
        }
        String mode = values.valid(ORDERING_MODE);
        if (mode != null && OrderingMode.parse(mode) == OrderingMode.OFFSET) {
            for (String key : List.of(PK_HASH, PK_SORT)) {
                KeyRef ref = keyRef(key);
                if (ref != null && List.of(PARTITION_ATTRIBUTE, OFFSET_ATTRIBUTE).contains(ref.attribute())) {
                    values.error(key, "ordering.mode=offset keeps the Kafka coordinates in the attribute '"
                            + ref.attribute() + "'; name the key attribute differently with :<attribute name>");
                }
            }
        }
    }

    private void tombstones() {
        String behavior = values.valid(BEHAVIOR_ON_NULL_VALUES);
        // Only when set on purpose: under the default a value-keyed Confluent config stays valid, and its
        // tombstones are bad records.
        if (behavior == null || NullValueBehavior.parse(behavior) != NullValueBehavior.DELETE
                || !props.containsKey(BEHAVIOR_ON_NULL_VALUES)) {
            return;
        }
        for (String key : List.of(PK_HASH, PK_SORT)) {
            KeyRef ref = keyRef(key);
            if (ref != null && ref.readsValue()) {
                String message = "A tombstone has no value, so " + key + "=" + props.get(key).trim() + " cannot name "
                        + "the item to delete; key the items by the record key (key or key.<field>), or set "
                        + BEHAVIOR_ON_NULL_VALUES + " to ignore or fail";
                values.error(BEHAVIOR_ON_NULL_VALUES, message);
                values.error(key, message);
            }
        }
    }

    private void tableNames() {
        String format = values.valid(TABLE_NAME_FORMAT);
        if (format == null) {
            return;
        }
        String unplaced = format.replace(TOPIC_PLACEHOLDER, "");
        if (unplaced.contains("${")) {
            values.error(TABLE_NAME_FORMAT, "The only placeholder is " + TOPIC_PLACEHOLDER);
            return;
        }
        if (!TABLE_NAME_CHARS.matcher(unplaced).matches()) {
            values.error(TABLE_NAME_FORMAT, "A table name may hold only letters, digits, '_', '-' and '.'");
            return;
        }
        String topics = props.get("topics");
        if (topics == null) {
            return;
        }
        Arrays.stream(topics.split(",")).map(String::trim).filter(t -> !t.isEmpty())
                .map(topic -> format.replace(TOPIC_PLACEHOLDER, topic))
                .filter(table -> !TABLE_NAME.matcher(table).matches())
                .forEach(table -> values.error(TABLE_NAME_FORMAT, "'" + table + "' is not a DynamoDB table name: "
                        + "it must be 3 to 255 letters, digits, '_', '-' or '.'"));
    }

    private KeyRef keyRef(String name) {
        String text = values.valid(name);
        return text == null || text.isBlank() ? null : KeyRef.parse(text);
    }
}
