package dev.sluice.runtime.connect;

import org.apache.kafka.connect.runtime.rest.entities.ConfigKeyInfo;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SecretRedactorTest {

    private static ConfigKeyInfo key(String name, String type) {
        return new ConfigKeyInfo(name, type, false, null, "HIGH", "", "", 0, "NONE", name, List.of());
    }

    private final SecretRedactor redactor = new SecretRedactor(connectorClass -> switch (connectorClass) {
        case "com.example.Db" -> List.of(key("db.password", "PASSWORD"), key("db.user", "STRING"));
        case "com.example.RegistryConverter" -> List.of(key("registry.token", "PASSWORD"), key("region", "STRING"));
        case "com.example.MaskField" -> List.of(key("api.token", "PASSWORD"), key("fields", "LIST"));
        default -> throw new IllegalArgumentException("unknown plugin " + connectorClass);
    });

    @Test
    void hidesTheConnectorsPasswordTypedSettings() {
        Map<String, String> out = redactor.redact(Map.of(
                "connector.class", "com.example.Db", "db.password", "hunter2", "db.user", "app"));

        assertThat(out).containsEntry("db.password", SecretRedactor.HIDDEN).containsEntry("db.user", "app");
    }

    @Test
    void hidesPasswordTypedClientOverridesOfAnyConnector() {
        Map<String, String> out = redactor.redact(Map.of(
                "connector.class", "com.example.Unknown",
                "consumer.override.sasl.jaas.config", "... password=\"p\";",
                "producer.override.ssl.key.password", "k",
                "consumer.override.max.poll.records", "100"));

        assertThat(out)
                .containsEntry("consumer.override.sasl.jaas.config", SecretRedactor.HIDDEN)
                .containsEntry("producer.override.ssl.key.password", SecretRedactor.HIDDEN)
                .containsEntry("consumer.override.max.poll.records", "100");
    }

    @Test
    void leavesConfigProviderReferencesReadable() {
        Map<String, String> out = redactor.redact(Map.of(
                "connector.class", "com.example.Db", "db.password", "${file:/secrets.properties:db.password}"));

        assertThat(out).containsEntry("db.password", "${file:/secrets.properties:db.password}");
    }

    @Test
    void redactsTaskConfigsByTheirConnectorsClass() {
        Map<String, String> out = redactor.redact(Map.of("db.password", "hunter2", "task.id", "0"), "com.example.Db");

        assertThat(out).containsEntry("db.password", SecretRedactor.HIDDEN).containsEntry("task.id", "0");
    }

    @Test
    void hidesThePasswordsOfTheConvertersAndTransformsAConnectorConfigures() {
        Map<String, String> out = redactor.redact(Map.of(
                "connector.class", "com.example.Db",
                "value.converter", "com.example.RegistryConverter",
                "value.converter.registry.token", "t0k3n",
                "value.converter.region", "us-east-1",
                "transforms", "mask",
                "transforms.mask.type", "com.example.MaskField",
                "transforms.mask.api.token", "s3cr3t",
                "transforms.mask.fields", "ssn"));

        assertThat(out)
                .containsEntry("value.converter.registry.token", SecretRedactor.HIDDEN)
                .containsEntry("value.converter.region", "us-east-1")
                .containsEntry("transforms.mask.api.token", SecretRedactor.HIDDEN)
                .containsEntry("transforms.mask.fields", "ssn");
    }

    @Test
    void hidesPasswordsAndAwsSecretKeysUnderAnyPrefixEvenUndeclared() {
        Map<String, String> out = redactor.redact(Map.of(
                "connector.class", "com.example.Unknown",
                "key.converter.aws.secret.access.key", "wJalr",
                "key.converter.aws.access.key.id", "AKID",
                "something.truststore.password", "changeit"));

        assertThat(out)
                .containsEntry("key.converter.aws.secret.access.key", SecretRedactor.HIDDEN)
                .containsEntry("something.truststore.password", SecretRedactor.HIDDEN)
                .containsEntry("key.converter.aws.access.key.id", "AKID");
    }
}
