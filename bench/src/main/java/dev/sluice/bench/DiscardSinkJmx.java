package dev.sluice.bench;

import java.lang.management.ManagementFactory;
import java.util.List;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.apache.kafka.common.utils.Sanitizer;

/**
 * The counters that the discard sink's tasks register in this JVM's platform MBean server, as
 * {@code dev.sluice.connect.discard:type=DiscardSink,connector=<name>,task=<id>}. The plugin's classes live in
 * their own class loader, so JMX is the way to read them.
 */
public final class DiscardSinkJmx {

    private static final String DOMAIN = "dev.sluice.connect.discard";

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final ObjectName pattern;

    public DiscardSinkJmx(String connectorName) {
        try {
            // Quoted as the plugin quotes it (Kafka's Sanitizer).
            pattern = new ObjectName(DOMAIN + ":type=DiscardSink,connector="
                    + Sanitizer.jmxSanitize(connectorName) + ",*");
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("cannot name the counters of connector " + connectorName, e);
        }
    }

    /** Waits until {@code tasks} tasks of the connector have registered their counters, and returns their names. */
    public List<ObjectName> awaitTasks(int tasks, Poller poller) throws Exception {
        poller.until(() -> server.queryNames(pattern, null).size() >= tasks,
                () -> tasks + " task(s) to register " + pattern + "; found " + server.queryNames(pattern, null));
        return List.copyOf(server.queryNames(pattern, null));
    }

    /** The sum of the given tasks' counters; a task that has stopped since counts nothing. */
    public Counts read(List<ObjectName> tasks) {
        Counts sum = Counts.ZERO;
        for (ObjectName task : tasks) {
            try {
                sum = sum.plus(new Counts((Long) server.getAttribute(task, "RecordCount"),
                        (Long) server.getAttribute(task, "ByteCount")));
            } catch (InstanceNotFoundException e) {
                // stopped (e.g. by a rebalance); its records are read again by the task that takes its partitions
            } catch (JMException e) {
                throw new IllegalStateException("cannot read " + task, e);
            }
        }
        return sum;
    }
}
