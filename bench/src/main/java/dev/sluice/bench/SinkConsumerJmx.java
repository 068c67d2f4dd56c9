package dev.sluice.bench;

import java.lang.management.ManagementFactory;
import java.util.List;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * How many records a sink connector's tasks have read from Kafka: the {@code records-consumed-total} of each task's
 * consumer ({@code connector-consumer-<name>-<task>}, Kafka Connect's client id), which the consumer registers in
 * this JVM's platform MBean server as {@code kafka.consumer:type=consumer-fetch-manager-metrics,client-id=...}.
 */
public final class SinkConsumerJmx {

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final String clientIdPrefix;
    private final ObjectName pattern;

    public SinkConsumerJmx(String connectorName) {
        this.clientIdPrefix = "connector-consumer-" + connectorName + "-";
        try {
            pattern = new ObjectName("kafka.consumer:type=consumer-fetch-manager-metrics,client-id=*");
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until {@code tasks} consumers of the connector are registered, and returns their names. */
    public List<ObjectName> awaitConsumers(int tasks, Poller poller) throws Exception {
        poller.until(() -> consumers().size() >= tasks,
                () -> tasks + " consumer(s) " + clientIdPrefix + "* in JMX; found " + consumers());
        return consumers();
    }

    private List<ObjectName> consumers() {
        return server.queryNames(pattern, null).stream()
                .filter(name -> name.getKeyProperty("client-id").startsWith(clientIdPrefix))
                .toList();
    }

    /** The records the given consumers have read; byte counts are not needed and left at zero. */
    public Counts read(List<ObjectName> consumers) {
        long records = 0;
        for (ObjectName consumer : consumers) {
            try {
                records += Math.round((Double) server.getAttribute(consumer, "records-consumed-total"));
            } catch (InstanceNotFoundException e) {
                // closed since (the task stopped); its count no longer matters once the window has opened
            } catch (JMException e) {
                throw new IllegalStateException("cannot read " + consumer, e);
            }
        }
        return new Counts(records, 0);
    }
}
