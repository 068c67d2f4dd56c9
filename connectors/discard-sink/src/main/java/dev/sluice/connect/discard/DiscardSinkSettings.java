package dev.sluice.connect.discard;

/**
 * A discard task's settings, validated and frozen once.
 *
 * @param connectorName   the connector's name, which identifies the task's counters
 * @param taskId          the task's index, from 0
 * @param logEveryRecords log progress every this many records; 0 means never
 */
public record DiscardSinkSettings(String connectorName, int taskId, long logEveryRecords) {

    public boolean logsProgress() {
        return logEveryRecords > 0;
    }
}
