package dev.sluice.connect.s3.buffer;

/**
 * The bytes of heap that one task's object buffers may hold together, across all the objects it has open or
 * waiting for upload ({@code s3.memory.budget.bytes}). A buffer that cannot reserve more spills to disk, so heap
 * use stays bounded however many partitions are open.
 *
 * <p>Some heap is held whether or not it fits: a Parquet writer's open row group, which Parquet cannot hand over
 * early. That is {@link #overcommit overcommitted}: counted, so that {@link #used()} tells the truth and every
 * {@link #tryReserve} fails (and buffers spill) while it lasts, but never refused. {@code used} then exceeds the
 * capacity by at most what is overcommitted.
 */
public final class MemoryBudget {

    private final long capacity;
    private long used;
    private long peak;

    public MemoryBudget(long capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("A memory budget must be positive, not " + capacity);
        }
        this.capacity = capacity;
    }

    /** Reserves {@code bytes} if they fit; a {@code false} means the caller must do without. */
    public synchronized boolean tryReserve(long bytes) {
        if (used + bytes > capacity) {
            return false;
        }
        used += bytes;
        peak = Math.max(peak, used);
        return true;
    }

    /** Counts {@code bytes} that are already held in heap, even beyond the capacity; see the class comment. */
    public synchronized void overcommit(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("Cannot reserve " + bytes + " bytes");
        }
        used += bytes;
        peak = Math.max(peak, used);
    }

    public synchronized void release(long bytes) {
        if (bytes > used) {
            throw new IllegalStateException("Releasing " + bytes + " bytes but only " + used + " are reserved");
        }
        used -= bytes;
    }

    public long capacity() {
        return capacity;
    }

    public synchronized long used() {
        return used;
    }

    /** The most ever reserved at once. */
    public synchronized long peak() {
        return peak;
    }
}
