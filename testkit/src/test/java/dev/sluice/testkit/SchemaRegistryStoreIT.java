package dev.sluice.testkit;

import dev.sluice.schema.SchemaRegistry;
import dev.sluice.schema.glue.GlueApi;
import dev.sluice.schema.registry.Arns;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.DataFormat;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.SchemaId;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The registry's storage in its compacted Kafka topic, on the shared broker: a node started later (a restart, or a
 * second node) loads every registry, schema and version id the first one wrote, each node sees the other's writes,
 * and a write is readable on the node that made it as soon as it returns.
 */
class SchemaRegistryStoreIT {

    private static final String DEFINITION = SchemaRegistryIT.avro("{\"name\":\"id\",\"type\":\"long\"}");

    private static SluiceTestEnvironment env;
    private static GlueClient glue;
    private static Admin admin;

    @BeforeAll
    static void start() {
        env = SluiceTestEnvironment.get();
        glue = GlueClients.forNode(env.node());
        admin = Admin.create(Map.of("bootstrap.servers", env.bootstrapServers()));
    }

    @AfterAll
    static void stop() {
        glue.close();
        admin.close();
    }

    /** Another node's registry on the same topic: what a restarted or second node builds from the log. */
    private static SchemaRegistry secondNode() {
        SchemaRegistry registry = SchemaRegistry.kafka(SchemaRegistry.DEFAULT_TOPIC,
                Map.of("bootstrap.servers", env.bootstrapServers()), new Arns("us-east-1", "000000000000"));
        registry.start(admin);
        return registry;
    }

    @Test
    void aNodeStartedLaterLoadsEveryIdTheOtherWrote() {
        String registry = "store-" + UUID.randomUUID().toString().substring(0, 8);
        glue.createRegistry(r -> r.registryName(registry).tags(Map.of("team", "a")));
        String versionId = glue.createSchema(r -> r.registryId(id -> id.registryName(registry)).schemaName("users")
                .dataFormat(DataFormat.AVRO).schemaDefinition(DEFINITION)).schemaVersionId();
        glue.createSchema(r -> r.registryId(id -> id.registryName(registry)).schemaName("gone")
                .dataFormat(DataFormat.AVRO).schemaDefinition(DEFINITION));
        glue.deleteSchema(r -> r.schemaId(id -> id.registryName(registry).schemaName("gone")));

        try (SchemaRegistry second = secondNode()) {
            assertThat(second.state().registry(registry)).hasValueSatisfying(r ->
                    assertThat(r.tags()).containsEntry("team", "a"));
            assertThat(second.state().schema(registry, "users")).isPresent();
            assertThat(second.state().version(UUID.fromString(versionId))).hasValueSatisfying(v -> {
                assertThat(v.definition()).isEqualTo(DEFINITION);
                assertThat(v.versionNumber()).isEqualTo(1);
            });
            assertThat(second.state().schema(registry, "gone")).isEmpty();
        }
    }

    @Test
    void aRestartedNodeServesEveryRegistrySchemaAndVersionIdItServedBefore() {
        String registry = "restart-" + UUID.randomUUID().toString().substring(0, 8);
        String registryArn = glue.createRegistry(r -> r.registryName(registry)).registryArn();
        var created = glue.createSchema(r -> r.registryId(id -> id.registryName(registry)).schemaName("users")
                .dataFormat(DataFormat.AVRO).schemaDefinition(DEFINITION));
        SchemaId schemaId = SchemaId.builder().registryName(registry).schemaName("users").build();
        String v2 = glue.registerSchemaVersion(r -> r.schemaId(schemaId).schemaDefinition(
                SchemaRegistryIT.avro("{\"name\":\"id\",\"type\":\"long\"},"
                        + "{\"name\":\"n\",\"type\":\"int\",\"default\":0}"))).schemaVersionId();

        env.node().stop();
        env.node().start();

        assertThat(glue.getRegistry(r -> r.registryId(id -> id.registryName(registry))).registryArn())
                .isEqualTo(registryArn);
        assertThat(glue.getSchema(r -> r.schemaId(schemaId)).schemaArn()).isEqualTo(created.schemaArn());
        assertThat(glue.getSchemaVersion(r -> r.schemaVersionId(created.schemaVersionId())).versionNumber())
                .isEqualTo(1L);
        assertThat(glue.getSchemaVersion(r -> r.schemaVersionId(v2)).versionNumber()).isEqualTo(2L);
        assertThat(glue.getSchemaByDefinition(r -> r.schemaId(schemaId).schemaDefinition(DEFINITION))
                .schemaVersionId()).isEqualTo(created.schemaVersionId());
        // And it goes on writing: the next version gets the next number.
        assertThat(glue.registerSchemaVersion(r -> r.schemaId(schemaId).schemaDefinition(
                SchemaRegistryIT.avro("{\"name\":\"id\",\"type\":\"long\"}"
                        + ",{\"name\":\"n\",\"type\":\"int\",\"default\":0}"
                        + ",{\"name\":\"m\",\"type\":\"int\",\"default\":0}"))).versionNumber()).isEqualTo(3L);
    }

