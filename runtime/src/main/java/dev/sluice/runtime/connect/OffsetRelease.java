package dev.sluice.runtime.connect;

import org.apache.kafka.connect.connector.Connector;
import org.apache.kafka.connect.runtime.Herder;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.sink.SinkConnector;
import org.apache.kafka.connect.source.SourceConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Deleting a connector discards its offsets (its Connect cluster's topics go with it). A connector that holds state
 * outside Kafka for those offsets, such as the replication slot of the CDC source, learns of that through Kafka
 * Connect's offset reset, which calls its {@code alterOffsets} with every offset null. So before such a connector is
 * deleted, this stops it, waits until its tasks are gone, and resets its offsets.
 *
 * <p>Only connectors whose class overrides {@code alterOffsets} are stopped this way; the others are deleted as they
 * are, without the wait.
 */
final class OffsetRelease implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OffsetRelease.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final Duration timeout;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "sluice-offset-release");
        thread.setDaemon(true);
        return thread;
    });

    OffsetRelease(Duration timeout) {
        this.timeout = timeout;
    }

    /** Whether the connector's class overrides {@code alterOffsets}, and so may hold state for its offsets. */
    static boolean holdsStateForOffsets(Class<?> connectorClass) {
        if (!Connector.class.isAssignableFrom(connectorClass)) {
            return false;
        }
        try {
            Class<?> declaring = connectorClass.getMethod("alterOffsets", Map.class, Map.class).getDeclaringClass();
            return declaring != SourceConnector.class && declaring != SinkConnector.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /**
     * Stops the connector and resets its offsets. Completes normally once the reset is done, exceptionally when a step
     * failed or the whole did not finish within the timeout; either way the caller goes on to delete the connector.
     */
    CompletableFuture<Void> release(Herder herder, String connector) {
        var done = new CompletableFuture<Void>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            herder.stopConnector(connector, (error, ignored) -> {
                if (error != null) {
                    done.completeExceptionally(error);
                } else {
                    schedule(() -> resetOnceStopped(herder, connector, deadline, done), Duration.ZERO, done);
                }
            });
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
        // the stop, the wait and the reset (which may reach out to an unreachable database) together
        return done.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs {@code step} on the poller after {@code delay}; a poller already closed fails {@code done} instead. */
    private void schedule(Runnable step, Duration delay, CompletableFuture<Void> done) {
        try {
            poller.schedule(step, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            done.completeExceptionally(new IllegalStateException("the node is stopping", e));
        }
    }

    private void resetOnceStopped(Herder herder, String connector, long deadline, CompletableFuture<Void> done) {
        try {
            if (stopped(herder, connector)) {
                herder.resetConnectorOffsets(connector, (error, message) -> {
                    if (error != null) {
                        done.completeExceptionally(error);
                    } else {
                        log.info("Reset the offsets of connector {} before deleting it: {}", connector,
                                message == null ? "" : message.message());
                        done.complete(null);
                    }
                });
            } else if (System.nanoTime() > deadline) {
                done.completeExceptionally(new IllegalStateException("The tasks of connector " + connector
                        + " did not stop within " + timeout.toSeconds() + " s"));
            } else {
                schedule(() -> resetOnceStopped(herder, connector, deadline, done), POLL, done);
            }
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
    }

    private static boolean stopped(Herder herder, String connector) {
        ConnectorInfo info = herder.connectorInfo(connector);
        ConnectorStateInfo status = herder.connectorStatus(connector);
        return info != null && info.tasks().isEmpty() && status.tasks().isEmpty()
                && "STOPPED".equals(status.connector().state());
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
