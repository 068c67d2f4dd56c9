package dev.sluice.connect.discard;

/**
 * What a discard task exposes over JMX, as
 * {@code dev.sluice.connect.discard:type=DiscardSink,connector=<name>,task=<id>}. Tests and benchmarks read
 * these through the platform MBean server, since the plugin's classes live in their own class loader.
 */
public interface DiscardSinkCountersMBean {

    /** Records received by the task since it started. */
    long getRecordCount();

    /** Sum of the lengths of the {@code byte[]} values received; other values count 0. */
    long getByteCount();
}
