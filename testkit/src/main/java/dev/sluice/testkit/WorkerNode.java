package dev.sluice.testkit;

import dev.sluice.runtime.SluiceApplication;
import dev.sluice.runtime.config.AwsSettings;
import dev.sluice.runtime.config.ConnectSettings;
import dev.sluice.runtime.config.KafkaSettings;
import dev.sluice.runtime.config.SluiceConfiguration;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.logging.common.ExternalLoggingFactory;
import io.dropwizard.request.logging.LogbackAccessRequestLogFactory;
import io.dropwizard.testing.DropwizardTestSupport;

import java.util.List;
import java.util.Map;

/**
 * One Sluice worker node in this JVM, exactly as {@code sluice server} runs it, on ports fixed at construction so
 * that a restart comes back at the same address.
 */
public final class WorkerNode implements AutoCloseable {

    private final String bootstrapServers;
    private final List<String> pluginPath;
    private final Map<String, String> workerProperties;
    private final int apiPort;
    private final int adminPort;
    private DropwizardTestSupport<SluiceConfiguration> support;

    private final AwsSettings aws;
    private final String customPluginDir;

    public WorkerNode(String bootstrapServers, List<String> pluginPath, Map<String, String> workerProperties,
                      int apiPort, int adminPort) {
        this(bootstrapServers, pluginPath, workerProperties, apiPort, adminPort, AwsSettings.defaults(), null);
    }

    /** A node that fetches custom plugins through {@code aws} (e.g. the test S3 server) into {@code customPluginDir}. */
    public WorkerNode(String bootstrapServers, List<String> pluginPath, Map<String, String> workerProperties,
                      int apiPort, int adminPort, AwsSettings aws, String customPluginDir) {
        this.aws = aws;
        this.customPluginDir = customPluginDir;
        this.bootstrapServers = bootstrapServers;
        this.pluginPath = List.copyOf(pluginPath);
        this.workerProperties = Map.copyOf(workerProperties);
        this.apiPort = apiPort;
        this.adminPort = adminPort;
    }

    public synchronized void start() {
        if (support != null) {
            return;
        }
        DropwizardTestSupport<SluiceConfiguration> next =
                new DropwizardTestSupport<>(SluiceApplication.class, configuration());
        try {
            next.before();
        } catch (Exception e) {
            next.after();
            throw new IllegalStateException("The worker node did not start", e);
        }
        support = next;
    }

    /** Stops the node as an operator's Ctrl-C would: herders stop their tasks and commit offsets. */
    public synchronized void stop() {
        if (support != null) {
            support.after();
            support = null;
        }
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + apiPort;
    }

    public String adminUrl() {
        return "http://127.0.0.1:" + adminPort;
    }

    private SluiceConfiguration configuration() {
        SluiceConfiguration config = new SluiceConfiguration();
        config.setKafka(new KafkaSettings(bootstrapServers, Map.of(), io.dropwizard.util.Duration.seconds(20)));
        // autoscaling decides every 2 s here, so that tests see it act within seconds
        // automatic task restarts: 3 attempts from 1 s, so tests see them within seconds
        config.setConnect(new ConnectSettings(pluginPath, workerProperties, apiUrl() + "/", null, null, customPluginDir,
                io.dropwizard.util.Duration.seconds(2), 3, io.dropwizard.util.Duration.seconds(1)));
        config.setAws(aws);
        DefaultServerFactory server = (DefaultServerFactory) config.getServerFactory();
        HttpConnectorFactory api = (HttpConnectorFactory) server.getApplicationConnectors().get(0);
        api.setPort(apiPort);
        api.setBindHost("127.0.0.1");
        HttpConnectorFactory admin = (HttpConnectorFactory) server.getAdminConnectors().get(0);
        admin.setPort(adminPort);
        admin.setBindHost("127.0.0.1");
        // Leave Logback as the test's logback-test.xml set it up, and keep the access log out of test output.
        config.setLoggingFactory(new ExternalLoggingFactory());
        LogbackAccessRequestLogFactory requestLog = new LogbackAccessRequestLogFactory();
        requestLog.setAppenders(List.of());
        server.setRequestLogFactory(requestLog);
        return config;
    }

    @Override
    public void close() {
        stop();
    }
}
