package dev.sluice.runtime.mskconnect.connector;

import dev.sluice.runtime.connect.RoutingHerder;
import dev.sluice.runtime.mskconnect.Arns;
import dev.sluice.runtime.mskconnect.Page;
import dev.sluice.runtime.mskconnect.Timestamps;
import dev.sluice.runtime.mskconnect.connector.ConnectorApi.CreateConnectorRequest;
import dev.sluice.runtime.mskconnect.connector.ConnectorApi.StateDescription;
import dev.sluice.runtime.mskconnect.errors.MskConnectException;
import dev.sluice.runtime.mskconnect.plugin.CustomPlugin;
import dev.sluice.runtime.mskconnect.plugin.CustomPlugins;
import dev.sluice.runtime.mskconnect.workerconfig.WorkerConfiguration;
import dev.sluice.runtime.mskconnect.workerconfig.WorkerConfigurations;
import dev.sluice.runtime.mskconnect.workerconfig.WorkerPropertiesRules;
import dev.sluice.runtime.state.ResourceState;
import org.apache.kafka.connect.errors.NotFoundException;
import org.apache.kafka.connect.runtime.AbstractStatus;
import org.apache.kafka.connect.runtime.Herder;
import org.apache.kafka.connect.runtime.RestartRequest;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.runtime.rest.errors.BadRequestException;
import org.apache.kafka.connect.util.ConnectorTaskId;
import org.apache.kafka.connect.util.FutureCallback;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * MSK Connect's connectors: each runs as a Kafka Connect connector of the same name, in a Connect cluster of its
 * own whose worker settings come from the request (worker configuration, Kafka cluster, custom plugins).
 */
public final class MskConnectors {

    /** MSK Connect's default worker configuration, used when a connector names none. */
    private static final Map<String, String> DEFAULT_WORKER_PROPERTIES = Map.of(
            "key.converter", "org.apache.kafka.connect.storage.StringConverter",
            "value.converter", "org.apache.kafka.connect.storage.StringConverter");
    private static final long TIMEOUT_SECONDS = 90;

    private final ResourceState state;
    private final Arns arns;
    private final Clock clock;
    private final RoutingHerder herder;
    private final WorkerConfigurations workerConfigurations;
    private final CustomPlugins customPlugins;

    public MskConnectors(ResourceState state, Arns arns, Clock clock, RoutingHerder herder,
                         WorkerConfigurations workerConfigurations, CustomPlugins customPlugins) {
        this.state = state;
        this.arns = arns;
        this.clock = clock;
        this.herder = herder;
        this.workerConfigurations = workerConfigurations;
        this.customPlugins = customPlugins;
    }

    public MskConnector create(CreateConnectorRequest request) {
        ConnectorRequestCheck.check(request).check();
        Map<String, String> overrides = workerOverrides(request);
        String name = request.connectorName();
        synchronized (this) {
            if (findByName(name) != null || herder.connectors().contains(name)) {
                throw new MskConnectException.Conflict("A connector named " + name + " already exists");
            }
            MskConnector connector = new MskConnector(arns.newArn(Arns.CONNECTOR, name), Timestamps.now(clock),
                    "1", request, request.tags() == null ? Map.of() : Map.copyOf(request.tags()));
            state.put(connector.arn(), connector);
            // as Kafka Connect's REST API does, the connector's config carries its name
            Map<String, String> config = new LinkedHashMap<>(request.connectorConfiguration());
            config.put("name", name);
            if (request.capacity().autoScaling() != null) {
                config.put("tasks.max", String.valueOf(Autoscaler.tasksMax(request.capacity().autoScaling(),
                        request.capacity().initialWorkers())));
            }
            try {
                MskConnectors.<Herder.Created<ConnectorInfo>>await(
                        cb -> herder.createConnector(name, config, overrides,
                                request.capacity().initialWorkers(), cb));
            } catch (RuntimeException e) {
                state.remove(connector.arn());
                throw e;
            }
            return connector;
        }
    }