    @Test
    void twoNodesRegisteringVersionsAtOnceNeverGiveTwoTheSameNumber() throws Exception {
        String schema = "race-" + UUID.randomUUID().toString().substring(0, 8);
        glue.createSchema(r -> r.schemaName(schema).dataFormat(DataFormat.JSON)
                .compatibility(software.amazon.awssdk.services.glue.model.Compatibility.NONE)
                .schemaDefinition(definition("first")));
        int each = 15;
        try (SchemaRegistry second = secondNode()) {
            var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            var viaNode = pool.submit(() -> {
                for (int i = 0; i < each; i++) {
                    String definition = definition("node-" + i);
                    glue.registerSchemaVersion(r -> r.schemaId(id -> id.schemaName(schema))
                            .schemaDefinition(definition));
                }
                return null;
            });
            var viaSecond = pool.submit(() -> {
                for (int i = 0; i < each; i++) {
                    GlueApi.Response answer = second.api().handle("AWSGlue.RegisterSchemaVersion",
                            "{\"SchemaId\":{\"SchemaName\":\"" + schema + "\"},\"SchemaDefinition\":"
                                    + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
                                    definition("second-" + i)) + "}");
                    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                }
                return null;
            });
            viaNode.get();
            viaSecond.get();
            pool.shutdown();
        }

        var versions = glue.listSchemaVersionsPaginator(r -> r.schemaId(id -> id.schemaName(schema))).schemas()
                .stream().toList();
        assertThat(versions).extracting(v -> v.versionNumber())
                .containsExactlyInAnyOrderElementsOf(java.util.stream.LongStream.rangeClosed(1, 2 * each + 1)
                        .boxed().toList());
        assertThat(glue.getSchema(r -> r.schemaId(id -> id.schemaName(schema))).latestSchemaVersion())
                .isEqualTo(2L * each + 1);
    }

    private static String definition(String title) {
        return "{\"type\":\"object\",\"title\":\"" + title + "\"}";
    }

    @Test
    void eachNodeSeesTheOthersWritesAndReadsItsOwnAtOnce() {
        String registry = "shared-" + UUID.randomUUID().toString().substring(0, 8);
        try (SchemaRegistry second = secondNode()) {
            GlueApi.Response created = second.api().handle("AWSGlue.CreateSchema", "{\"SchemaName\":\"" + registry
                    + "\",\"DataFormat\":\"JSON\",\"SchemaDefinition\":\"{\\\"type\\\":\\\"string\\\"}\"}");
            assertThat(created.status()).as(created.body()).isEqualTo(200);
            // Read-your-writes: the writing node's state has it the moment the call returns.
            assertThat(second.state().schema("default-registry", registry)).isPresent();

            SchemaId schemaId = SchemaId.builder().registryName("default-registry").schemaName(registry).build();
            await().untilAsserted(() -> assertThat(glue.getSchema(r -> r.schemaId(schemaId)).dataFormatAsString())
                    .isEqualTo("JSON"));

            glue.deleteSchema(r -> r.schemaId(schemaId));
            assertThatThrownBy(() -> glue.getSchema(r -> r.schemaId(schemaId)))
                    .isInstanceOf(EntityNotFoundException.class);
            await().untilAsserted(() -> assertThat(second.state().schema("default-registry", registry)).isEmpty());
        }
    }
}
