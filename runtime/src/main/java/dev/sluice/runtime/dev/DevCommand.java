package dev.sluice.runtime.dev;

import dev.sluice.runtime.PortCheck;
import dev.sluice.runtime.SluiceApplication;
import dev.sluice.runtime.SluiceServerCommand;
import dev.sluice.runtime.StartupException;
import dev.sluice.runtime.broker.PortInUseException;
import dev.sluice.runtime.broker.Ports;
import dev.sluice.runtime.config.AwsSettings;
import dev.sluice.runtime.config.ConnectSettings;
import dev.sluice.runtime.config.KafkaSettings;
import dev.sluice.runtime.config.SluiceConfiguration;
import dev.sluice.runtime.util.Directories;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code sluice dev}: the bundled Kafka cluster, the local AWS stand-ins and one worker node in one process, state
 * under {@code .sluice/dev/}, endpoints printed and written to {@code .sluice/dev/endpoints.env}. With
 * {@code --nodes N}, N-1 more worker nodes of the same fleet run as child processes ({@link DevNodes}).
 */
public class DevCommand extends SluiceServerCommand {

    private final SluiceApplication application;
    private Endpoints endpoints;
    private DevNodes nodes;
    private String dynamoDbUnavailable;

    public DevCommand(SluiceApplication application) {
        super(application, "dev", "Runs Kafka brokers, the local AWS stand-ins and a worker node on this machine");
        this.application = application;
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--fresh").action(Arguments.storeTrue())
                .help("wipe the state of earlier runs (topics, connectors, offsets, objects) first");
        subparser.addArgument("--brokers").type(Integer.class).setDefault(3)
                .help("number of Kafka brokers (1 for a lighter cluster)");
        subparser.addArgument("--state-dir").setDefault(".sluice/dev").help("where the dev stack keeps its state");
        subparser.addArgument("--plugin-path").setDefault("plugins/target/plugins")
                .help("folder of connector plugins");
        subparser.addArgument("--s3-port").type(Integer.class).setDefault(9090).help("port of the S3 stand-in");
        subparser.addArgument("--dynamodb-port").type(Integer.class).setDefault(8000)
                .help("port of the DynamoDB stand-in (dynalite; needs Node.js)");
        subparser.addArgument("--lambda-port").type(Integer.class).setDefault(9001)
                .help("port of the local Lambda host");
        subparser.addArgument("--secretsmanager-port").type(Integer.class).setDefault(4584)
                .help("port of the local Secrets Manager");
        subparser.addArgument("--postgres-port").type(Integer.class).setDefault(5432)
                .help("port of the PostgreSQL stand-in (wal_level=logical; user and database `sluice`)");
        subparser.addArgument("--nodes").type(Integer.class).setDefault(1)
                .choices(Arguments.range(1, DevNodes.MAX_NODES))
                .help("number of worker nodes in the fleet: node 1 in this process (API 8083, admin 8084), node k "
                        + "in a child process on API 8083+100(k-1) and admin 8084+100(k-1), its config and log in "
                        + "<state-dir>/nodes/");
    }