    /**
     * Sluice's {@code POST /v1/connectors?dryRun=true}: every problem of a create request (its members, the name,
     * the plugins and worker configuration it names, the connector's own config validation with its plugins),
     * and nothing created.
     */
    public List<String> dryRun(CreateConnectorRequest request) {
        List<String> problems = new java.util.ArrayList<>(ConnectorRequestCheck.check(request).problems());
        if (!problems.isEmpty()) {
            return problems;
        }
        String name = request.connectorName();
        if (findByName(name) != null || herder.connectors().contains(name)) {
            problems.add("connectorName: a connector named " + name + " already exists");
        }
        Map<String, String> overrides;
        try {
            overrides = workerOverrides(request);
        } catch (MskConnectException e) {
            problems.add(e.getMessage());
            return problems;
        }
        Map<String, String> config = new LinkedHashMap<>(request.connectorConfiguration());
        config.put("name", name);
        herder.validateForCluster(config, overrides)
                .forEach(problem -> problems.add("connectorConfiguration: " + problem));
        return problems;
    }

    public MskConnector describe(String arn) {
        if (!arns.isOfKind(arn, Arns.CONNECTOR)) {
            throw new MskConnectException.BadRequest("connectorArn is not a connector ARN of this region and account: "
                    + arn);
        }
        return state.get(arn, MskConnector.class)
                .orElseThrow(() -> new MskConnectException.NotFound("Connector " + arn + " not found"));
    }

    public Page<MskConnector> list(String namePrefix, Integer maxResults, String nextToken) {
        List<MskConnector> matching = state.list(arns.prefixOf(Arns.CONNECTOR), MskConnector.class).stream()
                .filter(c -> namePrefix == null || c.name().startsWith(namePrefix))
                .toList();
        return Page.of(matching, MskConnector::arn, maxResults, nextToken);
    }

    public synchronized MskConnector delete(String arn, String currentVersion) {
        MskConnector connector = describe(arn);
        if (currentVersion != null && !currentVersion.equals(connector.currentVersion())) {
            throw new MskConnectException.BadRequest("currentVersion " + currentVersion + " is stale: the connector "
                    + "is at version " + connector.currentVersion());
        }
        try {
            MskConnectors.<Herder.Created<ConnectorInfo>>await(cb -> herder.deleteConnectorConfig(connector.name(), cb));
        } catch (MskConnectException.NotFound gone) {
            // its Kafka Connect connector is gone already: removing the record is all that is left
        }
        state.remove(arn);
        return connector;
    }

    /** {@code PUT /v1/connectors/{arn}/pause}: its tasks stop; its offsets and config stay. */
    public MskConnector pause(String arn) {
        MskConnector connector = describe(arn);
        herder.pauseConnector(connector.name());
        return connector;
    }

    /** {@code PUT /v1/connectors/{arn}/resume}. */
    public MskConnector resume(String arn) {
        MskConnector connector = describe(arn);
        herder.resumeConnector(connector.name());
        return connector;
    }

    /** {@code POST /v1/connectors/{arn}/restart}: the connector and its tasks, or only the failed ones. */
    public MskConnector restart(String arn, boolean onlyFailedTasks) {
        MskConnector connector = describe(arn);
        MskConnectors.<ConnectorStateInfo>await(cb -> herder.restartConnectorAndTasks(
                new RestartRequest(connector.name(), onlyFailedTasks, true), cb));
        return connector;
    }

    /** The state MSK Connect would report, read from the Kafka Connect connector's status. */
    public Status status(MskConnector connector) {
        ConnectorStateInfo info;
        try {
            info = herder.connectorStatus(connector.name());
        } catch (NotFoundException e) {
            return new Status("CREATING", null);
        }
        String connectorState = info.connector().state();
        if (AbstractStatus.State.FAILED.name().equals(connectorState)) {
            return new Status("FAILED", new StateDescription("CONNECTOR_FAILED", firstLine(info.connector().trace())));
        }
        for (ConnectorStateInfo.TaskState task : info.tasks()) {
            if (AbstractStatus.State.FAILED.name().equals(task.state())) {
                return new Status("FAILED", new StateDescription("TASK_FAILED",
                        "Task " + task.id() + " failed: " + firstLine(task.trace()) + restartsOf(connector, task.id())));
            }
        }
        if (AbstractStatus.State.PAUSED.name().equals(connectorState)
                || AbstractStatus.State.STOPPED.name().equals(connectorState)) {
            return new Status(connectorState, null);
        }
        boolean running = AbstractStatus.State.RUNNING.name().equals(connectorState) && !info.tasks().isEmpty()
                && info.tasks().stream().allMatch(t -> AbstractStatus.State.RUNNING.name().equals(t.state()));
        return new Status(running ? "RUNNING" : "CREATING", null);
    }

