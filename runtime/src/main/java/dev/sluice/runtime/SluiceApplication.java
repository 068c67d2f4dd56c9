package dev.sluice.runtime;

import dev.sluice.runtime.broker.BrokerCommand;
import dev.sluice.runtime.config.SluiceConfiguration;
import dev.sluice.runtime.connect.ConnectNode;
import dev.sluice.runtime.connect.ForwardedRequests;
import dev.sluice.runtime.dev.DevCommand;
import dev.sluice.runtime.fleet.FleetMember;
import dev.sluice.runtime.fleet.FleetMembership;
import dev.sluice.runtime.fleet.FleetPlacement;
import dev.sluice.runtime.fleet.FleetResource;
import dev.sluice.runtime.health.HerdersHealthCheck;
import dev.sluice.runtime.health.KafkaHealthCheck;
import dev.sluice.runtime.metrics.KafkaMetricsCollector;
import dev.sluice.runtime.metrics.PrometheusServlet;
import dev.sluice.runtime.mskconnect.AwsArnPaths;
import dev.sluice.runtime.mskconnect.MskConnectApi;
import dev.sluice.runtime.rest.KafkaConnectRestApi;
import dev.sluice.schema.SchemaRegistry;
import dev.sluice.schema.registry.Arns;
import io.dropwizard.core.Application;
import io.dropwizard.core.cli.CheckCommand;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.lifecycle.Managed;
import jakarta.servlet.DispatcherType;
import org.apache.kafka.clients.admin.Admin;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;

/** The worker node: {@code sluice server CONFIG.yml}, plus the {@code broker} and {@code dev} commands. */
public class SluiceApplication extends Application<SluiceConfiguration> {

    /** How long a node that stopped heartbeating stays in the fleet's view. */
    private static final Duration FLEET_SESSION_TIMEOUT = Duration.ofSeconds(10);

    /** Started before, and stopped after, everything else the node runs (the dev stack's brokers and stand-ins). */
    private Managed firstManaged;

    public static void main(String[] args) throws Exception {
        new SluiceApplication().run(args);
    }

    @Override
    public String getName() {
        return "sluice";
    }

    @Override
    protected void addDefaultCommands(Bootstrap<SluiceConfiguration> bootstrap) {
        bootstrap.addCommand(new SluiceServerCommand(this));
        bootstrap.addCommand(new CheckCommand<>(this));
        bootstrap.addCommand(new DevCommand(this));
        bootstrap.addCommand(new BrokerCommand());
    }

    /** Lets the dev command hand over what must outlive the node's own objects on shutdown. */
    public void runFirst(Managed managed) {
        this.firstManaged = managed;
    }

    @Override
    public void run(SluiceConfiguration config, Environment environment) {
        if (firstManaged != null) {
            environment.lifecycle().manage(firstManaged);
        }
        PortCheck.requireFree(config.getServerFactory());

        Admin admin = Admin.create(adminProps(config));
        environment.lifecycle().manage(new Managed() {
            @Override
            public void stop() {
                admin.close(Duration.ofSeconds(5));
            }
        });
        KafkaReachability.requireReachable(admin, config.getKafka());

        // the fleet: the nodes sharing this node's connector registry, which place every connector's workers
        // among them (seen through GET /v1/fleet)
        String nodeUrl = advertisedUrl(config);
        FleetMembership fleet = new FleetMembership(new FleetMember(nodeUrl, nodeUrl, System.currentTimeMillis()),
                FleetMembership.nameFor(config.getConnect().registryTopic()), clientProps(config), admin,
                FLEET_SESSION_TIMEOUT);
        environment.lifecycle().manage(fleet);

        ConnectNode node = ConnectNode.assemble(config.getKafka(), config.getConnect(), config.getAws(), nodeUrl,
                admin, new FleetPlacement(fleet));
        environment.jersey().register(new FleetResource(fleet, node.clusters()));
        environment.lifecycle().manage(node.validation());
        environment.lifecycle().manage(node.clusters());
        environment.lifecycle().manage(node.restarter());

        // Dropwizard's Jersey serves Sluice's own APIs under /v1 (MSK Connect's paths); Kafka Connect's API owns /.
        environment.jersey().setUrlPattern("/v1/*");
        environment.servlets().addFilter("forwarded-requests", new ForwardedRequests())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
        environment.servlets()
                .addServlet("kafka-connect", KafkaConnectRestApi.servlet(node.herder(), node.restConfig(),
                        node.restClient()))
                .addMapping("/*");

        MskConnectApi mskConnect = new MskConnectApi(config.getAws(), clientProps(config), admin,
                environment.getObjectMapper(), Path.of(config.getConnect().customPluginDir()), node.herder(),
                config.getConnect().autoscaleInterval().toJavaDuration(), config.getConnect().controlPlaneTopic());
        environment.lifecycle().manage(mskConnect);
        node.factory().usePluginPaths(mskConnect.pluginPaths());
        mskConnect.register(environment.jersey());
        AwsArnPaths.allowEncodedSlashes(config.getServerFactory(), environment);

        // The schema registry shares the API port (a filter, before Kafka Connect's servlet sees the request): the
        // Glue API on POST / with X-Amz-Target: AWSGlue.*, the Confluent-compatible one on /subjects, /schemas, ...
        SchemaRegistry schemaRegistry = SchemaRegistry.kafka(SchemaRegistry.DEFAULT_TOPIC, clientProps(config),
                new Arns(config.getAws().region(), config.getAws().accountId()));
        environment.lifecycle().manage(new Managed() {
            @Override
            public void start() {
                schemaRegistry.start(admin);
            }

            @Override
            public void stop() {
                schemaRegistry.close();
            }
        });
        environment.servlets().addFilter("schema-registry", schemaRegistry.filter())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");


        environment.healthChecks().register("kafka", new KafkaHealthCheck(admin));
        environment.healthChecks().register("connect-herders", new HerdersHealthCheck(node.clusters()));
        environment.admin()
                .addServlet("prometheus", new PrometheusServlet(environment.metrics(), KafkaMetricsCollector.global()))
                .addMapping("/metrics/prometheus");
    }

    private static Map<String, Object> clientProps(SluiceConfiguration config) {
        Map<String, Object> props = new HashMap<>(config.getKafka().clientProperties());
        props.put("bootstrap.servers", config.getKafka().bootstrapServers());
        return props;
    }

    private static Map<String, Object> adminProps(SluiceConfiguration config) {
        Map<String, Object> props = clientProps(config);
        props.put("client.id", "sluice-node-admin");
        return props;
    }

    static String advertisedUrl(SluiceConfiguration config) {
        if (config.getConnect().advertisedUrl() != null) {
            return config.getConnect().advertisedUrl();
        }
        int port = SluiceConfiguration.DEFAULT_API_PORT;
        if (config.getServerFactory() instanceof DefaultServerFactory server
                && server.getApplicationConnectors().get(0) instanceof HttpConnectorFactory http) {
            port = http.getPort();
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return "http://" + host + ":" + port + "/";
    }
}
