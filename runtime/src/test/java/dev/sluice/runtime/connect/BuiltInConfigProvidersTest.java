package dev.sluice.runtime.connect;

import dev.sluice.runtime.config.AwsSettings;
import dev.sluice.runtime.config.ConnectSettings;
import dev.sluice.runtime.config.KafkaSettings;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class BuiltInConfigProvidersTest {

    @Test
    void theSecretsManagerProviderReadsWithTheNodesAwsSettings() {
        var aws = new AwsSettings("eu-west-1", null, Map.of("secretsmanager", "http://127.0.0.1:4584"), "id", "key");

        assertThat(BuiltInConfigProviders.secretsManager(aws))
                .containsEntry("config.providers", "secretsmanager")
                .containsEntry("config.providers.secretsmanager.class",
                        "dev.sluice.connect.configprovider.SecretsManagerConfigProvider")
                .containsEntry("config.providers.secretsmanager.param.region", "eu-west-1")
                .containsEntry("config.providers.secretsmanager.param.endpoint", "http://127.0.0.1:4584")
                .containsEntry("config.providers.secretsmanager.param.aws.access.key.id", "id")
                .containsEntry("config.providers.secretsmanager.param.aws.secret.access.key", "key");
    }

    @Test
    void withoutStaticCredentialsOrEndpointTheProviderUsesAwsDefaults() {
        assertThat(BuiltInConfigProviders.secretsManager(AwsSettings.defaults()))
                .containsOnlyKeys("config.providers", "config.providers.secretsmanager.class",
                        "config.providers.secretsmanager.param.region");
    }

    @Test
    void everyWorkerDeclaresItUnlessTheOperatorOrAWorkerConfigurationDeclareTheirOwn() {
        Map<String, String> fileProvider = Map.of("config.providers", "file",
                "config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider");
        var declared = new BuiltInConfigProviders.Declaration(
                BuiltInConfigProviders.secretsManager(AwsSettings.defaults()), Optional.of("/plugins/providers"));

        var plain = properties(Map.of(), declared);
        assertThat(plain.forValidation()).containsEntry("config.providers", "secretsmanager");
        assertThat(plain.forCluster(ConnectorClusterId.newFor("orders"))).containsEntry("config.providers",
                "secretsmanager");
        assertThat(plain.forCluster(ConnectorClusterId.newFor("orders", fileProvider)))
                .containsEntry("config.providers", "file");
        assertThat(properties(fileProvider, declared).common()).containsEntry("config.providers", "file");
    }

    @Test
    void aClusterWithCustomPluginsGetsTheProvidersPluginOnItsPath() {
        var declared = new BuiltInConfigProviders.Declaration(
                BuiltInConfigProviders.secretsManager(AwsSettings.defaults()), Optional.of("/plugins/providers"));
        var properties = properties(Map.of(), declared);

        assertThat(properties.forCluster(ConnectorClusterId.newFor("custom", Map.of("plugin.path", "/custom/a"))))
                .containsEntry("plugin.path", "/custom/a,/plugins/providers");
        assertThat(properties.withOverrides(Map.of("plugin.path", "/custom/a,/custom/b")))
                .containsEntry("plugin.path", "/custom/a,/custom/b,/plugins/providers");
        assertThat(properties(Map.of(), BuiltInConfigProviders.Declaration.none())
                .withOverrides(Map.of("plugin.path", "/custom/a"))).containsEntry("plugin.path", "/custom/a");
    }

    private static WorkerProperties properties(Map<String, String> operatorProperties,
                                               BuiltInConfigProviders.Declaration declared) {
        var connect = new ConnectSettings(List.of(), operatorProperties, null, null, null, null, null, null, null);
        return new WorkerProperties(new KafkaSettings("127.0.0.1:9092", Map.of(), null), connect, declared);
    }
}
