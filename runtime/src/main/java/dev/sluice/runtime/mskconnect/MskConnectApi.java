package dev.sluice.runtime.mskconnect;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.runtime.config.AwsSettings;
import dev.sluice.runtime.connect.RoutingHerder;
import dev.sluice.runtime.mskconnect.connector.Autoscaler;
import dev.sluice.runtime.mskconnect.connector.ConnectorOperationsResource;
import dev.sluice.runtime.mskconnect.connector.ConnectorReferences;
import dev.sluice.runtime.mskconnect.connector.ConnectorUpdates;
import dev.sluice.runtime.mskconnect.connector.ConnectorsResource;
import dev.sluice.runtime.mskconnect.connector.MskConnectors;
import dev.sluice.runtime.mskconnect.errors.MskConnectExceptionMappers;
import dev.sluice.runtime.mskconnect.logs.S3LogDelivery;
import dev.sluice.runtime.connect.PluginPaths;
import dev.sluice.runtime.mskconnect.plugin.CustomPluginCopies;
import dev.sluice.runtime.mskconnect.plugin.CustomPlugins;
import dev.sluice.runtime.mskconnect.plugin.CustomPluginsResource;
import dev.sluice.runtime.mskconnect.plugin.PluginArchiveInspector;
import dev.sluice.runtime.mskconnect.plugin.PluginFetcher;
import dev.sluice.runtime.mskconnect.tags.Tags;
import dev.sluice.runtime.mskconnect.tags.TagsResource;
import dev.sluice.runtime.mskconnect.workerconfig.WorkerConfigurations;
import dev.sluice.runtime.mskconnect.workerconfig.WorkerConfigurationsResource;
import dev.sluice.runtime.state.CompactedTopicStore;
import dev.sluice.runtime.state.ResourceState;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import io.dropwizard.lifecycle.Managed;
import org.apache.kafka.clients.admin.Admin;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The MSK Connect API ({@code /v1/...}, restJson1): its resources over the control plane's state, which lives in
 * a compacted topic so that every node sees it and nothing is lost with a node.
 */
public final class MskConnectApi implements Managed {

    /** How often connectors' worker logs are delivered to S3. */
    private static final Duration LOG_DELIVERY_INTERVAL = Duration.ofSeconds(5);

    private final CompactedTopicStore store;
    private final ResourceState state;
    private final Admin admin;
    private final List<Object> resources;

    private final S3Client s3;
    private final ExecutorService installer;
    private final Autoscaler autoscaler;
    private final S3LogDelivery logDelivery;
    private final CustomPluginCopies pluginCopies;

    public MskConnectApi(AwsSettings aws, Map<String, Object> clientProps, Admin admin, ObjectMapper json,
                         Path customPluginDir, RoutingHerder herder, Duration autoscaleInterval,
                        String stateTopic) {
        this.store = new CompactedTopicStore(stateTopic, clientProps);
        this.state = new ResourceState(store, json);
        this.admin = admin;
        this.s3 = AwsClients.s3(aws);
        this.installer = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "sluice-control-plane-worker");
            t.setDaemon(true);
            return t;
        });
        Arns arns = new Arns(aws);
        Clock clock = Clock.systemUTC();
        ConnectorReferences references = new ConnectorReferences(state, arns);
        CustomPlugins customPlugins = new CustomPlugins(state, arns, clock, new PluginFetcher(s3),
                new PluginArchiveInspector(), customPluginDir, installer, references);
        this.pluginCopies = new CustomPluginCopies(state, arns, new PluginFetcher(s3), new PluginArchiveInspector(),
                customPluginDir);
        WorkerConfigurations workerConfigurations = new WorkerConfigurations(state, arns, clock, references);
        MskConnectors connectors = new MskConnectors(state, arns, clock, herder, workerConfigurations, customPlugins);
        ConnectorUpdates updates = new ConnectorUpdates(state, arns, clock, connectors, installer);
        this.autoscaler = new Autoscaler(state, arns, clock, connectors, autoscaleInterval);
        this.logDelivery = new S3LogDelivery(state, arns, aws, s3, clock, LOG_DELIVERY_INTERVAL);
        this.resources = List.of(
                new WorkerConfigurationsResource(workerConfigurations),
                new CustomPluginsResource(customPlugins),
                new ConnectorsResource(connectors, updates),
                new ConnectorOperationsResource(updates),
                new TagsResource(new Tags(state)));
    }

    /** Where this node finds the custom plugins of connectors whose workers run here, wherever they were created. */
    public PluginPaths pluginPaths() {
        return pluginCopies;
    }

    public void register(JerseyEnvironment jersey) {
        resources.forEach(jersey::register);
        MskConnectExceptionMappers.all().forEach(jersey::register);
    }

    @Override
    public void start() {
        store.ensureTopic(admin);
        store.start();
        state.load();
        autoscaler.start();
        logDelivery.start();
    }

    @Override
    public void stop() {
        logDelivery.stop();
        autoscaler.stop();
        installer.shutdownNow();
        s3.close();
        store.close();
    }
}
