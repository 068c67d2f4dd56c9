package dev.sluice.runtime.connect;

import io.dropwizard.lifecycle.Managed;
import org.apache.kafka.connect.runtime.AbstractStatus;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.util.ConnectorTaskId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Restarts failed tasks by itself, with exponential back-off (the first retry after {@code initialBackoff}, each
 * next one twice as late) and a bounded number of attempts; a task that has run for a minute since its last
 * restart gets its attempts back. What it did is readable through {@link #restartsOf}.
 */
public final class TaskRestarter implements Managed {

    private static final Logger log = LoggerFactory.getLogger(TaskRestarter.class);
    private static final Duration HEALTHY_AFTER = Duration.ofMinutes(1);

    private final ConnectorClusters clusters;
    private final int maxAttempts;
    private final Duration initialBackoff;
    /** Keyed by cluster id too: a connector deleted and created again under its name starts with a clean slate. */
    private final Map<Key, Restarts> restarts = new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;

    /** What was done for a task: how many restarts, and when the next may come (nanoTime). */
    public record Restarts(int attempts, long nextAtNanos, long lastAtNanos, boolean givenUp) {
    }

    public TaskRestarter(ConnectorClusters clusters, int maxAttempts, Duration initialBackoff) {
        this.clusters = clusters;
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
    }

    private record Key(String clusterId, ConnectorTaskId task) {
    }

    public Optional<Restarts> restartsOf(ConnectorTaskId task) {
        return clusters.get(task.connector())
                .map(cluster -> restarts.get(new Key(cluster.id().id(), task)));
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    @Override
    public void start() {
        if (maxAttempts <= 0) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sluice-task-restarter");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(200, Math.min(initialBackoff.toMillis(), 2_000));
        scheduler.scheduleWithFixedDelay(this::tick, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    void tick() {
        long now = System.nanoTime();
        var live = clusters.all();
        var liveIds = live.stream().map(c -> c.id().id()).collect(java.util.stream.Collectors.toSet());
        restarts.keySet().removeIf(key -> !liveIds.contains(key.clusterId())); // connectors deleted since
        for (ConnectorCluster cluster : live) {
            ConnectorStateInfo status;
            try {
                status = cluster.herder().connectorStatus(cluster.connectorName());
            } catch (RuntimeException e) {
                continue; // no status yet, or the connector is going away
            }
            for (ConnectorStateInfo.TaskState task : status.tasks()) {
                Key id = new Key(cluster.id().id(), new ConnectorTaskId(cluster.connectorName(), task.id()));
                if (AbstractStatus.State.FAILED.name().equals(task.state())) {
                    maybeRestart(cluster, id, now);
                } else if (AbstractStatus.State.RUNNING.name().equals(task.state())) {
                    restarts.computeIfPresent(id, (k, r) ->
                            now - r.lastAtNanos() > HEALTHY_AFTER.toNanos() ? null : r);
                }
            }
        }
    }

    private void maybeRestart(ConnectorCluster cluster, Key id, long now) {
        Restarts current = restarts.getOrDefault(id, new Restarts(0, now + initialBackoff.toNanos(), now, false));
        restarts.putIfAbsent(id, current);
        if (current.givenUp() || now < current.nextAtNanos()) {
            return;
        }
        if (current.attempts() >= maxAttempts) {
            log.warn("Task {} failed again after {} automatic restarts; leaving it FAILED: fix its cause and restart"
                    + " it through the API", id.task(), current.attempts());
            restarts.put(id, new Restarts(current.attempts(), Long.MAX_VALUE, current.lastAtNanos(), true));
            return;
        }
        int attempt = current.attempts() + 1;
        long backoff = initialBackoff.toNanos() << Math.min(attempt, 20);
        restarts.put(id, new Restarts(attempt, now + backoff, now, false));
        log.info("Restarting failed task {} (automatic restart {} of {})", id.task(), attempt, maxAttempts);
        cluster.herder().restartTask(id.task(), (error, ignored) -> {
            if (error != null) {
                log.debug("Automatic restart of task {} was refused: {}", id.task(), error.getMessage());
            }
        });
    }
}
