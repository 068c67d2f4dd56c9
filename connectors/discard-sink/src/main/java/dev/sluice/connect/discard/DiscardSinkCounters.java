package dev.sluice.connect.discard;

import java.lang.management.ManagementFactory;
import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.apache.kafka.common.utils.Sanitizer;
import org.apache.kafka.connect.errors.ConnectException;

/** One task's counts, registered in the platform MBean server while the task runs. */
public final class DiscardSinkCounters implements DiscardSinkCountersMBean {

    public static final String DOMAIN = "dev.sluice.connect.discard";

    private final ObjectName name;
    // One writer (the task thread), any number of JMX readers.
    private volatile long recordCount;
    private volatile long byteCount;

    DiscardSinkCounters(String connectorName, int taskId) {
        this.name = objectName(connectorName, taskId);
    }

    /** The name a task's counters are registered under; the connector name is quoted as Kafka's metrics do. */
    public static ObjectName objectName(String connectorName, int taskId) {
        try {
            return new ObjectName(DOMAIN + ":type=DiscardSink,connector=" + Sanitizer.jmxSanitize(connectorName)
                    + ",task=" + taskId);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("Cannot name the counters of connector " + connectorName, e);
        }
    }

    void add(long records, long bytes) {
        recordCount += records;
        byteCount += bytes;
    }

    @Override
    public long getRecordCount() {
        return recordCount;
    }

    @Override
    public long getByteCount() {
        return byteCount;
    }

    ObjectName name() {
        return name;
    }

    /** Registers these counters, replacing those of an earlier instance of the task that was not stopped. */
    void register() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            try {
                server.registerMBean(this, name);
            } catch (InstanceAlreadyExistsException e) {
                server.unregisterMBean(name);
                server.registerMBean(this, name);
            }
        } catch (JMException e) {
            throw new ConnectException("Cannot register MBean " + name, e);
        }
    }

    void unregister() {
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
        } catch (InstanceNotFoundException e) {
            // Already gone: stop() may follow a start() that failed before registering.
        } catch (JMException e) {
            throw new ConnectException("Cannot unregister MBean " + name, e);
        }
    }
}
