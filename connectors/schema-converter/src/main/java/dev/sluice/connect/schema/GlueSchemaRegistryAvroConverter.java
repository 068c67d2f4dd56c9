package dev.sluice.connect.schema;

import com.amazonaws.services.schemaregistry.deserializers.GlueSchemaRegistryKafkaDeserializer;
import com.amazonaws.services.schemaregistry.serializers.GlueSchemaRegistryKafkaSerializer;
import com.amazonaws.services.schemaregistry.utils.AWSSchemaRegistryConstants;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.storage.Converter;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kafka Connect data to and from records in AWS Glue Schema Registry's Avro wire format, through AWS's own serde
 * ({@code GlueSchemaRegistryKafkaSerializer} and {@code GlueSchemaRegistryKafkaDeserializer}) pointed at any Glue
 * registry: Sluice's or AWS's. It stands in for AWS's {@code AWSKafkaAvroConverter}, which is not published where
 * Sluice builds, and takes the same configuration keys; see {@link GlueSchemaRegistryConverterConfig} for Sluice's
 * own, among them a reader schema that records must be readable with.
 */
public class GlueSchemaRegistryAvroConverter implements Converter {

    private GlueSchemaRegistryKafkaSerializer serializer;
    private GlueSchemaRegistryKafkaDeserializer deserializer;
    private final AvroConnectData data = new AvroConnectData();
    private org.apache.avro.Schema readerSchema;
    /** Per writer schema: why the reader schema cannot read it, or "" when it can. */
    private final Map<org.apache.avro.Schema, String> readProblems = new ConcurrentHashMap<>();

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        try {
            configureSerde(configs, isKey);
        } catch (NoClassDefFoundError e) {
            throw new ConnectException("The converter needs AWS's Glue Schema Registry serde on the worker's class "
                    + "path (software.amazon.glue:schema-registry-serde and its dependencies); missing: "
                    + e.getMessage(), e);
        }
    }

    private void configureSerde(Map<String, ?> configs, boolean isKey) {
        GlueSchemaRegistryConverterConfig config = new GlueSchemaRegistryConverterConfig(configs);
        readerSchema = config.readerSchema();
        Map<String, Object> serde = new HashMap<>(configs);
        serde.put(AWSSchemaRegistryConstants.DATA_FORMAT, "AVRO");
        serde.put(AWSSchemaRegistryConstants.AVRO_RECORD_TYPE, "GENERIC_RECORD");
        if (config.accessKeyId() != null) {
            var credentials = StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(config.accessKeyId(), config.secretAccessKey()));
            serializer = new GlueSchemaRegistryKafkaSerializer(credentials, serde);
            deserializer = new GlueSchemaRegistryKafkaDeserializer(credentials, serde);
        } else {
            serializer = new GlueSchemaRegistryKafkaSerializer(serde);
            deserializer = new GlueSchemaRegistryKafkaDeserializer(serde);
        }
        serializer.configure(serde, isKey);
        deserializer.configure(serde, isKey);
    }

    @Override
    public byte[] fromConnectData(String topic, Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        try {
            org.apache.avro.Schema avro = data.toAvroSchema(schema);
            return serializer.serialize(topic, data.toAvroValue(schema, avro, value));
        } catch (RuntimeException e) {
            throw new DataException("Could not write the record with the schema registry: " + reasons(e), e);
        }
    }

    @Override
    public SchemaAndValue toConnectData(String topic, byte[] value) {
        if (value == null) {
            return SchemaAndValue.NULL;
        }
        Object record;
        org.apache.avro.Schema writer;
        try {
            record = deserializer.deserialize(topic, value);
            writer = new org.apache.avro.Schema.Parser().parse(
                    deserializer.getGlueSchemaRegistryDeserializationFacade().getSchemaDefinition(value));
        } catch (RuntimeException e) {
            throw new DataException("The record's schema is unknown to the schema registry, or the record is not in"
                    + " its format: " + reasons(e), e);
        }
        org.apache.avro.Schema schema = writer;
        if (readerSchema != null) {
            String problem = readProblems.computeIfAbsent(writer, this::readProblem);
            if (!problem.isEmpty()) {
                throw new DataException("The record's schema is incompatible with the connector's reader schema "
                        + readerSchema.getFullName() + ": " + problem);
            }
            record = resolve(record, writer, readerSchema);
            schema = readerSchema;
        }
        Schema connectSchema = data.toConnectSchema(schema);
        return new SchemaAndValue(connectSchema, data.toConnectValue(connectSchema, schema, record));
    }

    private String readProblem(org.apache.avro.Schema writer) {
        var result = SchemaCompatibility.checkReaderWriterCompatibility(readerSchema, writer).getResult();
        return String.join("; ", result.getIncompatibilities().stream()
                .map(i -> i.getType() + " at " + i.getLocation() + ": " + i.getMessage()
                        + " (reader " + i.getReaderFragment() + ", writer " + i.getWriterFragment() + ")")
                .toList());
    }

    /** The record as the reader schema reads it: Avro's schema resolution (defaults filled, fields dropped). */
    private static Object resolve(Object record, org.apache.avro.Schema writer, org.apache.avro.Schema reader) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
            new GenericDatumWriter<>(writer).write(record, encoder);
            encoder.flush();
            return new GenericDatumReader<>(writer, reader).read(null,
                    DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
        } catch (IOException | RuntimeException e) {
            throw new DataException("Could not resolve the record to the reader schema: " + e.getMessage(), e);
        }
    }

    /** The distinct messages of an exception and its causes: the serde wraps the registry's answer deep down. */
    private static String reasons(Throwable e) {
        Set<String> messages = new LinkedHashSet<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                messages.add(t.getMessage());
            }
        }
        return String.join(": ", messages);
    }

    @Override
    public void close() {
        if (serializer != null) {
            serializer.close();
        }
        if (deserializer != null) {
            deserializer.close();
        }
    }
}
