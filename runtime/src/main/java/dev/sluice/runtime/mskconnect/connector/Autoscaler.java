package dev.sluice.runtime.mskconnect.connector;

import dev.sluice.runtime.mskconnect.Arns;
import dev.sluice.runtime.mskconnect.Inputs;
import dev.sluice.runtime.mskconnect.Timestamps;
import dev.sluice.runtime.mskconnect.connector.ConnectorApi.AutoScaling;
import dev.sluice.runtime.mskconnect.connector.ConnectorOperation.Step;
import dev.sluice.runtime.state.ResourceState;
import io.dropwizard.lifecycle.Managed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * MSK Connect's autoscaling: every interval, each autoscaled connector's CPU use is set against its capacity
 * (workers x MCU, an MCU being one CPU core's worth here); above the scale-out percentage it gains a worker, below
 * the scale-in percentage it loses one, within its bounds. As MSK does, tasks.max follows: workers x MCU x 2,
 * capped by maxAutoscalingTaskCount. Every step is recorded as an UPDATE_WORKER_SETTING operation.
 */
public final class Autoscaler implements Managed {

    private static final Logger log = LoggerFactory.getLogger(Autoscaler.class);

    private final ResourceState state;
    private final Arns arns;
    private final Clock clock;
    private final MskConnectors connectors;
    private final Duration interval;
    private final Map<String, Sample> lastSamples = new ConcurrentHashMap<>();
    /** After a step, a connector is left alone for a few intervals: its tasks restart and settle first. */
    private final Map<String, Long> coolingUntil = new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;

    public Autoscaler(ResourceState state, Arns arns, Clock clock, MskConnectors connectors, Duration interval) {
        this.state = state;
        this.arns = arns;
        this.clock = clock;
        this.connectors = connectors;
        this.interval = interval;
    }

    private record Sample(long cpuNanos, long atNanos) {
    }

    /** tasks.max for a connector of {@code workers} workers: workers x MCU x 2, capped as asked. */
    static int tasksMax(AutoScaling autoScaling, int workers) {
        int tasks = workers * autoScaling.mcuCount() * 2;
        Integer cap = autoScaling.maxAutoscalingTaskCount();
        return cap == null ? tasks : Math.min(tasks, cap);
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sluice-autoscaler");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::tick, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    void tick() {
        List<MskConnector> all = state.list(arns.prefixOf(Arns.CONNECTOR), MskConnector.class);
        var live = all.stream().map(MskConnector::arn).collect(java.util.stream.Collectors.toSet());
        lastSamples.keySet().retainAll(live); // forget connectors deleted since
        coolingUntil.keySet().retainAll(live);
        for (MskConnector connector : all) {
            AutoScaling autoScaling = connector.request().capacity().autoScaling();
            if (autoScaling == null) {
                continue;
            }
            try {
                evaluate(connector, autoScaling);
            } catch (RuntimeException e) {
                log.warn("Autoscaling of connector {} skipped this round", connector.name(), e);
            }
        }
    }

    private void evaluate(MskConnector connector, AutoScaling autoScaling) {
        int workers = connectors.workerCount(connector);
        if (workers == 0 || !connectors.scalesHere(connector)) {
            lastSamples.remove(connector.arn());
            return; // another node of the fleet decides for it
        }
        String connectorState = connectors.status(connector).state();
        if (!"RUNNING".equals(connectorState) && !"PAUSED".equals(connectorState)) {
            return;
        }
        long nowNanos = System.nanoTime();
        Long cooling = coolingUntil.get(connector.arn());
        if (cooling != null && nowNanos < cooling) {
            lastSamples.remove(connector.arn());
            return;
        }
        Sample now = new Sample(TaskCpu.cpuNanos(connector.name()), nowNanos);
        Sample before = lastSamples.put(connector.arn(), now);
        if (before == null || now.atNanos() <= before.atNanos()) {
            return;
        }
        // the tasks of this node's workers, against what these workers may use: Connect spreads tasks evenly, so
        // this node's share stands for the connector's
        int here = Math.max(1, connectors.workersHere(connector));
        double capacityNanos = (double) (now.atNanos() - before.atNanos()) * here * autoScaling.mcuCount();
        double utilization = 100.0 * Math.max(0, now.cpuNanos() - before.cpuNanos()) / capacityNanos;
        int out = ConnectorRequestCheck.percentage(autoScaling.scaleOutPolicy(), "", 80, new Inputs());
        int in = ConnectorRequestCheck.percentage(autoScaling.scaleInPolicy(), "", 20, new Inputs());
        log.debug("Connector {}: CPU at {}% of {} worker(s) x {} MCU", connector.name(), Math.round(utilization),
                workers, autoScaling.mcuCount());
        int target = workers;
        if (utilization > out && workers < autoScaling.maxWorkerCount()) {
            target = workers + 1;
        } else if (utilization < in && workers > autoScaling.minWorkerCount()) {
            target = workers - 1;
        }
        if (target != workers) {
            scale(connector, autoScaling, workers, target, utilization);
        }
    }

    private void scale(MskConnector connector, AutoScaling autoScaling, int from, int to, double utilization) {
        log.info("Autoscaling connector {} from {} to {} worker(s): CPU at {}% of its capacity",
                connector.name(), from, to, Math.round(utilization));
        String started = Timestamps.now(clock);
        String failure = connectors.resizeAndSetTasksMax(connector, to, tasksMax(autoScaling, to));
        lastSamples.remove(connector.arn()); // the next measurement starts with the new workers
        coolingUntil.put(connector.arn(), System.nanoTime() + 5 * interval.toNanos());
        ConnectorOperation operation = new ConnectorOperation(
                arns.newArn(Arns.CONNECTOR_OPERATION, connector.name()), connector.arn(), "UPDATE_WORKER_SETTING",
                failure == null ? "UPDATE_COMPLETE" : "UPDATE_FAILED",
                List.of(new Step("INITIALIZE_UPDATE", "COMPLETED"),
                        new Step("UPDATE_WORKER_SETTING", failure == null ? "COMPLETED" : "FAILED"),
                        new Step("FINALIZE_UPDATE", failure == null ? "COMPLETED" : "CANCELLED")),
                null, null, new ConnectorOperation.WorkerSetting(connector.request().capacity()),
                new ConnectorOperation.WorkerSetting(connector.request().capacity()),
                failure == null ? null : new ConnectorApi.StateDescription("AUTOSCALING_FAILED", failure),
                started, Timestamps.now(clock), from, to);
        state.put(operation.connectorOperationArn(), operation);
    }
}
