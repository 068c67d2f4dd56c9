package dev.sluice.schema.store;

import java.time.Duration;

/** How far the tail has applied the log; writers and readers wait on it. */
final class ReadPosition {

    private long next;
    private RuntimeException failure;

    synchronized long get() {
        return next;
    }

    synchronized void advanceTo(long position) {
        if (position > next) {
            next = position;
            notifyAll();
        }
    }

    synchronized void fail(RuntimeException cause) {
        failure = cause;
        notifyAll();
    }

    /** Waits until the record at {@code offset} has been applied. */
    synchronized void awaitPast(long offset, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (next <= offset) {
            if (failure != null) {
                throw new StoreException("The registry no longer reads its topic: " + failure.getMessage(), failure);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new StoreException("Timed out after " + timeout.toSeconds() + " s waiting to read back offset "
                        + offset + " of the registry's topic", null);
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreException("Interrupted while reading back the registry's topic", e);
            }
        }
    }
}
