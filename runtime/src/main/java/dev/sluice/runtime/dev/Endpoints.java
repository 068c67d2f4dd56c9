package dev.sluice.runtime.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The endpoints of the dev stack, as shell {@code export} lines in {@code .sluice/dev/endpoints.env} for scripts and
 * users to {@code source}. The credentials (AWS's and PostgreSQL's) are the stand-ins' dummies, not secrets.
 *
 * @param nodeApis the API URLs of all worker nodes, node 1's ({@code sluiceApi}) first; with more than one, they are
 *                 {@code SLUICE_NODES}
 */
public record Endpoints(String sluiceApi, String sluiceAdmin, String kafkaBootstrapServers, String s3Endpoint,
                        Optional<String> dynamoDbEndpoint, String lambdaEndpoint, String secretsManagerEndpoint,
                        Postgres postgres, List<String> nodeApis) {

    public Endpoints {
        nodeApis = nodeApis == null || nodeApis.isEmpty() ? List.of(sluiceApi) : List.copyOf(nodeApis);
    }

    /** One worker node. */
    public Endpoints(String sluiceApi, String sluiceAdmin, String kafkaBootstrapServers, String s3Endpoint,
                     Optional<String> dynamoDbEndpoint, String lambdaEndpoint, String secretsManagerEndpoint,
                     Postgres postgres) {
        this(sluiceApi, sluiceAdmin, kafkaBootstrapServers, s3Endpoint, dynamoDbEndpoint, lambdaEndpoint,
                secretsManagerEndpoint, postgres, List.of(sluiceApi));
    }

    /** The PostgreSQL stand-in, as libpq's environment variables name it (so {@code psql} needs no arguments). */
    public record Postgres(String host, int port, String user, String password, String database) {
    }

    public static final String REGION = "us-east-1";
    public static final String ACCESS_KEY_ID = "sluice";
    public static final String SECRET_ACCESS_KEY = "sluice-local";

    public Map<String, String> variables() {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("SLUICE_API", sluiceApi);
        vars.put("SLUICE_ADMIN", sluiceAdmin);
        if (nodeApis.size() > 1) {
            vars.put("SLUICE_NODES", String.join(" ", nodeApis));
        }
        vars.put("GLUE_ENDPOINT", sluiceApi); // the schema registry answers on the API port (X-Amz-Target: AWSGlue.*)
        vars.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
        vars.put("S3_ENDPOINT", s3Endpoint);
        dynamoDbEndpoint.ifPresent(endpoint -> vars.put("DYNAMODB_ENDPOINT", endpoint));
        vars.put("LAMBDA_ENDPOINT", lambdaEndpoint);
        vars.put("SECRETSMANAGER_ENDPOINT", secretsManagerEndpoint);
        vars.put("PGHOST", postgres.host());
        vars.put("PGPORT", String.valueOf(postgres.port()));
        vars.put("PGUSER", postgres.user());
        vars.put("PGPASSWORD", postgres.password()); // the stand-in's dev dummy, like the AWS ones below
        vars.put("PGDATABASE", postgres.database());
        vars.put("AWS_REGION", REGION);
        vars.put("AWS_DEFAULT_REGION", REGION); // what AWS CLI v1 reads
        vars.put("AWS_ACCESS_KEY_ID", ACCESS_KEY_ID);
        vars.put("AWS_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY);
        return vars;
    }

    public void writeTo(Path file) {
        StringBuilder out = new StringBuilder("# written by `sluice dev`; source it: . ").append(file).append('\n');
        variables().forEach((k, v) -> out.append("export ").append(k).append('=').append(shellWord(v)).append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, out);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    /** {@code v} as one shell word: quoted when it holds anything but URL and path characters (SLUICE_NODES). */
    static String shellWord(String v) {
        return v.matches("[A-Za-z0-9_@%+=:,./-]*") ? v : "'" + v.replace("'", "'\\''") + "'";
    }

    public String banner() {
        StringBuilder out = new StringBuilder("\n  Sluice dev stack is up (Ctrl-C stops everything)\n\n");
        variables().forEach((k, v) -> out.append(String.format("    %-24s %s%n", k, v)));
        return out.toString();
    }
}