    @Override
    protected void run(Bootstrap<SluiceConfiguration> bootstrap, Namespace namespace,
                       SluiceConfiguration configuration) throws Exception {
        Path stateDir = Paths.get(namespace.getString("state_dir")).toAbsolutePath();
        if (namespace.getBoolean("fresh")) {
            Directories.deleteRecursively(stateDir);
        }
        Files.createDirectories(stateDir);

        int brokers = namespace.getInt("brokers");
        requireSameBrokerCount(stateDir, brokers);
        // Every port is checked before anything starts, so a second `sluice dev` fails at once, in one line.
        int s3Port = namespace.getInt("s3_port");
        PortCheck.requireFree(configuration.getServerFactory());
        int dynamoDbPort = namespace.getInt("dynamodb_port");
        int lambdaPort = namespace.getInt("lambda_port");
        PortCheck.requireFree("127.0.0.1", s3Port);
        PortCheck.requireFree("127.0.0.1", dynamoDbPort);
        int postgresPort = namespace.getInt("postgres_port");
        PortCheck.requireFree("127.0.0.1", lambdaPort);
        int secretsManagerPort = namespace.getInt("secretsmanager_port");
        PortCheck.requireFree("127.0.0.1", secretsManagerPort);
        requirePostgresPortFree(postgresPort);
        nodes = new DevNodes(stateDir.resolve("nodes"), namespace.getInt("nodes"));
        nodes.requireFree(List.of(s3Port, dynamoDbPort, lambdaPort, secretsManagerPort, postgresPort));
        DevStack stack = new DevStack(stateDir, brokers, s3Port, dynamoDbPort, lambdaPort, secretsManagerPort,
                postgresPort);
        try {
            stack.startAll();
        } catch (PortInUseException e) {
            throw PortCheck.asStartupFailure(e);
        }
        configuration.setKafka(new KafkaSettings(stack.bootstrapServers(),
                configuration.getKafka().clientProperties(), configuration.getKafka().startupTimeout()));
        ConnectSettings connect = configuration.getConnect();
        List<String> pluginPath = connect.pluginPath().isEmpty()
                ? List.of(Paths.get(namespace.getString("plugin_path")).toAbsolutePath().toString())
                : connect.pluginPath();
        configuration.setConnect(new ConnectSettings(pluginPath, connect.workerProperties(),
                "http://127.0.0.1:" + SluiceConfiguration.DEFAULT_API_PORT + "/", connect.registryTopic(),
                connect.controlPlaneTopic(),
                stateDir.resolve("custom-plugins").toString(), connect.autoscaleInterval(),
                connect.taskRestartAttempts(), connect.taskRestartBackoff()));
        AwsSettings aws = configuration.getAws();
        Map<String, String> awsEndpoints = new java.util.HashMap<>(Map.of("s3", stack.s3Endpoint(),
                "lambda", stack.lambdaEndpoint(), "secretsmanager", stack.secretsManagerEndpoint()));
        stack.dynamoDbEndpoint().ifPresent(endpoint -> awsEndpoints.put("dynamodb", endpoint));
        configuration.setAws(new AwsSettings(aws.region(), aws.accountId(), awsEndpoints,
                Endpoints.ACCESS_KEY_ID, Endpoints.SECRET_ACCESS_KEY));

        endpoints = new Endpoints("http://localhost:" + SluiceConfiguration.DEFAULT_API_PORT,
                "http://localhost:" + SluiceConfiguration.DEFAULT_ADMIN_PORT,
                stack.bootstrapServers(), stack.s3Endpoint(), stack.dynamoDbEndpoint(), stack.lambdaEndpoint(),
                stack.secretsManagerEndpoint(), stack.postgres(),
                nodes.apiUrls("http://localhost:" + SluiceConfiguration.DEFAULT_API_PORT));
        nodes.writeConfigs(configuration);
        endpoints.writeTo(stateDir.resolve("endpoints.env"));
        dynamoDbUnavailable = stack.dynamoDbUnavailable();

        application.runFirst(stack);
        try {
            super.run(bootstrap, namespace, configuration);
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    @Override
    protected void run(Environment environment, Namespace namespace, SluiceConfiguration configuration)
            throws Exception {
        // managed after the node's own parts, so the child nodes start after node 1 and stop before it and the stack
        environment.lifecycle().manage(nodes);
        super.run(environment, namespace, configuration);
        System.out.println(endpoints.banner());
        if (!nodes.nodes().isEmpty()) {
            System.out.println("  sluice: nodes 2.." + (nodes.nodes().size() + 1) + " are starting in processes of "
                    + "their own; configs and logs in " + nodes.dir() + "\n");
        }
        if (dynamoDbUnavailable != null) {
            System.out.println("  sluice: no DynamoDB stand-in: " + dynamoDbUnavailable + "\n");
        }
    }

    /** 5432 is often a PostgreSQL of the user's own: say how to move ours. */
    private static void requirePostgresPortFree(int port) {
        try {
            Ports.requireFree("127.0.0.1", port);
        } catch (PortInUseException e) {
            throw new StartupException(e.getMessage() + " (a PostgreSQL of your own? --postgres-port moves "
                    + "Sluice's)", e);
        }
    }

    /**
     * Topics of a cluster of N brokers have replicas on all N: fewer brokers would leave them offline. Say so
     * instead of timing out.
     */
    private static void requireSameBrokerCount(Path stateDir, int brokers) throws IOException {
        Path kafka = stateDir.resolve("kafka");
        if (!Files.isDirectory(kafka)) {
            return;
        }
        long earlier;
        try (Stream<Path> dirs = Files.list(kafka)) {
            earlier = dirs.filter(p -> p.getFileName().toString().startsWith("broker-")).count();
        }
        if (earlier > brokers) {
            throw new StartupException("the state in " + stateDir + " was made with " + earlier + " brokers; run with"
                    + " --brokers " + earlier + ", or with --fresh to start over with " + brokers);
        }
    }
}
