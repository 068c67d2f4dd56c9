package dev.sluice.runtime.dev;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class EndpointsTest {

    @TempDir
    Path dir;

    private final Endpoints endpoints = new Endpoints("http://localhost:8083", "http://localhost:8084",
            "127.0.0.1:9092", "http://127.0.0.1:9090", Optional.empty(), "http://127.0.0.1:9001",
            "http://127.0.0.1:4584", new Endpoints.Postgres("127.0.0.1", 5432, "sluice", "sluice-local", "sluice"));

    @Test
    void theLambdaHostIsAnEndpointOfTheDevStack() {
        assertThat(endpoints.variables()).containsEntry("LAMBDA_ENDPOINT", "http://127.0.0.1:9001")
                .containsEntry("S3_ENDPOINT", "http://127.0.0.1:9090").doesNotContainKey("DYNAMODB_ENDPOINT");
    }

    @Test
    void theSecretsManagerIsAnEndpointOfTheDevStack() {
        assertThat(endpoints.variables()).containsEntry("SECRETSMANAGER_ENDPOINT", "http://127.0.0.1:4584");
    }

    @Test
    void thePostgresStandInIsNamedAsLibpqReadsIt() {
        assertThat(endpoints.variables()).containsEntry("PGHOST", "127.0.0.1").containsEntry("PGPORT", "5432")
                .containsEntry("PGUSER", "sluice").containsEntry("PGPASSWORD", "sluice-local")
                .containsEntry("PGDATABASE", "sluice");
    }

    @Test
    void theEnvFileExportsEveryEndpoint() {
        Path file = dir.resolve("endpoints.env");

        endpoints.writeTo(file);

        assertThat(file).content().contains("export LAMBDA_ENDPOINT=http://127.0.0.1:9001\n",
                "export SLUICE_API=http://localhost:8083\n", "export PGPORT=5432\n");
    }

    @Test
    void oneNodeNeedsNoFleetList() {
        assertThat(endpoints.variables()).doesNotContainKey("SLUICE_NODES");
    }

    @Test
    void theFleetsApisAreOneShellWordNodeOneFirst() {
        Path file = dir.resolve("endpoints.env");
        Endpoints fleet = new Endpoints(endpoints.sluiceApi(), endpoints.sluiceAdmin(),
                endpoints.kafkaBootstrapServers(), endpoints.s3Endpoint(), endpoints.dynamoDbEndpoint(),
                endpoints.lambdaEndpoint(), endpoints.secretsManagerEndpoint(), endpoints.postgres(),
                List.of("http://localhost:8083", "http://localhost:8183", "http://localhost:8283"));

        fleet.writeTo(file);

        assertThat(fleet.variables())
                .containsEntry("SLUICE_NODES", "http://localhost:8083 http://localhost:8183 http://localhost:8283")
                .containsEntry("SLUICE_API", "http://localhost:8083");
        assertThat(file).content()
                .contains("export SLUICE_NODES='http://localhost:8083 http://localhost:8183 http://localhost:8283'\n");
        assertThat(fleet.banner()).contains("http://localhost:8183 http://localhost:8283");
    }
}
