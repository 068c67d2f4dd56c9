package dev.sluice.runtime.mskconnect.logs;

import java.util.ArrayList;
import java.util.List;

/**
 * The log lines of one connector waiting for delivery. Bounded: past {@link #MAX_BYTES} lines are dropped and
 * counted (MSK Connect also drops lines of a connector that logs too much), so a chatty connector or an
 * unreachable bucket cannot exhaust the node's memory.
 */
final class LogBatch {

    static final int MAX_BYTES = 4 * 1024 * 1024;

    private final LogDestination destination;
    private List<String> lines = new ArrayList<>();
    private int bytes;
    private long dropped;

    LogBatch(LogDestination destination) {
        this.destination = destination;
    }

    LogDestination destination() {
        return destination;
    }

    synchronized void add(String line) {
        if (bytes + line.length() > MAX_BYTES) {
            dropped++;
            return;
        }
        lines.add(line);
        bytes += line.length();
    }

    /** Takes the waiting lines, a note of the dropped ones last; empty when there is nothing to deliver. */
    synchronized List<String> drain() {
        List<String> out = lines;
        if (dropped > 0) {
            out.add("[sluice] " + dropped + " log lines of this connector were dropped: more than "
                    + MAX_BYTES + " bytes waited for delivery\n");
        }
        lines = new ArrayList<>();
        bytes = 0;
        dropped = 0;
        return out;
    }

    /** Puts lines that could not be delivered back in front, as far as the bound allows. */
    synchronized void putBack(List<String> undelivered) {
        List<String> waiting = lines;
        lines = new ArrayList<>();
        bytes = 0;
        undelivered.forEach(this::add);
        waiting.forEach(this::add);
    }
}
