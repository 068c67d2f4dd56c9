package dev.sluice.schema.store;

import java.util.ArrayList;
import java.util.List;

/** A store in memory: each write is applied at once. For tests of what stands on the store, and for tools. */
public final class InMemorySchemaStore implements SchemaStore {

    private final StateSink sink;
    private final List<Change> log = new ArrayList<>();

    public InMemorySchemaStore(StateSink sink) {
        this.sink = sink;
    }

    @Override
    public synchronized void write(List<Change> changes) {
        log.addAll(changes);
        changes.forEach(sink::apply);
    }

    @Override
    public void catchUp() {
    }

    /** Every change written so far, in order: what a new node would replay. */
    public synchronized List<Change> log() {
        return List.copyOf(log);
    }

    @Override
    public void close() {
    }
}
