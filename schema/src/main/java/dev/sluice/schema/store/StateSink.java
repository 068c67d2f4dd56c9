package dev.sluice.schema.store;

/** Where a store delivers each change it reads back, in log order; on one thread. */
@FunctionalInterface
public interface StateSink {

    void apply(Change change);
}
