package dev.sluice.runtime.broker;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.logging.common.DefaultLoggingFactory;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code sluice broker --config FILE}: runs one Apache Kafka node in KRaft mode (broker, controller or both) in
 * this process until SIGTERM or Ctrl-C, for production clusters of one node per host.
 *
 * <p>The file is a standard Kafka {@code server.properties}. A static controller quorum is required
 * ({@code controller.quorum.voters}). One key is Sluice's own: {@code cluster.id}, the id the node's storage is
 * formatted with on its first start, as {@code kafka-storage.sh format -t ID} would. Every node of a cluster
 * needs the same value; a single node that is its only voter may leave it out and get a random one. Once
 * formatted, the id on disk is kept and a different {@code cluster.id} is an error. Example:
 *
 * <pre>
 * process.roles=broker,controller
 * node.id=1
 * controller.quorum.voters=1@kafka-1.internal:9093,2@kafka-2.internal:9093,3@kafka-3.internal:9093
 * listeners=PLAINTEXT://0.0.0.0:9092,CONTROLLER://0.0.0.0:9093
 * advertised.listeners=PLAINTEXT://kafka-1.internal:9092
 * controller.listener.names=CONTROLLER
 * listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
 * log.dirs=/var/lib/sluice/kafka
 * # Sluice: formats log.dirs on first start; the same on every node (kafka-storage.sh random-uuid).
 * cluster.id=MkU3OEVBNTcwNTJENDM2Qg
 * offsets.topic.replication.factor=3
 * transaction.state.log.replication.factor=3
 * default.replication.factor=3
 * min.insync.replicas=2
 * </pre>
 */
public final class BrokerCommand extends Command {

    private static final String CONFIG = "config";

    public BrokerCommand() {
        super("broker", "Runs one Apache Kafka node (broker, controller or both, KRaft mode) until stopped");
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("-c", "--config")
                .dest(CONFIG)
                .metavar("FILE")
                .required(true)
                .help("a Kafka server.properties (node.id, process.roles, listeners, controller.quorum.voters,"
                        + " log.dirs, ...); cluster.id in the same file is the id to format the storage with"
                        + " on first start");
        subparser.epilog("Every node of a cluster needs the same cluster.id; a single node that is its only"
                + " controller.quorum.voters entry may omit it. Dynamic quorums"
                + " (controller.quorum.bootstrap.servers) are not supported.");
    }

    @Override
    public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
        var configFile = Path.of(namespace.getString(CONFIG));
        var settings = readSettings(configFile);
        configureLogging(bootstrap);

        var node = new KraftNode(settings);
        var hook = new Thread(node::close, "sluice-broker-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        node.start();
        // Returns when the shutdown hook has closed the node, or when Kafka stopped it by itself.
        node.awaitShutdown();
    }

    /** A bad config file or a taken port needs a sentence, not a stack trace. */
    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        if (e instanceof IllegalArgumentException || e instanceof PortInUseException) {
            cli.getStdErr().println(e.getMessage());
        } else {
            super.onError(cli, namespace, e);
        }
    }

    static KraftNodeSettings readSettings(Path configFile) throws IOException {
        var properties = new Properties();
        try (Reader reader = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Map<String, String> values = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name).trim()));
        try {
            return KraftNodeSettings.fromServerProperties(values);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(configFile + ": " + e.getMessage(), e);
        }
    }

    /** Plain commands keep Dropwizard's bootstrap logging (WARN and up); a broker should log its lifecycle. */
    private static void configureLogging(Bootstrap<?> bootstrap) {
        var logging = new DefaultLoggingFactory();
        logging.setLevel("INFO");
        logging.configure(bootstrap.getMetricRegistry(), "sluice-broker");
    }
}
