package dev.sluice.bench;

/** How many records, and how many value bytes, a reader has consumed so far. */
public record Counts(long records, long bytes) {

    public static final Counts ZERO = new Counts(0, 0);

    public Counts plus(Counts other) {
        return new Counts(records + other.records, bytes + other.bytes);
    }

    public Counts minus(Counts other) {
        return new Counts(records - other.records, bytes - other.bytes);
    }
}
