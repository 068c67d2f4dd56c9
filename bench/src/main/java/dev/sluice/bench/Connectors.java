package dev.sluice.bench;

import dev.sluice.testkit.ConnectRestClient;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;

/**
 * Creates, watches and deletes connectors on a worker node through the Kafka Connect REST API. Connector names are
 * the benchmark's own: letters, digits and '-', which Sluice uses unchanged in its internal topics' names.
 */
public final class Connectors {

    private static final String RUNNING = "RUNNING";

    private final ConnectRestClient rest;
    private final Admin admin;
    private final Poller poller;

    /**
     * @param admin  sees the internal topics of each connector's Connect cluster, whose deletion marks the end of a
     *               connector's retirement
     * @param poller how often and how long to poll while waiting
     */
    public Connectors(ConnectRestClient rest, Admin admin, Poller poller) {
        this.rest = rest;
        this.admin = admin;
        this.poller = poller;
    }

    /**
     * {@code POST /connectors}. A new name means a new consumer group {@code connect-<name>}, which starts at the
     * earliest offset (Connect's default {@code auto.offset.reset} for sink tasks).
     */
    public void create(String name, Map<String, String> config) {
        expect(rest.createConnector(name, config), 201, "POST /connectors for " + name);
    }

    /** Polls {@code GET /connectors/<name>/status} until the connector and all its tasks are RUNNING. */
    public void awaitRunning(String name, int tasks) throws Exception {
        poller.until(() -> rest.hasState(name, RUNNING, tasks),
                () -> name + " to be RUNNING; status: " + status(name));
    }

    /**
     * {@code PUT /connectors/<name>/stop}, then waits until the connector is STOPPED: its tasks have stopped and
     * committed their offsets, and a source connector's next start goes on from them.
     */
    public void stop(String name) throws Exception {
        expect(rest.put("/connectors/" + name + "/stop", null), 204, "PUT /connectors/" + name + "/stop");
        poller.until(() -> rest.hasState(name, "STOPPED", 0), () -> name + " to be STOPPED; status: " + status(name));
    }

    /** {@code PUT /connectors/<name>/resume}: a stopped connector starts its tasks again. */
    public void resume(String name) {
        expect(rest.put("/connectors/" + name + "/resume", null), 202, "PUT /connectors/" + name + "/resume");
    }

    /** {@code DELETE /connectors/<name>/offsets} of a stopped connector: its position given up. */
    public void resetOffsets(String name) {
        expect(rest.delete("/connectors/" + name + "/offsets"), 200, "DELETE /connectors/" + name + "/offsets");
    }

    private static void expect(ConnectRestClient.Reply reply, int status, String request) {
        if (reply.status() != status) {
            throw new IllegalStateException(request + " returned " + reply.status() + ": " + reply.body());
        }
    }

    /**
     * The sum over a sink connector's partitions of its committed offsets ({@code GET /connectors/<name>/offsets}):
     * the records of a topic read from the beginning that the connector has committed as done.
     */
    public long committedOffsets(String name) {
        var reply = rest.get("/connectors/" + name + "/offsets");
        expect(reply, 200, "GET /connectors/" + name + "/offsets");
        long sum = 0;
        for (var partition : reply.body().path("offsets")) {
            sum += partition.path("offset").path("kafka_offset").asLong();
        }
        return sum;
    }

    /** The connector's status as JSON, for messages. */
    public String status(String name) {
        return rest.get("/connectors/" + name + "/status").body().toString();
    }

    /**
     * {@code DELETE /connectors/<name>}, then waits until the node has stopped the connector's Connect cluster and
     * deleted its internal topics (which it does in the background), so that the next measurement has the
     * machine to itself.
     */
    public void deleteAndAwaitRetired(String name) throws Exception {
        expect(rest.delete("/connectors/" + name), 204, "DELETE /connectors/" + name);
        var internalTopic = Pattern.compile("__sluice_(configs|offsets|status)_" + Pattern.quote(name)
                + "_[0-9a-f]{8}");
        poller.until(() -> admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                        .noneMatch(topic -> internalTopic.matcher(topic).matches()),
                () -> "the Connect cluster of the deleted connector " + name + " to be removed");
    }
}
