package dev.sluice.connect.schema;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

import java.util.Map;

/**
 * The converter's settings. AWS's serde keys ({@code endpoint}, {@code region}, {@code registry.name},
 * {@code schemaName}, {@code schemaAutoRegistrationEnabled}, {@code compatibility}, {@code cacheSize},
 * {@code timeToLiveMillis}, ...) are passed to the serde as they are, as AWS's {@code AWSKafkaAvroConverter} does;
 * the keys below are Sluice's own.
 */
final class GlueSchemaRegistryConverterConfig extends AbstractConfig {

    static final String READER_SCHEMA = "sluice.reader.schema";
    static final String ACCESS_KEY_ID = "aws.access.key.id";
    static final String SECRET_ACCESS_KEY = "aws.secret.access.key";
    private static final String GROUP = "Sluice";

    static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(READER_SCHEMA, Type.STRING, null, new AvroSchemaValidator(), Importance.MEDIUM,
                    "The Avro schema (a definition, JSON) that the connector expects. When set, a record whose "
                            + "writer schema cannot be read with it is refused (a DataException, so with "
                            + "errors.tolerance=all it goes to the dead-letter queue with the incompatibility in "
                            + "its __connect.errors.exception.message header), and every other record is resolved "
                            + "to it. When not set, records keep their writer schema.",
                    GROUP, 1, ConfigDef.Width.LONG, "Reader schema")
            .define(ACCESS_KEY_ID, Type.STRING, null, Importance.LOW,
                    "Static AWS credentials for the registry (with a registry that checks none, any value); "
                            + "AWS's default credential chain when not set.",
                    GROUP, 2, ConfigDef.Width.MEDIUM, "AWS access key id")
            .define(SECRET_ACCESS_KEY, Type.PASSWORD, null, Importance.LOW,
                    "The secret of " + ACCESS_KEY_ID + ".", GROUP, 3, ConfigDef.Width.MEDIUM, "AWS secret key");

    GlueSchemaRegistryConverterConfig(Map<String, ?> props) {
        super(CONFIG_DEF, props, false);
    }

    org.apache.avro.Schema readerSchema() {
        String definition = getString(READER_SCHEMA);
        return definition == null ? null : new org.apache.avro.Schema.Parser().parse(definition);
    }

    String accessKeyId() {
        return getString(ACCESS_KEY_ID);
    }

    String secretAccessKey() {
        Password secret = getPassword(SECRET_ACCESS_KEY);
        return secret == null ? null : secret.value();
    }

    private static final class AvroSchemaValidator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            if (value == null) {
                return;
            }
            try {
                new org.apache.avro.Schema.Parser().parse((String) value);
            } catch (RuntimeException e) {
                throw new ConfigException(name, value, "not an Avro schema: " + e.getMessage());
            }
        }

        @Override
        public String toString() {
            return "an Avro schema definition";
        }
    }
}