    public record Status(String state, StateDescription description) {
    }

    /** Records a changed request (an update), one version up; returns the new record. */
    synchronized MskConnector replaceRequest(MskConnector connector, CreateConnectorRequest request) {
        String next = String.valueOf(Long.parseLong(connector.currentVersion()) + 1);
        MskConnector updated = new MskConnector(connector.arn(), connector.creationTime(), next, request,
                connector.tags());
        state.put(connector.arn(), updated);
        return updated;
    }

    /**
     * Puts the connector's configuration into Kafka Connect and waits until the connector runs with it.
     *
     * @return null when it runs; otherwise why not (Kafka Connect refused it, or the connector or a task failed)
     */
    String applyConfiguration(MskConnector connector, java.time.Duration timeout) {
        Map<String, String> config = new LinkedHashMap<>(connector.request().connectorConfiguration());
        config.put("name", connector.name());
        try {
            MskConnectors.<Herder.Created<ConnectorInfo>>await(
                    cb -> herder.putConnectorConfig(connector.name(), config, true, cb));
        } catch (MskConnectException e) {
            return e.getMessage();
        }
        return awaitRunning(connector, timeout);
    }

    private String awaitRunning(MskConnector connector, java.time.Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Status status = status(connector);
            if ("RUNNING".equals(status.state())) {
                return null;
            }
            if ("FAILED".equals(status.state())) {
                return status.description().code() + ": " + status.description().message();
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted while waiting for the connector to run";
            }
        }
        return "the connector did not reach RUNNING within " + timeout.toSeconds() + " s";
    }

    /**
     * Runs the connector on as many workers as its capacity asks, and waits until it runs again.
     *
     * @return null when it runs; otherwise why not
     */
    String applyCapacity(MskConnector connector, java.time.Duration timeout) {
        try {
            herder.resizeConnector(connector.name(), connector.request().capacity().initialWorkers());
        } catch (RuntimeException e) {
            return "Sluice could not change the workers: " + e.getMessage();
        }
        return awaitRunning(connector, timeout);
    }

    /** How many Connect workers the connector has over the fleet; 0 when it has no cluster. */
    int workerCount(MskConnector connector) {
        return herder.workerCount(connector.name());
    }

    /** How many of the connector's Connect workers run on this node. */
    int workersHere(MskConnector connector) {
        return herder.workersHere(connector.name());
    }

    /** Whether this node autoscales the connector: one node of the fleet does, one that runs its workers. */
    boolean scalesHere(MskConnector connector) {
        return herder.leads(connector.name()) && workersHere(connector) > 0;
    }

    /**
     * An autoscaling step: the connector's workers become {@code workers}, then its tasks.max {@code tasksMax}.
     *
     * @return null when done; otherwise why not
     */
    String resizeAndSetTasksMax(MskConnector connector, int workers, int tasksMax) {
        try {
            herder.resizeConnector(connector.name(), workers);
            Map<String, String> config = new LinkedHashMap<>(connector.request().connectorConfiguration());
            config.put("name", connector.name());
            config.put("tasks.max", String.valueOf(tasksMax));
            MskConnectors.<Herder.Created<ConnectorInfo>>await(
                    cb -> herder.putConnectorConfig(connector.name(), config, true, cb));
            return null;
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }

    Map<String, String> redact(Map<String, String> config) {
        return herder.redact(config);
    }

    /** Secrets hidden, as in every other response of the node. */
    public Map<String, String> redactedConfiguration(MskConnector connector) {
        return herder.redact(connector.request().connectorConfiguration());
    }

    private Map<String, String> workerOverrides(CreateConnectorRequest request) {
        Map<String, String> overrides = new LinkedHashMap<>(DEFAULT_WORKER_PROPERTIES);
        var ref = request.workerConfiguration();
        if (ref != null) {
            WorkerConfiguration configuration = lookUp(() -> workerConfigurations.describe(ref.workerConfigurationArn()),
                    "workerConfiguration.workerConfigurationArn");
            if (ref.revision() < 1 || ref.revision() > configuration.latest().revision()) {
                throw new MskConnectException.BadRequest("workerConfiguration.revision " + ref.revision()
                        + " does not exist: the latest is " + configuration.latest().revision());
            }
            String content = configuration.revisions().get((int) (ref.revision() - 1)).propertiesFileContent();
            overrides.putAll(WorkerPropertiesRules.decode(content));
        }
        String bootstrap = request.kafkaCluster().apacheKafkaCluster().bootstrapServers();
        overrides.put("bootstrap.servers", bootstrap);
        if ("TLS".equals(request.kafkaClusterEncryptionInTransit().encryptionType())) {
            for (String prefix : List.of("", "producer.", "consumer.", "admin.")) {
                overrides.put(prefix + "security.protocol", "SSL");
            }
        }
        Set<String> pluginPath = new LinkedHashSet<>();
        for (int i = 0; i < request.plugins().size(); i++) {
            var ref2 = request.plugins().get(i).customPlugin();
            String field = "plugins[" + i + "].customPlugin.customPluginArn";
            CustomPlugin plugin = lookUp(() -> customPlugins.describe(ref2.customPluginArn()), field);
            if (!"ACTIVE".equals(plugin.state())) {
                throw new MskConnectException.BadRequest(field + " names a plugin that is " + plugin.state()
                        + ", not ACTIVE: " + plugin.arn());
            }
            if (ref2.revision() != plugin.revision()) {
                throw new MskConnectException.BadRequest("plugins[" + i + "].customPlugin.revision "
                        + ref2.revision() + " does not exist: the plugin's revision is " + plugin.revision());
            }
            pluginPath.add(Path.of(plugin.installDir()).getParent().toString());
        }
        overrides.put("plugin.path", String.join(",", pluginPath));
        return overrides;
    }

    private static <T> T lookUp(java.util.function.Supplier<T> describe, String field) {
        try {
            return describe.get();
        } catch (MskConnectException.NotFound | MskConnectException.BadRequest e) {
            throw new MskConnectException.NotFound(field + ": " + e.getMessage());
        }
    }

    private MskConnector findByName(String name) {
        return state.list(arns.prefixOf(Arns.CONNECTOR), MskConnector.class).stream()
                .filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    private interface Call<T> {
        void start(FutureCallback<T> callback);
    }

    /** Runs a herder call and waits for it, turning Kafka Connect's errors into the model's. */
    private static <T> T await(Call<T> call) {
        FutureCallback<T> callback = new FutureCallback<>();
        call.start(callback);
        try {
            return callback.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof BadRequestException bad) {
                throw new MskConnectException.BadRequest("connectorConfiguration: " + bad.getMessage());
            }
            if (cause instanceof NotFoundException missing) {
                throw new MskConnectException.NotFound(missing.getMessage());
            }
            throw new MskConnectException.InternalServerError("Kafka Connect could not complete the request: " + cause);
        } catch (TimeoutException e) {
            throw new MskConnectException.ServiceUnavailable("Kafka Connect did not answer within " + TIMEOUT_SECONDS
                    + " s; try again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MskConnectException.ServiceUnavailable("Interrupted");
        }
    }

    /** What Sluice's automatic restarts did for the task, as a person reads it. */
    private String restartsOf(MskConnector connector, int task) {
        return herder.automaticRestartsOf(new ConnectorTaskId(connector.name(), task))
                .map(r -> r.givenUp()
                        ? "; Sluice restarted it " + r.attempts() + " times and gave up: fix the cause, then restart it"
                        : "; Sluice restarted it " + r.attempts() + " of " + herder.automaticRestartAttempts()
                                + " times so far")
                .orElse("");
    }

    /** The first line of a Connect trace, and its root cause: what a person needs to act. */
    private static String firstLine(String trace) {
        if (trace == null) {
            return "no trace reported";
        }
        String[] lines = trace.split("\n");
        String rootCause = null;
        for (String line : lines) {
            if (line.startsWith("Caused by: ")) {
                rootCause = line.substring("Caused by: ".length()).trim();
            }
        }
        return rootCause == null ? lines[0] : lines[0] + " (caused by " + rootCause + ")";
    }
}
