package dev.sluice.connect.datagen;

/**
 * The connector's settings, validated and frozen once.
 *
 * @param topic            the topic every record is written to
 * @param recordSizeBytes  size of each value's payload
 * @param recordsPerSecond total rate across all tasks; 0 means as fast as possible
 * @param maxRecords       total records across all tasks; negative means unbounded
 * @param keyEnabled       whether records carry their sequence number as a string key
 * @param schemaEnabled    whether values are Structs {id, payload} rather than raw bytes
 * @param batchSize        the most records one poll returns
 */
public record DatagenSettings(
        String topic,
        int recordSizeBytes,
        long recordsPerSecond,
        long maxRecords,
        boolean keyEnabled,
        boolean schemaEnabled,
        int batchSize) {

    public boolean throttled() {
        return recordsPerSecond > 0;
    }

    public boolean bounded() {
        return maxRecords >= 0;
    }
}
