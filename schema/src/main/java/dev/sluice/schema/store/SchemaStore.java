package dev.sluice.schema.store;

import java.util.List;

/**
 * The log every node's registry state is built from. A write is atomic (all of its changes, or none, are ever seen)
 * and returns only once this node's state has applied it, so the caller reads its own writes.
 */
public interface SchemaStore extends AutoCloseable {

    void write(List<Change> changes);

    /** Waits until this node has applied every write acknowledged (by any node) before the call. */
    void catchUp();

    /**
     * Makes this node the one writer before a change reads the state it checks: a write by another node after this
     * call fails this node's next write (which is then checked again), and every write before it is seen by the
     * {@link #catchUp} that follows. Nothing to do where there is one writer.
     */
    default void claimWriter() {
    }

    @Override
    void close();
}
