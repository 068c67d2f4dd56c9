package dev.sluice.connect.datagen;

/**
 * One task's share of the work. Sequence numbers are dealt round-robin: task {@code taskId} of
 * {@code taskCount} produces {@code taskId, taskId + taskCount, taskId + 2 * taskCount, ...}, so across all
 * tasks every sequence number in {@code [0, max.records)} is produced exactly once.
 */
public record DatagenTaskSettings(DatagenSettings connector, int taskId, int taskCount) {

    public DatagenTaskSettings {
        if (taskCount < 1 || taskId < 0 || taskId >= taskCount) {
            throw new IllegalArgumentException("Task " + taskId + " of " + taskCount + " does not exist");
        }
    }

    /** This task's share of the total rate, in records per millisecond; 0 when unthrottled. */
    public double recordsPerMs() {
        return connector.recordsPerSecond() / 1000.0 / taskCount;
    }

    /** How many of this task's sequence numbers, starting from {@code nextSeq}, are still to be produced. */
    public long remainingFrom(long nextSeq) {
        if (!connector.bounded()) {
            return Long.MAX_VALUE;
        }
        long max = connector.maxRecords();
        return nextSeq >= max ? 0 : (max - nextSeq + taskCount - 1) / taskCount;
    }

    /** The first sequence number of this task after {@code committedSeq}. */
    public long nextAfter(long committedSeq) {
        long candidate = committedSeq + 1;
        long misalignment = Math.floorMod(candidate - taskId, (long) taskCount);
        return misalignment == 0 ? candidate : candidate + taskCount - misalignment;
    }
}
